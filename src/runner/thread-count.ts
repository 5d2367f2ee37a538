/**
 * How many worker threads a run gets: what was asked, but never more than the machine's cores.
 * Threads beyond the cores only take turns on them, and each brings its own start-up and engine
 * warm-up: 64 threads on 2 cores ran about ten times slower than 2. Results do not depend on the
 * thread count, so capping it changes only the timing.
 */
import { availableParallelism } from 'node:os';

/** The threads to use, and the number asked for when it had to be lowered (else null). */
export interface ThreadCount {
  readonly threads: number;
  readonly cappedFrom: number | null;
}

/**
 * `asked` threads capped at `cores` (default: the cores available to this process); no ask means
 * all the cores.
 *
 * Example: `chooseThreadCount(64, 2)` → `{ threads: 2, cappedFrom: 64 }`;
 * `chooseThreadCount(1, 2)` → `{ threads: 1, cappedFrom: null }`.
 */
export function chooseThreadCount(asked: number | undefined, cores: number = availableParallelism()): ThreadCount {
  if (asked === undefined) return { threads: cores, cappedFrom: null };
  return asked > cores ? { threads: cores, cappedFrom: asked } : { threads: asked, cappedFrom: null };
}
