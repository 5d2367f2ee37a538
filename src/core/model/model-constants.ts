import { armSizes, type CountOutcome, type Design } from '../design.js';
import { caseworkerVariance } from './caseworker-variance.js';
import { COARSE_GAMMA_RULE, meanOneGammaRule } from './gamma-quadrature.js';
import { countGroups } from './group-counts.js';
import { prevalenceHazard } from './prevalence-hazard.js';
import { planMarginalCounts, type MarginalCounts } from './marginal-counts.js';
import { prepareSelectedPersonLaws, type SelectedPersonLaw } from './selected-person-law.js';
import { integrateSelectedPopulation, type SelectedGroup } from './selected-population.js';
import { compileSelection, type SelectionPlan } from './selection-plan.js';

/** What the model needs from a design, computed once per design by `prepareModel` (see `prepareDesign`). */
export interface ModelConstants {
  readonly total: number;
  readonly groupCounts: Int32Array;
  readonly siteCount: number;
  /** Variance of the gamma site multiplier (rateCV²). */
  readonly siteVariance: number;
  readonly selection: SelectionPlan | null;
  /**
   * Per group index: the law a selected person is drawn from directly (`SelectedPersonLaw`), or
   * null where the selected cohort is drawn by rejection (no selection, own noise on a selection
   * outcome, site variation).
   */
  readonly selectedLaws: readonly SelectedPersonLaw[] | null;
  /**
   * Per design outcome, per group index: the control rate per person-year (counts), the base
   * hazard 1 − e^(−h·X·S) (own-prevalence binaries), or nothing (empty).
   */
  readonly groupRates: readonly Float64Array[];
  /** Per design outcome: the outcome's own noise variance (counts), else 0. */
  readonly noiseVariance: Float64Array;
  /** Per design outcome: the design index of the count it is built on (`from`), or −1. */
  readonly source: Int32Array;
  /** Per group index: engagement probability. */
  readonly engagement: Float64Array;
  /** Variance of the caseworker multiplier (0 without caseworkers). */
  readonly caseworkerVariance: number;
  /** The selected population of each group (`integrateSelectedPopulation`), which the inquiry reads too. */
  readonly selected: readonly SelectedGroup[];
  /**
   * When the person form draws each count from its marginal negative-binomial law (no gamma
   * multipliers drawn; `planMarginalCounts`), else null.
   */
  readonly marginalCounts: MarginalCounts | null;
  /**
   * Arrays that are the same in every trial, shared by all of them to spare allocation (typed
   * arrays are costly to allocate and collect): never write to them.
   */
  readonly shared: SharedArrays;
}

/** Per-design constant arrays (read-only by contract). */
export interface SharedArrays {
  /** Group index of each person (people sorted by group). */
  readonly group: Uint16Array;
  /** Site of each person: round-robin in group order. */
  readonly site: Uint16Array;
  /** N ones: the noise of a count without own dispersion. */
  readonly ones: Float64Array;
  /** N ones: everyone observed (no attrition). */
  readonly observed: Uint8Array;
  /** N times −1: no caseworkers. */
  readonly noCaseworker: Int32Array;
  readonly empty: Float64Array;
}

/**
 * The model's per-design constants: group sizes, sites, per-group rates and hazards, noise and
 * caseworker variances, the compiled selection and the selected population, and the arrays every
 * trial shares. Computed once per design by `prepareDesign` and passed to the model's draws.
 *
 * @example prepareModel(design).groupCounts for MK (0.44 / 0.56 of 165) → [73, 92]
 */
export function prepareModel(design: Design): ModelConstants {
  const { total } = armSizes(design.plan.size);
  const sites = design.plan.sites;
  const siteVariance = sites === null ? 0 : sites.rateCV * sites.rateCV;
  const dispersion = design.propensityDispersion;
  const indexOf = new Map(design.outcomes.map((o, k) => [o.id, k]));
  const groupRates = design.outcomes.map((outcome) => {
    if (outcome.kind === 'count') return Float64Array.from(design.groups, (g) => outcome.ratePerYear[g.id]);
    if (outcome.kind === 'binary' && outcome.prevalence !== null) {
      const prevalence = outcome.prevalence;
      return Float64Array.from(design.groups, (g) => siteAdjustedHazard(prevalence[g.id], dispersion, siteVariance));
    }
    return new Float64Array(0);
  });
  const source = Int32Array.from(design.outcomes, (o) =>
    o.kind !== 'count' && o.from !== null ? (indexOf.get(o.from) ?? -1) : -1,
  );
  const groupCounts = countGroups(design.groups, total);
  const siteCount = sites === null ? 1 : Math.max(1, sites.count);
  const selected = integrateSelectedPopulation(design);
  const selection = compileSelection(design);
  const noiseVariance = Float64Array.from(design.outcomes, (o) => (o.kind === 'count' ? o.dispersion : 0));
  const caseworkerVariance = caseworkerVarianceOf(design, selected);
  return {
    total,
    groupCounts,
    siteCount,
    siteVariance,
    selection,
    selectedLaws: prepareSelectedPersonLaws(
      selection,
      dispersion,
      groupRates,
      noiseVariance,
      siteVariance,
      design.groups.length,
    ),
    groupRates,
    noiseVariance,
    source,
    engagement: Float64Array.from(design.groups, (g) => design.plan.engagement[g.id]),
    caseworkerVariance,
    selected,
    marginalCounts: planMarginalCounts(design, selection !== null, siteVariance, caseworkerVariance),
    shared: sharedArrays(groupCounts, siteCount, total),
  };
}

function sharedArrays(groupCounts: Int32Array, siteCount: number, total: number): SharedArrays {
  const group = new Uint16Array(total);
  const site = new Uint16Array(total);
  for (let g = 0, i = 0; g < groupCounts.length; g++) {
    for (let j = 0; j < groupCounts[g]; j++, i++) {
      group[i] = g;
      site[i] = i % siteCount;
    }
  }
  return {
    group,
    site,
    ones: new Float64Array(total).fill(1),
    observed: new Uint8Array(total).fill(1),
    noCaseworker: new Int32Array(total).fill(-1),
    empty: new Float64Array(0),
  };
}

/**
 * The hazard that keeps an own-prevalence binary's population prevalence at p when the site
 * multiplier S also multiplies it: solves E[e^(−h·X·S)] = 1 − p by bisection on the site rule.
 */
function siteAdjustedHazard(prevalence: number, dispersion: number, siteVariance: number): number {
  const hazard = prevalenceHazard(prevalence, dispersion);
  if (!(siteVariance > 0) || !Number.isFinite(hazard) || hazard === 0) return hazard;
  const rule = meanOneGammaRule(siteVariance, COARSE_GAMMA_RULE);
  const survival = (h: number): number => {
    let sum = 0;
    for (let i = 0; i < rule.nodes.length; i++) {
      const rate = h * rule.nodes[i];
      sum +=
        rule.weights[i] * (dispersion > 0 ? Math.exp(-Math.log1p(rate * dispersion) / dispersion) : Math.exp(-rate));
    }
    return sum;
  };
  let low = 0;
  let high = hazard;
  while (survival(high) > 1 - prevalence) high *= 2;
  for (let iteration = 0; iteration < 200 && high - low > 1e-15 * high; iteration++) {
    const middle = (low + high) / 2;
    if (survival(middle) > 1 - prevalence) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * The caseworker multiplier's variance from the scenario's ICC, at the cohort's mean control
 * count over follow-up of the first primary count outcome (else the first count outcome), whose
 * person-level dispersion combines the propensity and the outcome's own noise:
 * (1 + d)(1 + d_own) − 1. Without any count outcome the ICC is read on the latent rate scale,
 * v = ICC/(1 − ICC).
 */
function caseworkerVarianceOf(design: Design, selected: readonly SelectedGroup[]): number {
  const caseworkers = design.plan.caseworkers;
  if (caseworkers === null || !(caseworkers.icc > 0)) return 0;
  const counts = design.outcomes.filter((o): o is CountOutcome => o.kind === 'count');
  const outcome = counts.find((o) => o.primary) ?? counts[0];
  if (outcome === undefined) return caseworkers.icc / (1 - caseworkers.icc);
  const k = design.outcomes.indexOf(outcome);
  let meanCount = 0;
  design.groups.forEach((group, g) => {
    const population = selected[g];
    const noise = population.noise[k];
    let multiplier = 0;
    for (let n = 0; n < population.weight.length; n++) {
      multiplier +=
        population.weight[n] * population.propensity[n] * population.site[n] * (noise === null ? 1 : noise[n]);
    }
    meanCount += group.share * outcome.ratePerYear[group.id] * multiplier * (design.plan.followUpMonths / 12);
  });
  const dispersion = (1 + design.propensityDispersion) * (1 + outcome.dispersion) - 1;
  return caseworkerVariance(caseworkers.icc, meanCount, dispersion);
}
