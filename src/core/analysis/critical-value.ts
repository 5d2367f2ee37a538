import { normalQuantile } from '../distributions/normal.js';
import { studentTQuantile } from '../distributions/student-t.js';

/**
 * Normal multiplier of a two-sided 1 − alpha confidence interval: Φ⁻¹(1 − alpha/2).
 * Intervals are two-sided even when the test is one-sided, so coverage means the same thing
 * for every analysis.
 *
 * @example normalCriticalValue(0.05) ≈ 1.959964
 */
export function normalCriticalValue(alpha: number): number {
  return normalQuantile(1 - alpha / 2);
}

/**
 * Student t multiplier of a two-sided 1 − alpha confidence interval with `df` degrees of
 * freedom: T_df⁻¹(1 − alpha/2).
 *
 * @example studentCriticalValue(0.05, 10) ≈ 2.228139 (R: qt(0.975, 10))
 */
export function studentCriticalValue(alpha: number, df: number): number {
  return studentTQuantile(1 - alpha / 2, df);
}
