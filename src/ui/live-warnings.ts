/**
 * Warnings that can be told while a run is still going, from its progress events: failed trials
 * (an analysis that could not be computed) and a type I error clearly above α in the paired null
 * run (a test that is not valid at this size or for these data).
 */
import { formatCount } from '../report/format-numbers.js';
import type { RunProgress } from '../events/run-progress.js';

/** Trials of the null run needed before a type I error warning is worth showing. */
const MIN_TRIALS_FOR_TYPE_I = 200;

/**
 * Lists the warnings the progress so far supports, one per outcome and kind, in outcome order.
 * A type I error is "clearly above α" when it exceeds α by more than 3 binomial standard errors
 * √(α(1 − α)/n) — a Monte Carlo fluke that size has probability about 0.1%.
 *
 * Example: after 1,000 trials, knife with 3 failures and a type I error of 0.09 at α 0.05 gives
 * `["knife: 3 trials so far could not be analysed", "knife: type I error 9.0% so far, above α = 5%"]`
 * (0.09 − 0.05 = 0.04 > 3 × 0.0069).
 */
export function deriveLiveWarnings(progress: RunProgress, alpha = 0.05): string[] {
  const warnings: string[] = [];
  const n = progress.trialsDone;
  for (const outcome of progress.outcomes) {
    if (outcome.failures > 0) {
      warnings.push(
        `${outcome.outcome}: ${formatCount(outcome.failures)} trial${outcome.failures === 1 ? '' : 's'} so far could not be analysed`,
      );
    }
    const typeI = outcome.typeIError;
    if (typeI !== null && n >= MIN_TRIALS_FOR_TYPE_I && typeI - alpha > 3 * Math.sqrt((alpha * (1 - alpha)) / n)) {
      warnings.push(
        `${outcome.outcome}: type I error ${(typeI * 100).toFixed(1)}% so far, above α = ${Math.round(alpha * 1000) / 10}%`,
      );
    }
  }
  return warnings;
}
