import { chiSquareCdf, chiSquareSurvival } from '../core/distributions/chi-square.js';
import { findRoot } from '../core/numerics/find-root.js';

/**
 * The x with P(X ≤ x) = p for a chi-square variable with `degreesOfFreedom` (> 0): critical
 * values of likelihood-ratio tests and the ends of a variance's confidence interval.
 *
 * Formula in words: the root of P(X ≤ x) − p (or, above the median, of p's upper tail
 * P(X > x) − (1 − p), which keeps its digits), bracketed by doubling from the mean.
 * Reference: Abramowitz & Stegun (1964) 26.4.
 *
 * @example chiSquareQuantile(0.95, 1) // ≈ 3.841458820694124 (R: qchisq(0.95, 1))
 */
export function chiSquareQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1) || !(degreesOfFreedom > 0)) {
    if (p === 0) return 0;
    if (p === 1) return Infinity;
    return Number.NaN;
  }
  const upperTail = p > 0.5;
  const target = upperTail ? 1 - p : p;
  const f = upperTail
    ? (x: number) => target - chiSquareSurvival(x, degreesOfFreedom)
    : (x: number) => chiSquareCdf(x, degreesOfFreedom) - target;
  let upper = Math.max(degreesOfFreedom, 1);
  while (f(upper) < 0) upper *= 2;
  let lower = upper / 2;
  while (lower > 1e-300 && f(lower) > 0) lower /= 2;
  return findRoot(f, lower, upper, 1e-15 * upper);
}
