import { binomialPmf } from '../distributions/binomial-probability.js';
import { negativeBinomialPmf, negativeBinomialSurvival } from '../distributions/negative-binomial-probability.js';
import { advanceRuleState, ruleStates } from './rule-states.js';
import type { SelectionPlan } from './selection-plan.js';
import { binomialStep, type BinomialStep } from '../distributions/binomial-step.js';

// The selected law is tabulated until the negative binomial's rest is below this fraction of it.
const TAIL = 1e-20;

/**
 * The chance that a person with T prior-window events in all (over every selection outcome and
 * segment) passes every eligibility rule, for each T: q(T). Given the person's propensity, the
 * prior cells are independent Poissons, so given their total T the cells are Multinomial(T, π)
 * with π proportional to each cell's mean — whatever the propensity and the site multiplier, which
 * multiply every cell alike. q(T) is then a finite sum, computed by dynamic programming over the
 * cells grouped by which rules count them, the state being each rule's count so far capped at its
 * threshold.
 * Reference: Johnson, Kotz & Balakrishnan (1997) ch. 35 (multinomial given its total); the
 * conditional binomial split as in `drawMultinomial`.
 *
 * @example rules "knife ≥ 1 in 12 months" and "knife + crime ≥ 2 in 24", T = 2, recent knife share
 *   π = 0.1: q(2) = 1 − 0.9² = 0.19
 */
export class EligibilityByTotal {
  private readonly classShare: Float64Array;
  private readonly classRules: Int32Array;
  private readonly values: number[] = [];

  /** `cellMeans[c]`: the mean prior count of cell c (selection outcome j, segment k at j·segments + k). */
  constructor(
    private readonly plan: SelectionPlan,
    cellMeans: Float64Array,
  ) {
    const shares = new Map<number, number>();
    let total = 0;
    cellMeans.forEach((mean, c) => {
      shares.set(plan.cellRules[c], (shares.get(plan.cellRules[c]) ?? 0) + mean);
      total += mean;
    });
    const masks = [...shares.keys()].sort((a, b) => a - b);
    this.classRules = Int32Array.from(masks);
    this.classShare = Float64Array.from(masks, (mask) => (total > 0 ? shares.get(mask)! / total : 0));
  }

  /** q(t) for a whole t ≥ 0. */
  at(t: number): number {
    while (this.values.length <= t) {
      const previous = this.values.length > 0 ? this.values[this.values.length - 1] : 0;
      // Another event can only help an "at least" rule, so q never falls: once it is 1 it stays 1.
      this.values.push(previous === 1 ? 1 : this.compute(this.values.length));
    }
    return this.values[t];
  }

  private compute(t: number): number {
    // State: each rule's count capped at its threshold (`ruleStates`); plus events still to place.
    const ruleSpace = ruleStates(this.plan.thresholds);
    const states = ruleSpace.count;
    let current = new Map<number, Float64Array>([[t, new Float64Array(states)]]);
    current.get(t)![0] = 1;
    let massLeft = 1;
    for (let i = 0; i < this.classShare.length; i++) {
      const last = i === this.classShare.length - 1;
      const share = last || massLeft <= 0 ? 1 : Math.min(1, this.classShare[i] / massLeft);
      massLeft -= this.classShare[i];
      const next = new Map<number, Float64Array>();
      for (const [left, probabilities] of current) {
        const splits = last ? null : binomialSplits(left, share);
        for (let k = last ? left : 0; k <= left; k++) {
          const split = splits === null ? 1 : splits[k];
          if (split === 0) continue;
          let target = next.get(left - k);
          if (target === undefined) {
            target = new Float64Array(states);
            next.set(left - k, target);
          }
          for (let state = 0; state < states; state++) {
            const p = probabilities[state];
            if (p === 0) continue;
            target[advanceRuleState(ruleSpace, state, this.classRules[i], k)] += p * split;
          }
        }
      }
      current = next;
    }
    // The last state has every rule at its threshold: eligible.
    let eligible = 0;
    for (const probabilities of current.values()) eligible += probabilities[states - 1];
    return Math.min(1, eligible);
  }
}

/** Binomial(n, p) probabilities of 0 … n: the accurate pmf at the mode, then the ratio recurrence both ways. */
function binomialSplits(n: number, p: number): Float64Array {
  const splits = new Float64Array(n + 1);
  if (p <= 0 || p >= 1) {
    splits[p >= 1 ? n : 0] = 1;
    return splits;
  }
  const odds = p / (1 - p);
  const mode = Math.floor((n + 1) * p);
  splits[mode] = binomialPmf(mode, n, p);
  for (let k = mode; k < n; k++) splits[k + 1] = (splits[k] * (n - k) * odds) / (k + 1);
  for (let k = mode; k > 0; k--) splits[k - 1] = (splits[k] * k) / ((n - k + 1) * odds);
  return splits;
}

/**
 * The law of a selected person's prior-window total T, for people of one group at one site:
 * P(T = t | eligible) ∝ NB(t; Λ, d)·q(t), with Λ the total prior mean (site multiplier included)
 * and d the propensity's dispersion, as chain-rule hazards h(t) = P(t)/P(T ≥ t) for the histogram
 * draw. Given T = t, the person's propensity is Gamma(shape 1/d + t, rate 1/d + Λ) — exactly as
 * without selection — which is what makes the follow-up draw exact (`drawJointHistograms`).
 * Tabulated until the negative binomial's rest is below 1e-20 of the eligible mass; beyond, the
 * hazards are the negative binomial's own (the difference is below 1e-20 of the law).
 * Reference: Maltz et al. (1980) on selection and regression to the mean; gamma–Poisson
 * conjugacy (Bernardo & Smith 1994).
 *
 * @example with q(t) = 1 for every t this is the negative binomial itself
 */
export class SelectedTotals {
  private readonly steps: BinomialStep[] = [];
  private readonly hazards: Float64Array;
  /** The eligible share of this group's population at this site: Σ NB(t)·q(t). */
  readonly eligibleShare: number;

  constructor(
    readonly priorMean: number,
    readonly dispersion: number,
    eligibility: EligibilityByTotal,
  ) {
    const weights: number[] = [];
    const size = 1 / dispersion;
    const q = priorMean / (size + priorMean);
    let sum = 0;
    let end = 0;
    let pmf = negativeBinomialPmf(0, priorMean, dispersion);
    for (; end < 100_000; end++) {
      if (end > 0)
        pmf = pmf > 1e-280 ? (pmf * (end - 1 + size) * q) / end : negativeBinomialPmf(end, priorMean, dispersion);
      const weight = pmf * eligibility.at(end);
      weights.push(weight);
      sum += weight;
      // Past the mode the terms fall by at most ρ = (t + r)/(t + 1)·q per value, so the rest is below f(t)·ρ/(1 − ρ).
      const ratio = ((end + size) * q) / (end + 1);
      if (ratio < 1 && end > priorMean && (pmf * ratio) / (1 - ratio) < TAIL * sum) break;
    }
    let rest = negativeBinomialSurvival(end, priorMean, dispersion) * eligibility.at(end + 1);
    const hazards = new Float64Array(weights.length);
    for (let t = weights.length - 1; t >= 0; t--) {
      rest += weights[t];
      hazards[t] = rest > 0 ? Math.min(1, weights[t] / rest) : 1;
    }
    this.eligibleShare = rest;
    this.hazards = hazards;
  }

  /** h(t) prepared for binomial draws. */
  step(t: number): BinomialStep {
    while (t >= this.steps.length && this.steps.length < this.hazards.length)
      this.steps.push(binomialStep(this.hazards[this.steps.length]));
    while (t >= this.steps.length) {
      const y = this.steps.length;
      const probability = negativeBinomialPmf(y, this.priorMean, this.dispersion);
      const atLeast = negativeBinomialSurvival(y - 1, this.priorMean, this.dispersion);
      this.steps.push(binomialStep(atLeast > probability && probability > 0 ? probability / atLeast : 1));
    }
    return this.steps[t];
  }
}
