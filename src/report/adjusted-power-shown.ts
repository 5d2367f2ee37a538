/**
 * When a report shows the multiplicity-adjusted power beside the unadjusted power: the terminal
 * table and the Markdown report apply one rule, so the two agree.
 */
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';

/** The multiplicity corrections across primary outcomes. */
export type Multiplicity = 'none' | 'bonferroni' | 'holm';

/**
 * True when the adjusted power says something power does not: there are several primary outcomes
 * and a correction across them (with one primary outcome, or with none, adjusted power equals
 * power).
 *
 * Example: milton-keynes (crime and knife primary, holm) → true; one primary outcome → false.
 */
export function showsAdjustedPower(results: readonly OutcomeDiagnosis[], multiplicity: Multiplicity): boolean {
  return multiplicity !== 'none' && results.filter((r) => r.primary).length > 1;
}

/** The correction a summary's primary outcomes were tested under ('none' without a family-wise line). */
export function summaryMultiplicity(summary: RunSummary): Multiplicity {
  return summary.familywise?.multiplicity ?? 'none';
}
