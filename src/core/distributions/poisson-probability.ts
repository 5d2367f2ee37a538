import { devianceTerm, stirlingError } from './saddle-point.js';

const LOG_TWO_PI = 1.8378770664093456;
// Series are summed until the rest is certainly below this fraction of the sum.
const TAIL_TOLERANCE = 1e-17;

/**
 * log P(X = k) for X ~ Poisson(mean), for whole k ≥ 0, accurate to about 1e-15 relative in the
 * probability for any mean (the textbook −μ + k·log μ − log k! loses digits once μ is large).
 *
 * Formula: log f(k) = −δ(k) − D(k, μ) − ½·log(2πk) for k ≥ 1, and −μ for k = 0, with δ the
 * Stirling error and D the deviance term (Loader's saddle-point form).
 *
 * Reference: C. Loader, "Fast and accurate computation of binomial probabilities" (2000).
 *
 * @example
 * logPoissonPmf(2, 1.2) // ≈ -1.52850406697204 (= log(e^−1.2·1.44/2))
 */
export function logPoissonPmf(k: number, mean: number): number {
  if (k < 0 || !Number.isInteger(k)) return -Infinity;
  if (mean === 0) return k === 0 ? 0 : -Infinity;
  if (k === 0) return -mean;
  return -stirlingError(k) - devianceTerm(k, mean) - 0.5 * (LOG_TWO_PI + Math.log(k));
}

/**
 * P(X = k) for X ~ Poisson(mean): e^−μ·μᵏ/k!.
 *
 * Formula and reference: `logPoissonPmf`.
 *
 * @example
 * poissonPmf(2, 1.2) // ≈ 0.21685983257679 (SciPy: poisson.pmf(2, 1.2))
 */
export function poissonPmf(k: number, mean: number): number {
  return Math.exp(logPoissonPmf(k, mean));
}

/**
 * P(X ≤ k) for X ~ Poisson(mean), accurate in relative terms in the lower tail; for the upper tail
 * use `poissonSurvival`, not 1 − this.
 *
 * Formula: below the mean, f(k) + f(k−1) + … summed downwards with f(j−1) = f(j)·j/μ until the
 * geometric bound on the rest is negligible; at or above the mean, 1 − P(X > k).
 *
 * Reference: Johnson, Kemp & Kotz, Univariate Discrete Distributions (3rd ed., 2005), §4.2.
 *
 * @example
 * poissonCdf(2, 1.2) // ≈ 0.87948709878363 (SciPy: poisson.cdf(2, 1.2))
 */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  const top = Math.floor(k);
  if (mean === 0 || top === Infinity) return 1;
  if (top >= mean) return 1 - poissonSurvival(top, mean);
  let term = poissonPmf(top, mean);
  let sum = term;
  for (let j = top; j > 0; j -= 1) {
    const ratio = j / mean;
    term *= ratio;
    sum += term;
    if (term * ratio <= TAIL_TOLERANCE * sum * (1 - ratio)) break;
  }
  return sum;
}

/**
 * P(X > k) for X ~ Poisson(mean), accurate in relative terms in the upper tail.
 *
 * Formula: above the mean, f(k+1) + f(k+2) + … summed upwards with f(j+1) = f(j)·μ/(j+1) until
 * the geometric bound on the rest is negligible (valid once k ≥ μ − 1, where the terms fall);
 * further below, 1 − P(X ≤ k).
 *
 * Reference: as `poissonCdf`.
 *
 * @example
 * poissonSurvival(10, 1.2) // ≈ 6.2236183074563e-8 (SciPy: poisson.sf(10, 1.2))
 */
export function poissonSurvival(k: number, mean: number): number {
  if (k < 0) return 1;
  const top = Math.floor(k);
  if (mean === 0 || top === Infinity) return 0;
  if (top < mean - 1) return 1 - poissonCdf(top, mean);
  let term = poissonPmf(top + 1, mean);
  let sum = term;
  for (let j = top + 1; term > 0; j += 1) {
    const ratio = mean / (j + 1);
    term *= ratio;
    sum += term;
    if (term * ratio <= TAIL_TOLERANCE * sum * (1 - ratio)) break;
  }
  return sum;
}
