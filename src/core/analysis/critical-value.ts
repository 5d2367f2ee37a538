import { normalQuantile } from '../distributions/normal.js';
import { studentTQuantile } from '../distributions/student-t.js';

// One-entry memos: within a run alpha is fixed and, for most analyses, so are the degrees of
// freedom (N − 2 at a fixed size), so the quantile is computed once instead of once per trial.
// They only remember the last answer of a pure function, so results cannot depend on them.
let lastNormalAlpha = NaN;
let lastNormalValue = NaN;
let lastStudentAlpha = NaN;
let lastStudentDf = NaN;
let lastStudentValue = NaN;

/**
 * Normal multiplier of a two-sided 1 − alpha confidence interval: Φ⁻¹(1 − alpha/2).
 * Intervals are two-sided even when the test is one-sided, so coverage means the same thing
 * for every analysis.
 *
 * @example normalCriticalValue(0.05) ≈ 1.959964
 */
export function normalCriticalValue(alpha: number): number {
  if (alpha !== lastNormalAlpha) {
    lastNormalValue = normalQuantile(1 - alpha / 2);
    lastNormalAlpha = alpha;
  }
  return lastNormalValue;
}

/**
 * Student t multiplier of a two-sided 1 − alpha confidence interval with `df` degrees of
 * freedom: T_df⁻¹(1 − alpha/2).
 *
 * @example studentCriticalValue(0.05, 10) ≈ 2.228139 (R: qt(0.975, 10))
 */
export function studentCriticalValue(alpha: number, df: number): number {
  if (alpha !== lastStudentAlpha || df !== lastStudentDf) {
    lastStudentValue = studentTQuantile(1 - alpha / 2, df);
    lastStudentAlpha = alpha;
    lastStudentDf = df;
  }
  return lastStudentValue;
}
