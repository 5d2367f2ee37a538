/** How long one chunk of trials should take: short enough for ~10 progress events a second and a
 * prompt Ctrl-C, long enough that a message round trip (tens of µs) is lost in the work. */
export const CHUNK_TARGET_SECONDS = 0.1;
/** Upper bound on a chunk, whatever the speed, so a chunk's tally stays one small message. */
export const MAX_CHUNK_TRIALS = 20_000;

/**
 * The size of the next chunk of trials, from the latest measured seconds per trial: the number of
 * trials that takes about `CHUNK_TARGET_SECONDS`, at most 4× the previous size (speed estimates
 * from tiny chunks are noisy) and at least 1. Chunk sizes change only timing, never results:
 * every trial is a pure function of its index and tallies merge exactly.
 *
 * Example: nextChunkSize(16, 0.001) → 64 (100 would take 0.1 s, but growth is capped at 4×).
 */
export function nextChunkSize(previousTrials: number, secondsPerTrial: number): number {
  if (!(secondsPerTrial > 0)) return Math.min(MAX_CHUNK_TRIALS, previousTrials * 4);
  const wanted = Math.floor(CHUNK_TARGET_SECONDS / secondsPerTrial);
  return Math.max(1, Math.min(wanted, previousTrials * 4, MAX_CHUNK_TRIALS));
}
