/**
 * A `RunRange` on the real runner: a `TrialRunner` whose worker threads stay up between runs, so
 * a search over many design points pays the workers' start-up and warm-up once.
 */
import type { Design } from '../core/design.js';
import type { RunProgressListener } from '../events/run-progress.js';
import type { TrialRunner } from '../runner/run-trials.js';
import type { RunRange } from './design-evaluator.js';

/** How the runs of a range are made: with or without the null run, how to stop them, who watches. */
export interface RunnerRangeOptions {
  readonly withNull: boolean;
  readonly signal?: AbortSignal;
  /** Called as each run starts; the listener it returns (if any) gets that run's progress events. */
  readonly onRunStart?: (design: Design, fromTrial: number, toTrial: number) => RunProgressListener | undefined;
}

/**
 * Runs trials [from, to) of each design on `runner`, with or without the paired null run.
 *
 * Example: `runnerRange(runner, { withNull: false })(design, 200, 800)` tallies trials 200–799.
 */
export function runnerRange(runner: TrialRunner, options: RunnerRangeOptions): RunRange {
  return async (design, fromTrial, toTrial) => {
    const onProgress = options.onRunStart?.(design, fromTrial, toTrial);
    const result = await runner.run(design, {
      withNull: options.withNull,
      signal: options.signal,
      trialRange: [fromTrial, toTrial],
      ...(onProgress ? { onProgress } : {}),
    });
    return { tally: result.tally, complete: result.complete };
  };
}
