/**
 * The check behind the `!` in the table and "(above α)" in the Markdown report: a test whose
 * false-positive rate, measured in the paired null run, is above α beyond Monte Carlo error.
 */
import type { OutcomeDiagnosis } from '../core/diagnosis/run-summary.js';

/**
 * Whether a test's measured type I error is above α beyond Monte Carlo error (its 95% interval
 * lies wholly above α): the test is then not valid for these data and its power means little.
 *
 * Example: type I 7.6% [6.9, 8.4] at α 0.05 → true; 5.2% [4.6, 5.9] → false.
 */
export function typeIErrorAboveAlpha(result: OutcomeDiagnosis, alpha: number | null): boolean {
  return alpha !== null && result.typeIErrorCI !== null && result.typeIErrorCI[0] > alpha;
}
