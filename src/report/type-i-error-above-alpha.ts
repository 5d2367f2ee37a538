/**
 * The marks behind the `!` in the table and the notes in the Markdown report, as the diagnosis
 * decided them (`typeIErrorTolerance`, `typeIErrorAboveAlpha`, `coverageTolerance`: a rate is
 * outside its tolerance band when its 99% Wilson interval lies wholly outside it), so the marks,
 * the notes and the warnings always agree. `alpha` null (unknown) never marks.
 */
import type { OutcomeDiagnosis } from '../core/diagnosis/run-summary.js';

/**
 * The mark after a type I error: '!' above Bradley's band [0.5α, 1.5α] (the test is not valid),
 * '↓' below it (conservative), '+' within it but above α beyond Monte Carlo error (no alarm), ''
 * otherwise.
 *
 * Example: typeIErrorTolerance 'above' → '!'; 'within' with typeIErrorAboveAlpha true → '+'.
 */
export function typeIErrorMark(result: OutcomeDiagnosis, alpha: number | null): '' | '!' | '↓' | '+' {
  if (alpha === null || result.typeIErrorTolerance === null) return '';
  if (result.typeIErrorTolerance === 'above') return '!';
  if (result.typeIErrorTolerance === 'below') return '↓';
  return result.typeIErrorAboveAlpha === true ? '+' : '';
}

/**
 * The mark after a coverage: '!' below its band [1 − 1.5α, 1 − 0.5α] (intervals too narrow), '↑'
 * above it (too wide), '' within.
 *
 * Example: coverageTolerance 'below' → '!'; 'within' → ''.
 */
export function coverageMark(result: OutcomeDiagnosis): '' | '!' | '↑' {
  if (result.coverageTolerance === 'below') return '!';
  return result.coverageTolerance === 'above' ? '↑' : '';
}

/**
 * Whether a test's measured type I error is above its tolerance band beyond Monte Carlo error
 * (the alarm). `alpha` null (unknown) never flags.
 *
 * Example: a result with typeIErrorTolerance 'above' at α 0.05 → true; with --no-null → false.
 */
export function typeIErrorAboveAlpha(result: OutcomeDiagnosis, alpha: number | null): boolean {
  return typeIErrorMark(result, alpha) === '!';
}
