/**
 * A `RunRange` on the real runner (worker threads). The runner runs a whole run or one shard of
 * it, so the range [from, to) is asked for as the last of to/(to − from) equal shards of a
 * to-trial run — exact whenever (to − from) divides to, which the evaluator's doublings ensure.
 */
import type { Design } from '../core/design.js';
import { runTrials } from '../runner/run-trials.js';
import type { RunRange } from './design-evaluator.js';

export interface RunnerRangeOptions {
  readonly threads?: number;
  readonly withNull: boolean;
  readonly signal?: AbortSignal;
}

/** The range runner; throws a RangeError for a range that is not a final shard slice. */
export function runnerRange(options: RunnerRangeOptions): RunRange {
  return async (design: Design, fromTrial: number, toTrial: number) => {
    const length = toTrial - fromTrial;
    if (length <= 0 || toTrial % length !== 0) throw new RangeError(`runnerRange: [${fromTrial}, ${toTrial}) is not a final shard slice`);
    const count = toTrial / length;
    const result = await runTrials(design, {
      trials: toTrial,
      threads: options.threads,
      withNull: options.withNull,
      signal: options.signal,
      shard: count > 1 ? { index: count, count } : undefined,
    });
    return { tally: result.tally, complete: result.complete };
  };
}
