import { logBinomialPmf } from './binomial-probability.js';

/**
 * log P(X = k) for X ~ Hypergeometric: the number of successes among `draws` items taken without
 * replacement from an urn of `successes` + `failures` items. Accurate to about 1e-15 relative in
 * the probability for populations in the billions.
 *
 * Formula: f(k) = C(S, k)·C(F, d−k)/C(S+F, d), evaluated as
 * Bin(k; S, p)·Bin(d−k; F, p)/Bin(d; S+F, p) with p = d/(S+F) and each binomial in Loader's
 * accurate form (the powers of p cancel exactly).
 *
 * Reference: R's `dhyper` (same identity); C. Loader (2000).
 *
 * @example
 * Math.exp(logHypergeometricPmf(1, 5, 5, 3)) // ≈ 0.41666666666667 (= 5·10/120)
 */
export function logHypergeometricPmf(k: number, successes: number, failures: number, draws: number): number {
  if (!Number.isInteger(k) || k < 0 || k > successes || draws - k > failures || k > draws) return -Infinity;
  const population = successes + failures;
  if (draws === 0 || draws === population) return 0;
  const p = draws / population;
  const q = (population - draws) / population;
  return (
    logBinomialPmf(k, successes, p, q) +
    logBinomialPmf(draws - k, failures, p, q) -
    logBinomialPmf(draws, population, p, q)
  );
}

/**
 * P(X = k) for X ~ Hypergeometric(successes, failures, draws): C(S, k)·C(F, d−k)/C(S+F, d).
 *
 * Formula and reference: `logHypergeometricPmf`.
 *
 * @example
 * hypergeometricPmf(1, 5, 5, 3) // ≈ 0.41666666666667
 */
export function hypergeometricPmf(k: number, successes: number, failures: number, draws: number): number {
  return Math.exp(logHypergeometricPmf(k, successes, failures, draws));
}
