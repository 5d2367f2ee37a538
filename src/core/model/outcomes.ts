import type { Design } from '../design.js';
import { drawLognormal } from '../distributions/lognormal.js';
import { drawPoisson } from '../distributions/poisson.js';
import type { Rng } from '../rng/rng.js';
import { assignCaseloads } from './caseloads.js';
import type { Cohort } from './cohort.js';
import { drawMeanOneGamma } from './mean-one-gamma.js';
import type { ModelConstants } from './model-constants.js';

/** What is measured in one trial, person by person (index i is cohort person i). */
export interface TrialData {
  /**
   * 0 when lost to attrition (the same person is missing for every outcome). Without attrition
   * (and `caseworker` without caseworkers) the array is shared by every trial: read only.
   */
  readonly observed: Uint8Array;
  /** 1 for treated people who took up the support. */
  readonly engaged: Uint8Array;
  /** Caseworker index of treated people (−1 for controls, or without caseworkers). */
  readonly caseworker: Int32Array;
  /** Per outcome (design order), per person: count, 0/1, or harm. */
  readonly values: Float64Array[];
}

/**
 * Measures every outcome of one trial.
 *
 * Formula in words (g = the person's group, r = `ratios[outcome][g]`, applied to engaged treated
 * people only; e_g = engagement; attrition removes each person with its probability):
 * - count: Poisson with mean ratePerYear_g × followUpMonths/12 × propensity × own noise × site
 *   multiplier × (treated: caseworker multiplier, gamma mean 1 with the variance that gives the
 *   scenario's ICC) × (engaged: r);
 * - binary with own prevalence p_g: 1 with probability 1 − e^(−h_g·propensity·site·caseworker)
 *   (h_g makes the population prevalence p_g), × r for engaged people, capped at 1;
 * - binary `from` a count: 1 when that count is above 0 (the count's own ratio carries the effect);
 * - harm `from` a count: the sum of a lognormal severity (median, sdLog) per event of that count,
 *   each × r for engaged people.
 * Reference: DESIGN.md §2–§3; gamma–Poisson mixture (Greenwood & Yule 1920); Cambridge Crime Harm
 * Index (Sherman, Neyroud & Neyroud 2016).
 *
 * `treatmentVaries` false (the paired null run) keeps caseworker multipliers at 1: if the support
 * does nothing, a caseworker cannot change anything either, so the null run is the sharp null.
 * The multipliers are still drawn, so both runs consume the same random numbers.
 *
 * @example ratios all 1 and no engagement: the treated and control arms have the same expected
 *   counts (the caseworker multiplier has mean 1)
 */
export function drawOutcomes(
  design: Design,
  constants: ModelConstants,
  cohort: Cohort,
  treated: Uint8Array,
  ratios: readonly (readonly number[])[],
  rng: Rng,
  treatmentVaries = true,
): TrialData {
  const size = cohort.size;
  const observed =
    design.plan.attrition > 0 ? drawObserved(size, design.plan.attrition, rng) : constants.shared.observed;
  const engaged = new Uint8Array(size);
  drawEngagement(treated, cohort.group, constants.engagement, engaged, rng);
  const caseworkers = design.plan.caseworkers;
  let caseworker: Int32Array;
  let personMultiplier: Float64Array | null = null;
  if (caseworkers === null) {
    caseworker = constants.shared.noCaseworker;
  } else {
    const caseloads = assignCaseloads(treated, cohort.site, cohort.siteMultiplier.length, caseworkers.caseload);
    caseworker = caseloads.caseworker;
    if (constants.caseworkerVariance > 0) {
      const multipliers = new Float64Array(caseloads.caseworkers);
      for (let c = 0; c < multipliers.length; c++) multipliers[c] = drawMeanOneGamma(rng, constants.caseworkerVariance);
      if (!treatmentVaries) multipliers.fill(1);
      personMultiplier = new Float64Array(size).fill(1);
      for (let i = 0; i < size; i++) if (caseworker[i] >= 0) personMultiplier[i] = multipliers[caseworker[i]];
    }
  }
  const context = { design, constants, cohort, engaged, personMultiplier, rng };
  const values: Float64Array[] = new Array(design.outcomes.length);
  // Counts first: derived binaries and harm are built on them.
  design.outcomes.forEach((outcome, k) => {
    if (outcome.kind === 'count') values[k] = drawCounts(context, k, ratios[k]);
  });
  design.outcomes.forEach((outcome, k) => {
    if (outcome.kind === 'harm') values[k] = drawHarm(context, k, values[constants.source[k]], ratios[k]);
    else if (outcome.kind === 'binary') {
      values[k] = outcome.from === null ? drawOwnBinary(context, k, ratios[k]) : anyEvent(values[constants.source[k]]);
    }
  });
  return { observed, engaged, caseworker, values };
}

interface DrawContext {
  readonly design: Design;
  readonly constants: ModelConstants;
  readonly cohort: Cohort;
  readonly engaged: Uint8Array;
  /** Caseworker multiplier per person (1 for controls), or null when there is none. */
  readonly personMultiplier: Float64Array | null;
  readonly rng: Rng;
}

function drawObserved(size: number, attrition: number, rng: Rng): Uint8Array {
  const observed = new Uint8Array(size);
  for (let i = 0; i < size; i++) if (rng.next() >= attrition) observed[i] = 1;
  return observed;
}

// Engagement of 1 (or 0) is certain: no random number is spent on it.
function drawEngagement(
  treated: Uint8Array,
  group: Uint16Array,
  engagement: Float64Array,
  engaged: Uint8Array,
  rng: Rng,
): void {
  for (let i = 0; i < treated.length; i++) {
    if (treated[i] !== 1) continue;
    const probability = engagement[group[i]];
    if (probability >= 1 || (probability > 0 && rng.next() < probability)) engaged[i] = 1;
  }
}

function drawCounts(context: DrawContext, k: number, ratio: readonly number[]): Float64Array {
  const { cohort, engaged, personMultiplier, rng } = context;
  const { group, propensity, site, siteMultiplier } = cohort;
  const noise = cohort.outcomeNoise[k];
  const years = context.design.plan.followUpMonths / 12;
  const base = Float64Array.from(context.constants.groupRates[k], (rate) => rate * years);
  const engagedBase = Float64Array.from(base, (mean, g) => mean * ratio[g]);
  const values = new Float64Array(cohort.size);
  for (let i = 0; i < cohort.size; i++) {
    const g = group[i];
    let mean = (engaged[i] === 1 ? engagedBase[g] : base[g]) * propensity[i] * noise[i] * siteMultiplier[site[i]];
    if (personMultiplier !== null) mean *= personMultiplier[i];
    values[i] = drawPoisson(rng, mean);
  }
  return values;
}

function drawOwnBinary(context: DrawContext, k: number, ratio: readonly number[]): Float64Array {
  const { cohort, engaged, personMultiplier, rng } = context;
  const { group, propensity, site, siteMultiplier } = cohort;
  const hazard = context.constants.groupRates[k];
  const values = new Float64Array(cohort.size);
  for (let i = 0; i < cohort.size; i++) {
    const g = group[i];
    let rate = hazard[g] * propensity[i] * siteMultiplier[site[i]];
    if (personMultiplier !== null) rate *= personMultiplier[i];
    let probability = -Math.expm1(-rate);
    if (engaged[i] === 1) probability = Math.min(1, probability * ratio[g]);
    if (rng.next() < probability) values[i] = 1;
  }
  return values;
}

function anyEvent(counts: Float64Array): Float64Array {
  const values = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) values[i] = 1;
  return values;
}

function drawHarm(context: DrawContext, k: number, counts: Float64Array, ratio: readonly number[]): Float64Array {
  const outcome = context.design.outcomes[k];
  if (outcome.kind !== 'harm') throw new TypeError('drawHarm needs a harm outcome');
  const { median, sdLog } = outcome.severity;
  const { group } = context.cohort;
  const { engaged, rng } = context;
  const values = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const events = counts[i];
    if (events === 0) continue;
    let sum = 0;
    for (let e = 0; e < events; e++) sum += drawLognormal(rng, median, sdLog);
    values[i] = engaged[i] === 1 ? sum * ratio[group[i]] : sum;
  }
  return values;
}
