import { negativeBinomialPmf } from '../distributions/negative-binomial-probability.js';
import type { Rng } from '../rng/rng.js';
import { advanceRuleState, ruleStates } from './rule-states.js';
import type { SelectionPlan } from './selection-plan.js';

// The law of the prior total is tabulated until the negative binomial's rest is below this
// fraction of the eligible mass. The inversion resolves probabilities only to 2^-32 ≈ 2.3e-10
// (one 32-bit uniform: see `trialStream`): a rest below 1e-12 moves no draw but
// those in a sliver of that width, and keeps the table (and q(t), dearer as t grows) short.
const TAIL = 1e-12;
// Beyond this many prior events a person's table would be long and rejection is cheap anyway.
const LONGEST_TABLE = 20_000;

/**
 * The law of one selected person of a group, drawn directly rather than by rejection: their
 * prior-window total T over the selection cells, its split over the cells, and their propensity.
 *
 * Formula in words: with the propensity X ~ Gamma(shape r = 1/d, rate r) (mean 1, variance d)
 * and, given X, the prior cells independent Poisson(X·λ_c) with Λ = Σλ_c, the population's T is
 * NB(Λ, d), and given T the cells are Multinomial(T, π_c = λ_c/Λ) whatever X is. A person is
 * eligible with chance q(T) given T (`EligibilityByTotal`), so among the selected
 * P(T = t) ∝ NB(t; Λ, d)·q(t); given T = t and eligibility, the cells are Multinomial(t, π)
 * conditioned on passing every rule (drawn by rejection on the split alone); and given the cells,
 * X depends on them only through T: Gamma(shape r + t, rate r + Λ), gamma–Poisson conjugacy,
 * selection or not. The three steps give exactly the law of the rejection sampler of the whole
 * population (`drawCohort`), with far fewer draws: only the split is ever redrawn.
 * Valid where the cells' means are fixed for the group: no own noise on a selection outcome and
 * no site variation (`prepareSelectedPersonLaws` returns null otherwise), and d > 0.
 * Reference: Johnson, Kotz & Balakrishnan (1997) ch. 35 (multinomial given its total); Bernardo
 * & Smith (1994) §5.2 (gamma–Poisson conjugacy); Maltz et al. (1980) on selection.
 *
 * @example MK youth (knife 0.6, violence 0.9 per year, 24 months, d = 1.5): Λ = 3.0,
 *   P(T ≤ 1 | eligible) = 0 (two events are needed), propensity rate 1/1.5 + 3 = 3.667
 */
export interface SelectedPersonLaw {
  /** P(T ≤ t | eligible) for t = 0 … length − 1; the last entry is 1 (the rest of the law is below 1e-20). */
  readonly totalCdf: Float64Array;
  /** Cumulative shares π of the selection cells (cell j·segments + k as in `SelectionPlan`); the last is 1. */
  readonly cellCdf: Float64Array;
  /** The propensity's gamma shape before the prior events: 1/d. */
  readonly shape: number;
  /** The propensity's gamma scale given the prior window: 1/(1/d + Λ). */
  readonly scale: number;
}

/**
 * The selected-person law of each group, or null where it does not apply (no selection,
 * dispersion 0, own noise on a selection outcome, site variation, or a group whose table would
 * be very long): the cohort is then drawn by rejection.
 *
 * @example MK → two laws, youth and adult; with `cohort.sites.rateCV: 0.2` → null
 */
export function prepareSelectedPersonLaws(
  plan: SelectionPlan | null,
  dispersion: number,
  groupRates: readonly Float64Array[],
  noiseVariance: Float64Array,
  siteVariance: number,
  groupCount: number,
): SelectedPersonLaw[] | null {
  if (plan === null || !(dispersion > 0) || !Number.isFinite(dispersion) || siteVariance > 0) return null;
  for (const k of plan.outcomeIndices) if (noiseVariance[k] > 0) return null;
  const laws: SelectedPersonLaw[] = [];
  // Groups with the same rates for every selection outcome share one law.
  const byRates = new Map<string, SelectedPersonLaw | null>();
  for (let g = 0; g < groupCount; g++) {
    const key = Array.from(plan.outcomeIndices, (k) => groupRates[k][g]).join(' ');
    const law = byRates.has(key) ? byRates.get(key)! : selectedPersonLaw(plan, dispersion, groupRates, g);
    byRates.set(key, law);
    if (law === null) return null;
    laws.push(law);
  }
  return laws;
}

function selectedPersonLaw(
  plan: SelectionPlan,
  dispersion: number,
  groupRates: readonly Float64Array[],
  g: number,
): SelectedPersonLaw | null {
  const segments = plan.segmentMonths.length;
  const cellMeans = new Float64Array(plan.outcomeIndices.length * segments);
  plan.outcomeIndices.forEach((k, j) => {
    for (let s = 0; s < segments; s++) cellMeans[j * segments + s] = (groupRates[k][g] * plan.segmentMonths[s]) / 12;
  });
  let priorMean = 0;
  for (let c = 0; c < cellMeans.length; c++) priorMean += cellMeans[c];
  if (!(priorMean > 0) || !Number.isFinite(priorMean)) return null;
  const eligibility = eligibilityChain(plan, cellMeans, priorMean);
  const size = 1 / dispersion;
  const q = priorMean / (size + priorMean);
  const weights: number[] = [];
  let sum = 0;
  let pmf = negativeBinomialPmf(0, priorMean, dispersion);
  for (let t = 0; ; t++) {
    if (t === LONGEST_TABLE) return null;
    if (t > 0) pmf = pmf > 1e-280 ? (pmf * (t - 1 + size) * q) / t : negativeBinomialPmf(t, priorMean, dispersion);
    const weight = pmf * eligibility.next();
    weights.push(weight);
    sum += weight;
    // Past the mode the terms fall by at most ρ = (t + r)/(t + 1)·q per value, so the rest is below f(t)·ρ/(1 − ρ).
    const ratio = ((t + size) * q) / (t + 1);
    if (ratio < 1 && t > priorMean && (pmf * ratio) / (1 - ratio) < TAIL * sum) break;
  }
  if (!(sum > 0)) return null;
  const totalCdf = new Float64Array(weights.length);
  let cumulative = 0;
  for (let t = 0; t < weights.length; t++) {
    cumulative += weights[t];
    totalCdf[t] = Math.min(1, cumulative / sum);
  }
  totalCdf[weights.length - 1] = 1;
  const cellCdf = new Float64Array(cellMeans.length);
  cumulative = 0;
  for (let c = 0; c < cellMeans.length; c++) {
    cumulative += cellMeans[c];
    cellCdf[c] = Math.min(1, cumulative / priorMean);
  }
  cellCdf[cellMeans.length - 1] = 1;
  return { totalCdf, cellCdf, shape: size, scale: 1 / (size + priorMean) };
}

/**
 * q(0), q(1), … in turn: the chance that t prior events, each falling in cell c with chance
 * π_c, pass every rule — as `EligibilityByTotal` computes one t at a time, here for every t in
 * one walk: the capped rule counts (`ruleStates`) form a Markov chain in which each event
 * advances the rules that count its cell, and q(t) is the chance that after t events every rule
 * is at its threshold (the last state).
 *
 * @example one rule "≥ 1 in the recent cell", share 0.2 → q(t) = 1 − 0.8^t: 0, 0.2, 0.36, …
 */
function eligibilityChain(plan: SelectionPlan, cellMeans: Float64Array, priorMean: number): { next(): number } {
  const space = ruleStates(plan.thresholds);
  // Cells counted by the same rules are one class: the chance of an event falling in it.
  const classShare = new Map<number, number>();
  cellMeans.forEach((mean, c) => {
    classShare.set(plan.cellRules[c], (classShare.get(plan.cellRules[c]) ?? 0) + mean / priorMean);
  });
  const moves = Array.from({ length: space.count }, (_, state) =>
    Array.from(classShare, ([mask, share]) => ({ to: advanceRuleState(space, state, mask, 1), share })),
  );
  let current = new Float64Array(space.count);
  let following = new Float64Array(space.count);
  current[0] = 1;
  return {
    next(): number {
      const q = Math.min(1, current[space.count - 1]);
      following.fill(0);
      for (let state = 0; state < space.count; state++) {
        const p = current[state];
        if (p === 0) continue;
        for (const move of moves[state]) following[move.to] += p * move.share;
      }
      [current, following] = [following, current];
      return q;
    },
  };
}

/**
 * A selected person's prior total T, by inversion of its tabulated law: the first t with
 * P(T ≤ t | eligible) > u for one uniform u.
 *
 * @example a law with totalCdf [0, 0, 0.4, 1] gives 2 for u < 0.4, else 3
 */
export function drawSelectedTotal(law: SelectedPersonLaw, rng: Rng): number {
  const u = rng.next();
  const cdf = law.totalCdf;
  let t = 0;
  while (cdf[t] <= u) t++;
  return t;
}

/**
 * Spreads `total` prior events over the selection cells, each event independently into cell c
 * with chance π_c (Multinomial(total, π)), writing each cell's count to `cells`.
 *
 * @example total 0 → every cell 0
 */
export function drawPriorSplit(law: SelectedPersonLaw, total: number, rng: Rng, cells: Float64Array): void {
  cells.fill(0);
  const cdf = law.cellCdf;
  const last = cdf.length - 1;
  for (let e = 0; e < total; e++) {
    const u = rng.next();
    let c = 0;
    while (c < last && cdf[c] <= u) c++;
    cells[c] += 1;
  }
}
