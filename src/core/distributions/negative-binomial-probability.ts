import { logBinomialPmf } from './binomial-probability.js';
import { incompleteBetaTail } from './incomplete-beta.js';
import { logGamma } from './log-gamma.js';
import { logPoissonPmf, poissonCdf, poissonSurvival } from './poisson-probability.js';

const TAIL_TOLERANCE = 1e-17;
// Beyond this μ·α the terms shrink too slowly (ratio → μ/(r+μ) ≈ 1) for summing, and the
// incomplete beta function takes over: P(X ≤ k) = I_p(r, k + 1), p = r/(r+μ).
const SUM_UP_TO_MEAN_TIMES_DISPERSION = 250;

/**
 * log P(X = k) for a negative binomial X with the given mean μ and dispersion α, so that
 * Var X = μ + α·μ² (size r = 1/α; α = 0 is the Poisson). For whole k ≥ 0.
 *
 * Formula: f(k) = Γ(k+r)/(Γ(r)·k!)·(r/(r+μ))ʳ·(μ/(r+μ))ᵏ, evaluated as
 * f(k) = r/(r+k) · Binomial(r; k+r, r/(r+μ)) with the accurate binomial form (Loader); f(0) =
 * (r/(r+μ))ʳ; and, when k is tiny next to r, f(k) = f(0)·(rμ/(r+μ))ᵏ/k!·(1 + k(k−1)/(2r)), the
 * expansion R uses (with f(0) exact rather than R's e^−μ).
 *
 * Reference: C. Loader (2000); R's `dnbinom(x, size, mu)`; Hilbe, Negative Binomial Regression
 * (2nd ed., 2011), §8.2 (the mean–dispersion parametrisation, NB2).
 *
 * @example
 * Math.exp(logNegativeBinomialPmf(0, 1.2, 1.25)) // 0.4804497735925725 (SciPy: nbinom.pmf(0, 0.8, 0.8/2.0))
 */
export function logNegativeBinomialPmf(k: number, mean: number, dispersion: number): number {
  if (dispersion === 0 || mean === 0) return logPoissonPmf(k, mean);
  if (k < 0 || !Number.isInteger(k)) return -Infinity;
  const size = 1 / dispersion;
  if (k === 0) {
    return size * (size < mean ? Math.log(size / (size + mean)) : Math.log1p(-mean / (size + mean)));
  }
  if (k < 1e-10 * size) {
    // r so large that Γ(k+r)/Γ(r) = rᵏ·(1 + k(k−1)/(2r)) to double precision.
    const logRate = size < mean ? Math.log(size / (1 + size / mean)) : Math.log(mean / (1 + mean / size));
    const logZeroTerm = size * Math.log1p(-mean / (size + mean));
    return logZeroTerm + k * logRate - logGamma(k + 1) + Math.log1p((k * (k - 1)) / (2 * size));
  }
  const total = size + mean;
  return Math.log(size / (size + k)) + logBinomialPmf(size, k + size, size / total, mean / total);
}

/**
 * P(X = k) for a negative binomial with mean μ and dispersion α (Var = μ + α·μ²).
 *
 * Formula and reference: `logNegativeBinomialPmf`.
 *
 * @example
 * negativeBinomialPmf(1, 1.2, 1.25) // ≈ 0.23061589132443 (SciPy: nbinom.pmf(1, 0.8, 0.8/2.0))
 */
export function negativeBinomialPmf(k: number, mean: number, dispersion: number): number {
  return Math.exp(logNegativeBinomialPmf(k, mean, dispersion));
}

/**
 * P(X ≤ k) for a negative binomial with mean μ and dispersion α, accurate in relative terms in
 * the lower tail; use `negativeBinomialSurvival` for the upper tail.
 *
 * Formula: below the mean, f(k) + f(k−1) + … with f(j−1) = f(j)·j/((j−1+r)·q), q = μ/(r+μ),
 * summed until the terms fall and the rest is negligible; at or above the mean, 1 − P(X > k). When
 * μ·α > 250 (terms shrinking too slowly to sum), the regularized incomplete beta I_p(r, k+1).
 *
 * Reference: Johnson, Kemp & Kotz, Univariate Discrete Distributions (3rd ed., 2005), §5.1.
 *
 * @example
 * negativeBinomialCdf(2, 1.2, 1.25) // ≈ 0.83559824623220 (SciPy: nbinom.cdf(2, 0.8, 0.8/2.0))
 */
export function negativeBinomialCdf(k: number, mean: number, dispersion: number): number {
  if (k < 0) return 0;
  const top = Math.floor(k);
  if (dispersion === 0) return poissonCdf(top, mean);
  if (mean === 0 || top === Infinity) return 1;
  const size = 1 / dispersion;
  if (mean * dispersion > SUM_UP_TO_MEAN_TIMES_DISPERSION) {
    return incompleteBetaTail(size / (size + mean), mean / (size + mean), size, top + 1, false);
  }
  if (top >= mean) return 1 - negativeBinomialSurvival(top, mean, dispersion);
  const q = mean / (size + mean);
  let term = negativeBinomialPmf(top, mean, dispersion);
  let sum = term;
  for (let j = top; j > 0; j -= 1) {
    const ratio = j / ((j - 1 + size) * q);
    term *= ratio;
    sum += term;
    if (ratio < 1 && term * ratio <= TAIL_TOLERANCE * sum * (1 - ratio)) break;
  }
  return sum;
}

/**
 * P(X > k) for a negative binomial with mean μ and dispersion α, accurate in relative terms in
 * the upper tail.
 *
 * Formula: above the mean, f(k+1) + f(k+2) + … with f(j+1) = f(j)·(j+r)/(j+1)·q, q = μ/(r+μ),
 * until a geometric bound (ratio max(current ratio, q) < 1) on the rest is negligible, for k ≥ μ − 1;
 * below that, 1 − P(X ≤ k). When μ·α > 250, 1 − I_p(r, k+1) computed directly as that tail.
 *
 * Reference: as `negativeBinomialCdf`.
 *
 * @example
 * negativeBinomialSurvival(10, 1.2, 1.25) // ≈ 0.0022494230708 (SciPy: nbinom.sf(10, 0.8, 0.8/2.0))
 */
export function negativeBinomialSurvival(k: number, mean: number, dispersion: number): number {
  if (k < 0) return 1;
  const top = Math.floor(k);
  if (dispersion === 0) return poissonSurvival(top, mean);
  if (mean === 0 || top === Infinity) return 0;
  const size = 1 / dispersion;
  if (mean * dispersion > SUM_UP_TO_MEAN_TIMES_DISPERSION) {
    return incompleteBetaTail(size / (size + mean), mean / (size + mean), size, top + 1, true);
  }
  if (top < mean - 1) return 1 - negativeBinomialCdf(top, mean, dispersion);
  const q = mean / (size + mean);
  let term = negativeBinomialPmf(top + 1, mean, dispersion);
  let sum = term;
  for (let j = top + 1; term > 0; j += 1) {
    const ratio = ((j + size) / (j + 1)) * q;
    term *= ratio;
    sum += term;
    const bound = Math.max(ratio, q);
    if (bound < 1 && term * bound <= TAIL_TOLERANCE * sum * (1 - bound)) break;
  }
  return sum;
}
