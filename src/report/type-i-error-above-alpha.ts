/**
 * The check behind the `!` in the table and "(above α)" in the Markdown report: a test whose
 * false-positive rate, measured in the paired null run, is above α beyond Monte Carlo error.
 */
import type { OutcomeDiagnosis } from '../core/diagnosis/run-summary.js';

/**
 * Whether a test's measured type I error is above α beyond Monte Carlo error, as the diagnosis
 * decided it (`typeIErrorAboveAlpha`: its 99% Wilson interval lies wholly above α), so the `!`,
 * the Markdown note and the warnings always agree. `alpha` null (unknown) never flags.
 *
 * Example: a result with typeIErrorAboveAlpha true at α 0.05 → true; with --no-null → false.
 */
export function typeIErrorAboveAlpha(result: OutcomeDiagnosis, alpha: number | null): boolean {
  return alpha !== null && result.typeIErrorAboveAlpha === true;
}
