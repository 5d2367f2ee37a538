import { regularizedLowerGamma, regularizedUpperGamma } from './incomplete-gamma.js';

/**
 * P(X ≤ x) for the chi-square distribution with `degreesOfFreedom` (> 0, not necessarily whole).
 *
 * Formula: the regularized lower incomplete gamma function P(ν/2, x/2). Relative accuracy about
 * 1e-14; for an upper-tail p-value use `chiSquareSurvival`, not 1 − this.
 *
 * Reference: Abramowitz & Stegun (1964) 26.4.19.
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1) // ≈ 0.95
 */
export function chiSquareCdf(x: number, degreesOfFreedom: number): number {
  if (x <= 0) return degreesOfFreedom > 0 ? 0 : Number.NaN;
  return regularizedLowerGamma(degreesOfFreedom / 2, x / 2);
}

/**
 * P(X > x) for the chi-square distribution with `degreesOfFreedom`: the upper-tail p-value of a
 * chi-square statistic, accurate in relative terms however small.
 *
 * Formula: the regularized upper incomplete gamma function Q(ν/2, x/2).
 *
 * Reference: Abramowitz & Stegun (1964) 26.4.19.
 *
 * @example
 * chiSquareSurvival(3.841458820694124, 1) // ≈ 0.05
 * chiSquareSurvival(100, 2) // ≈ 1.9287498479639e-22 (= e^−50)
 */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (x <= 0) return degreesOfFreedom > 0 ? 1 : Number.NaN;
  return regularizedUpperGamma(degreesOfFreedom / 2, x / 2);
}
