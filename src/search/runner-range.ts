/**
 * A `RunRange` on the real runner: a `TrialRunner` whose worker threads stay up between runs, so
 * a search over many design points pays the workers' start-up and warm-up once.
 */
import type { TrialRunner } from '../runner/run-trials.js';
import type { RunRange } from './design-evaluator.js';

/** Runs trials [from, to) of each design on `runner`, with or without the paired null run. */
export function runnerRange(
  runner: TrialRunner,
  options: { readonly withNull: boolean; readonly signal?: AbortSignal },
): RunRange {
  return async (design, fromTrial, toTrial) => {
    const result = await runner.run(design, {
      withNull: options.withNull,
      signal: options.signal,
      trialRange: [fromTrial, toTrial],
    });
    return { tally: result.tally, complete: result.complete };
  };
}
