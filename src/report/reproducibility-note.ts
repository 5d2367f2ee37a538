/**
 * What every report says about how to get its numbers again: the tool version, the engine, the
 * seed and the trial count, and that the thread count does not matter (docs/json-output.md#reproducibility).
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { formatCount } from './format-numbers.js';

/** The promise every report repeats: results depend on scenario, seed and trials only. */
export const THREADS_STATEMENT =
  'the same scenario, seed and trial count give the same numbers whatever the number of threads or shards';

/**
 * One line naming what reproduces a run, e.g.
 * "trialsim 0.1.0 · aggregate engine · seed 1 · 200 trials: the same scenario, seed and trial
 * count give the same numbers whatever the number of threads or shards".
 */
export function reproducibilityNote(summary: RunSummary): string {
  const engine = summary.engine ? ` · ${summary.engine} engine` : '';
  return `trialsim ${summary.tool.version}${engine} · seed ${summary.seed} · ${formatCount(summary.trials)} trials: ${THREADS_STATEMENT}`;
}
