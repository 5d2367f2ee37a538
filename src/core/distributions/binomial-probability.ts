import { devianceTerm, stirlingError } from './saddle-point.js';

const LOG_TWO_PI = 1.8378770664093456;

/**
 * log P(X = k) for X ~ Binomial(n, p), accurate to about 1e-15 relative in the probability even
 * for n in the billions. n may be any real ≥ 0 (the negative binomial and hypergeometric
 * probabilities use it that way); pass q = 1 − p yourself when you have it more accurately.
 *
 * Formula (Loader's saddle-point form): for 0 < k < n,
 * log f(k) = δ(n) − δ(k) − δ(n−k) − D(k, np) − D(n−k, nq) − ½·log(2πk(n−k)/n),
 * where δ is `stirlingError` and D is `devianceTerm`; f(0) = qⁿ and f(n) = pⁿ, taken as
 * exp(−D(n, nq) − np) when p < 0.1 so that small p keeps its precision.
 *
 * Reference: C. Loader, "Fast and accurate computation of binomial probabilities" (2000); the
 * same method as R's `dbinom`.
 *
 * @example
 * Math.exp(logBinomialPmf(3, 10, 0.5)) // ≈ 0.1171875 (= 120/1024)
 */
export function logBinomialPmf(k: number, n: number, p: number, q: number = 1 - p): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -devianceTerm(n, n * q) - n * p : n * Math.log(q);
  }
  if (k === n) return q < 0.1 ? -devianceTerm(n, n * p) - n * q : n * Math.log(p);
  if (k < 0 || k > n) return -Infinity;
  const logCentre =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - devianceTerm(k, n * p) - devianceTerm(n - k, n * q);
  // log(k(n−k)/n): through log1p while k/n is small, else through n − k, which is exact.
  const share = k / n;
  const logSpread = LOG_TWO_PI + Math.log(k) + (share < 0.5 ? Math.log1p(-share) : Math.log((n - k) / n));
  return logCentre - 0.5 * logSpread;
}

/**
 * P(X = k) for X ~ Binomial(n, p): the chance of exactly k successes in n independent trials
 * each succeeding with probability p, C(n, k)·pᵏ·(1−p)ⁿ⁻ᵏ; 0 for k outside 0…n or not whole.
 *
 * Formula and reference: `logBinomialPmf` (Loader 2000).
 *
 * @example
 * binomialPmf(3, 10, 0.5) // ≈ 0.1171875
 * binomialPmf(0, 1e9, 1e-9) // 0.3678794409875026 (= (1 − 1e-9)^1e9, mpmath)
 */
export function binomialPmf(k: number, n: number, p: number): number {
  if (!Number.isInteger(k)) return 0;
  return Math.exp(logBinomialPmf(k, n, p));
}
