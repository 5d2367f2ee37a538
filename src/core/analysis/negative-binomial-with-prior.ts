import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { normalCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import { testNegativeBinomial } from './negative-binomial.js';
import { estimateNegativeBinomialSize, sizeScore } from './negative-binomial-dispersion.js';
import { armCoefficientVariance, fitCoefficients, groupByArmAndPrior } from './negative-binomial-regression.js';
import type { ArmSummaries, OutcomeData } from './outcome-data.js';
import { normalPValue } from './p-value.js';

/** Beyond this size (k below 1e-10) the fit is taken to be at its Poisson limit. */
const LARGEST_SIZE = 1e10;
const SMALLEST_SIZE = 1e-8;
const MOST_STEPS = 200;

/**
 * Negative-binomial (NB2) regression adjusted for the prior-window count, as
 * `MASS::glm.nb(y ~ arm + log(prior + 1))`: log μ = b0 + b1·treated + b2·log(prior + 1), by
 * maximum likelihood over b and the size θ = 1/k. Where glm.nb alternates between b and θ
 * (slow when the likelihood is flat in θ), this maximises the profile likelihood of θ directly:
 * at the best b for a given θ the profile's slope is the θ-score at those means, so its root is
 * bracketed from the first alternation step and found by the Illinois (safeguarded regula
 * falsi) method on log θ, refitting b ({@link fitCoefficients}) at each trial θ. Counts not
 * overdispersed about the Poisson fit (Σ(y − μ)² ≤ Σy) give the Poisson limit k = 0. The log
 * rate ratio is b1, its SE from the inverse expected information at the estimate, with a Wald z
 * and normal interval. When everyone has the same prior count the covariate is dropped (R
 * aliases it). Fails when an arm total is 0, the counts are not whole numbers, or a fit breaks
 * down (the message says which).
 *
 * Reference: Venables & Ripley (2002) MASS §7.4; Lawless (1987) Can. J. Stat. 15:209–225;
 * Dowell & Jarratt (1971) BIT 11:168 (the Illinois method).
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
  const profileScore = (size: number): number =>
    fitCoefficients(cells, size, coefficients) ? sizeScore(size, histogram1, histogram0, cells) : NaN;
  const start = estimateNegativeBinomialSize(histogram1, histogram0, cells);
  const size = Number.isFinite(start) ? maximiseProfile(profileScore, start) : start;
  if (Number.isNaN(size)) return failedResult('negative-binomial: dispersion search did not converge');
  if (!fitCoefficients(cells, size, coefficients)) return failedResult('negative-binomial: regression fit broke down');
  const variance = armCoefficientVariance(cells, size);
  if (!(variance > 0) || !Number.isFinite(variance)) return failedResult('negative-binomial: prior count collinear with arm');
  const logEstimate = coefficients[1];
  const standardError = Math.sqrt(variance);
  return logRatioResult(
    logEstimate,
    standardError,
    normalCriticalValue(plan.alpha),
    normalPValue(logEstimate / standardError, plan.sides),
  );
}

/**
 * The root of the profile score on log θ: bracketed by steps of ×4 from `start` (Infinity past
 * θ = 1e10, the Poisson limit), then Illinois iterations to a relative 1e-11. NaN on failure.
 */
function maximiseProfile(profileScore: (size: number) => number, start: number): number {
  const step = Math.log(4);
  let lower = Math.log(start);
  const value = profileScore(start);
  if (Number.isNaN(value)) return NaN;
  let upper = lower;
  let valueLower = value;
  let valueUpper = value;
  let steps = 0;
  if (value > 0) {
    while (valueUpper > 0) {
      lower = upper; valueLower = valueUpper;
      upper += step;
      if (Math.exp(upper) > LARGEST_SIZE) return Infinity;
      valueUpper = profileScore(Math.exp(upper));
      if (Number.isNaN(valueUpper) || ++steps > MOST_STEPS) return NaN;
    }
  } else {
    while (valueLower <= 0) {
      upper = lower; valueUpper = valueLower;
      lower -= step;
      if (Math.exp(lower) < SMALLEST_SIZE) return NaN;
      valueLower = profileScore(Math.exp(lower));
      if (Number.isNaN(valueLower) || ++steps > MOST_STEPS) return NaN;
    }
  }
  let side = 0;
  let previous = NaN;
  for (let iteration = 0; iteration < MOST_STEPS; iteration++) {
    const guess = upper - (valueUpper * (upper - lower)) / (valueUpper - valueLower);
    const value = profileScore(Math.exp(guess));
    if (Number.isNaN(value)) return NaN;
    if (value === 0 || Math.abs(guess - previous) < 1e-11 * Math.max(1, Math.abs(guess)) || upper - lower < 1e-11) {
      return Math.exp(guess);
    }
    previous = guess;
    if (value > 0) {
      lower = guess; valueLower = value;
      if (side === 1) valueUpper /= 2;
      side = 1;
    } else {
      upper = guess; valueUpper = value;
      if (side === -1) valueLower /= 2;
      side = -1;
    }
  }
  return NaN;
}
