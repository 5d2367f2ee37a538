import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { normalCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import { estimateNegativeBinomialSize } from './negative-binomial-dispersion.js';
import type { ArmSummaries } from './outcome-data.js';
import { normalPValue } from './p-value.js';

/**
 * Negative-binomial (NB2, Var = μ + kμ²) regression on the arm indicator by maximum likelihood,
 * as `MASS::glm.nb(y ~ arm)`. With only the arm in the model the fitted means are the arm means
 * whatever k is, so the log rate ratio is log(m1/m0) and k maximises the profile likelihood
 * ({@link estimateNegativeBinomialSize}, from the counts-of-counts). The Wald z uses the
 * inverse Fisher information at the MLE, SE = √(1/S1 + 1/S0 + k(1/n1 + 1/n0)), with a normal
 * interval; k = 0 (no overdispersion) gives the Poisson Wald test exactly. The fitted k is
 * reported in the result's `dispersion`. Fails when an arm
 * total is 0, the counts are not whole numbers, or the dispersion search does not converge.
 *
 * Reference: Lawless (1987) Can. J. Stat. 15:209–225; Venables & Ripley (2002) MASS §7.4.
 *
 * @example treated [0, 0, 1, 2], control [0, 1, 5, 0, 2, 0]: log RR = log(0.75/1.3333)
 *   = −0.5754, k = 1.0454, SE = 0.9455, two-sided p = 0.5428 (R: MASS::glm.nb(y ~ arm))
 */
export function testNegativeBinomial(summaries: ArmSummaries, plan: AnalysisPlan): AnalysisResult {
  const { treated, control } = summaries;
  if (treated.histogram === null || control.histogram === null) {
    return failedResult('negative-binomial needs whole-number counts');
  }
  if (treated.n === 0 || control.n === 0) return failedResult('an arm is empty');
  if (treated.sum === 0 || control.sum === 0) return failedResult('an arm has no events');
  const mean1 = treated.sum / treated.n;
  const mean0 = control.sum / control.n;
  const size = estimateNegativeBinomialSize(treated.histogram, control.histogram, {
    count: 2,
    n: Float64Array.of(treated.n, control.n),
    sum: Float64Array.of(treated.sum, control.sum),
    sumSquares: Float64Array.of(treated.sumSquares, control.sumSquares),
    mean: Float64Array.of(mean1, mean0),
  });
  if (Number.isNaN(size)) return failedResult('negative-binomial: dispersion search did not converge');
  const dispersion = 1 / size;
  const logEstimate = Math.log(mean1 / mean0);
  const standardError = Math.sqrt(1 / treated.sum + 1 / control.sum + dispersion * (1 / treated.n + 1 / control.n));
  const pValue = normalPValue(logEstimate / standardError, plan.sides);
  return { ...logRatioResult(logEstimate, standardError, normalCriticalValue(plan.alpha), pValue), dispersion };
}
