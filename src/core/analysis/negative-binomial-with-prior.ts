import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { normalCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import { testNegativeBinomial } from './negative-binomial.js';
import { estimateNegativeBinomialSize, sizeScore, sizeScoreSlope } from './negative-binomial-dispersion.js';
import {
  armCoefficientVariance,
  fitCoefficients,
  groupByArmAndPrior,
  profileSlopeCorrection,
} from './negative-binomial-regression.js';
import type { ArmSummaries, OutcomeData } from './outcome-data.js';
import { normalPValue } from './p-value.js';

/** Beyond this size (k below 1e-10) the fit is taken to be at its Poisson limit. */
const LARGEST_SIZE = 1e10;
const SMALLEST_SIZE = 1e-8;
const MOST_STEPS = 200;
const LONGEST_JUMP = Math.log(16);

/**
 * Negative-binomial (NB2) regression adjusted for the prior-window count, as
 * `MASS::glm.nb(y ~ arm + log(prior + 1))`: log μ = b0 + b1·treated + b2·log(prior + 1), by
 * maximum likelihood over b and the size θ = 1/k. Where glm.nb alternates between b and θ
 * (slow when the likelihood is flat in θ), this maximises the profile likelihood of θ directly:
 * at the best b for a given θ the profile's slope is the θ-score at those means, so its root is
 * found by safeguarded Newton steps on log θ from the first alternation step, refitting b
 * ({@link fitCoefficients}) at each trial θ. Counts not overdispersed about the Poisson fit
 * (Σ(y − μ)² ≤ Σy) give the Poisson limit k = 0. The log rate ratio is b1, its SE from the
 * inverse expected information at the estimate, with a Wald z and normal interval; the fitted k
 * is reported in `dispersion`. When everyone has the same prior count the covariate is dropped
 * (R aliases it). Fails when an arm total is 0, the counts are not whole numbers, or a fit
 * breaks down (the message says which).
 *
 * Reference: Venables & Ripley (2002) MASS §7.4; Lawless (1987) Can. J. Stat. 15:209–225;
 * Cox & Reid (1987) JRSS B 49:1–39 (orthogonality of b and θ).
 *
 * @example the fixed 30 + 50 person dataset of the tests gives b1 = −0.38500, SE 0.27620,
 *   p = 0.16334, as glm.nb (θ = 1.5328)
 */
export function testNegativeBinomialWithPrior(
  data: OutcomeData,
  prior: Float64Array,
  summaries: ArmSummaries,
  plan: AnalysisPlan,
): AnalysisResult {
  const { treated, control } = summaries;
  const histogram1 = treated.histogram;
  const histogram0 = control.histogram;
  if (histogram1 === null || histogram0 === null) return failedResult('negative-binomial needs whole-number counts');
  if (treated.n === 0 || control.n === 0) return failedResult('an arm is empty');
  if (treated.sum === 0 || control.sum === 0) return failedResult('an arm has no events');
  const cells = groupByArmAndPrior(data, prior);
  if (cells === null) return testNegativeBinomial(summaries, plan);
  const coefficients = Float64Array.of(Math.log((treated.sum + control.sum) / (treated.n + control.n)), 0, 0);
  if (!fitCoefficients(cells, Infinity, coefficients)) return failedResult('negative-binomial: Poisson fit broke down');
  // The profile score refits b at each θ; its slope uses that fit's inverse information.
  const inverseInformation = new Float64Array(9);
  const profileScore = (size: number): number =>
    fitCoefficients(cells, size, coefficients, inverseInformation)
      ? sizeScore(size, histogram1, histogram0, cells)
      : NaN;
  const profileSlope = (size: number): number =>
    sizeScoreSlope(size, histogram1, histogram0, cells) + profileSlopeCorrection(cells, size, inverseInformation);
  // First alternation step: θ at the Poisson fit's means (Infinity: not overdispersed).
  const start = estimateNegativeBinomialSize(histogram1, histogram0, cells);
  const size = Number.isFinite(start) ? maximiseProfile(profileScore, profileSlope, start) : start;
  if (Number.isNaN(size)) return failedResult('negative-binomial: dispersion search did not converge');
  if (!fitCoefficients(cells, size, coefficients)) return failedResult('negative-binomial: regression fit broke down');
  const variance = armCoefficientVariance(cells, size);
  if (!(variance > 0) || !Number.isFinite(variance)) {
    return failedResult('negative-binomial: coefficients not identified (information matrix singular)');
  }
  const logEstimate = coefficients[1];
  const standardError = Math.sqrt(variance);
  const pValue = normalPValue(logEstimate / standardError, plan.sides);
  return {
    ...logRatioResult(logEstimate, standardError, normalCriticalValue(plan.alpha), pValue),
    dispersion: 1 / size,
  };
}

/**
 * The root of the profile score on x = log θ: Newton steps on the profile's exact slope, at most
 * ×16 at a time, falling back to ×4 steps until the root is bracketed and to bisection whenever
 * a step leaves the bracket; Infinity when the score is still positive at θ = 1e10 (the Poisson
 * limit); NaN on failure.
 */
function maximiseProfile(
  profileScore: (size: number) => number,
  profileSlope: (size: number) => number,
  start: number,
): number {
  const largest = Math.log(LARGEST_SIZE);
  const smallest = Math.log(SMALLEST_SIZE);
  const expand = Math.log(4);
  let lower = -Infinity;
  let upper = Infinity;
  let x = Math.min(largest, Math.max(smallest, Math.log(start)));
  for (let step = 0; step < MOST_STEPS; step++) {
    const size = Math.exp(x);
    const value = profileScore(size);
    if (Number.isNaN(value)) return NaN;
    if (value > 0) {
      if (x >= largest) return Infinity;
      lower = x;
    } else {
      if (x <= smallest) return NaN;
      upper = x;
    }
    const slope = size * profileSlope(size);
    let next = x - value / slope;
    if (!(slope < 0 && next > lower && next < upper)) {
      if (Number.isFinite(lower) && Number.isFinite(upper)) next = 0.5 * (lower + upper);
      else next = Number.isFinite(lower) ? x + expand : x - expand;
    }
    // In sparse data the profile can be far from quadratic: never jump more than ×16 at once.
    next = Math.min(largest, Math.max(smallest, x - LONGEST_JUMP, Math.min(x + LONGEST_JUMP, next)));
    if (Math.abs(next - x) < 1e-11 * Math.max(1, Math.abs(x)) || upper - lower < 1e-12) return Math.exp(next);
    x = next;
  }
  return NaN;
}
