import type { Design } from '../design.js';
import { drawLognormal } from '../distributions/lognormal.js';
import { drawFromTable, type NegativeBinomialTable } from '../distributions/negative-binomial-table.js';
import { drawPoisson } from '../distributions/poisson.js';
import { followUpYears } from '../measurement/exposure.js';
import type { Rng } from '../rng/rng.js';
import type { Cohort } from './cohort.js';
import { countTable, type MarginalCounts } from './marginal-counts.js';
import { drawMeanOneGamma } from './mean-one-gamma.js';
import type { ModelConstants } from './model-constants.js';

/**
 * The person form of the outcome model: every outcome's value for every person of one trial.
 *
 * Formula in words (g = the person's group, r = `ratios[outcome][g]`, applied to engaged treated
 * people only):
 * - count: Poisson with mean ratePerYear_g × followUpMonths/12 × propensity × own noise × site
 *   multiplier × caseworker multiplier (`caseworkerMultiplier`, treated people; 1 otherwise) ×
 *   (engaged: r);
 * - binary with own prevalence p_g: 1 with probability 1 − e^(−h_g·propensity·site·caseworker)
 *   (h_g makes the population prevalence p_g), × r for engaged people, capped at 1;
 * - binary `from` a count: 1 when that count is above 0 (the count's own ratio carries the effect);
 * - harm `from` a count: the sum of a lognormal severity (median, sdLog) per event of that count,
 *   each × r for engaged people.
 * Counts are drawn first (in design order), then binaries and harm, which may be built on them.
 * Where the design's counts have a marginal law (`constants.marginalCounts`, see
 * `planMarginalCounts`: each count's one varying gamma multiplier is the person's own and feeds
 * nothing else), each count is drawn straight from the negative-binomial law of the person's
 * cell — mean ratePerYear_g × followUpMonths/12 × (engaged: r), dispersion that multiplier's
 * variance — by table inversion, one uniform per person; the same law as the mixture.
 * Reference: the model in docs/architecture.md; gamma–Poisson mixture (Greenwood & Yule 1920);
 * Cambridge Crime Harm Index (Sherman, Neyroud & Neyroud 2016).
 *
 * @example ratios all 1 and no engagement: the treated and control arms have the same expected
 *   counts (the caseworker multiplier has mean 1)
 */
export function drawOutcomeValues(
  design: Design,
  constants: ModelConstants,
  cohort: Cohort,
  engaged: Uint8Array,
  caseworkerMultiplier: Float64Array | null,
  ratios: readonly (readonly number[])[],
  rng: Rng,
): Float64Array[] {
  const context = { design, constants, cohort, engaged, personMultiplier: caseworkerMultiplier, rng };
  const values: Float64Array[] = new Array(design.outcomes.length);
  // Counts first: derived binaries and harm are built on them.
  const marginal = constants.marginalCounts;
  design.outcomes.forEach((outcome, k) => {
    if (outcome.kind !== 'count') return;
    values[k] =
      marginal === null ? drawCounts(context, k, ratios[k]) : drawMarginalCounts(context, marginal, k, ratios[k]);
  });
  design.outcomes.forEach((outcome, k) => {
    if (outcome.kind === 'harm') values[k] = drawHarm(context, k, values[constants.source[k]], ratios[k]);
    else if (outcome.kind === 'binary') {
      values[k] = outcome.from === null ? drawOwnBinary(context, k, ratios[k]) : anyEvent(values[constants.source[k]]);
    }
  });
  return values;
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

function drawCounts(context: DrawContext, k: number, ratio: readonly number[]): Float64Array {
  const { cohort, engaged, personMultiplier, rng } = context;
  const { group, propensity, site, siteMultiplier } = cohort;
  const noise = cohort.outcomeNoise[k];
  const years = followUpYears(context.design.plan);
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

// Each person's count from their cell's negative-binomial law (`planMarginalCounts`): one uniform
// each from the cell's table, or — for a law too long to tabulate — the person's own gamma
// multiplier then a Poisson count, the same law.
function drawMarginalCounts(
  context: DrawContext,
  plan: MarginalCounts,
  k: number,
  ratio: readonly number[],
): Float64Array {
  const { cohort, engaged, rng } = context;
  const { group } = cohort;
  const years = followUpYears(context.design.plan);
  const rates = context.constants.groupRates[k];
  const dispersion = plan.dispersion[k];
  // Cell 2g + e: group g, engaged (e = 1) or not.
  const cells = rates.length * 2;
  const means = new Float64Array(cells);
  const tables: (NegativeBinomialTable | null)[] = new Array(cells);
  for (let g = 0; g < rates.length; g++) {
    means[2 * g] = rates[g] * years;
    means[2 * g + 1] = rates[g] * years * ratio[g];
    tables[2 * g] = countTable(plan, k, means[2 * g]);
    tables[2 * g + 1] = countTable(plan, k, means[2 * g + 1]);
  }
  const values = new Float64Array(cohort.size);
  for (let i = 0; i < cohort.size; i++) {
    const cell = 2 * group[i] + engaged[i];
    const table = tables[cell];
    values[i] =
      table !== null ? drawFromTable(table, rng) : drawPoisson(rng, means[cell] * drawMeanOneGamma(rng, dispersion));
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
  // min(count, 1) for whole counts ≥ 0: without a branch on the (random) count.
  for (let i = 0; i < counts.length; i++) values[i] = Math.min(counts[i], 1);
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
