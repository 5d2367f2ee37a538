import jstatModule from 'jstat';

const { jStat } = jstatModule;

/**
 * P(X ≤ x) for the chi-square distribution with `degreesOfFreedom` (> 0).
 *
 * Formula: the regularized lower incomplete gamma function P(ν/2, x/2). Computed by jstat
 * (about 1e-12 relative against mpmath). For an upper-tail p-value use `chiSquareSurvival`.
 *
 * Reference: Abramowitz & Stegun (1964) 26.4.19; jstat 1.9.6 `chisquare.cdf`.
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1) // ≈ 0.95
 */
export function chiSquareCdf(x: number, degreesOfFreedom: number): number {
  return jStat.chisquare.cdf(x, degreesOfFreedom);
}

/**
 * P(X > x) for the chi-square distribution with `degreesOfFreedom`: 1 − `chiSquareCdf`.
 *
 * Formula and reference: `chiSquareCdf`. Absolute accuracy about 1e-12, so far-tail p-values
 * (below ~1e-10) are only good to that absolute level.
 *
 * @example
 * chiSquareSurvival(3.841458820694124, 1) // ≈ 0.05
 */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  return 1 - jStat.chisquare.cdf(x, degreesOfFreedom);
}
