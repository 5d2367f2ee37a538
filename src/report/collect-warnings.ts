/**
 * Gathers a run's warnings for display: the run-wide ones, then each outcome's, prefixed with the
 * outcome id so a reader knows which analysis a warning is about.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';

/**
 * Lists every warning of a summary once, run-wide first, then per outcome as `"<outcome>: <text>"`.
 *
 * Example: a summary with warnings `["only 1000 trials"]` and outcome knife warning
 * `["3 trials failed"]` gives `["only 1000 trials", "knife: 3 trials failed"]`.
 */
export function collectWarnings(summary: RunSummary): string[] {
  const lines = [...summary.warnings];
  for (const result of summary.results) {
    for (const warning of result.warnings) lines.push(`${result.outcome}: ${warning}`);
  }
  return [...new Set(lines)];
}
