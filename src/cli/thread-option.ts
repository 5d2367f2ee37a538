/**
 * `--threads` as the simulating commands use it: capped at the machine's cores, and saying so on
 * stderr when it was (a silent 64 threads on 2 cores ran ten times slower).
 */
import { chooseThreadCount } from '../runner/thread-count.js';

/**
 * The thread count to run with for `--threads asked`; writes one line to stderr when it lowers it.
 *
 * Example: `threadsFor(64)` on 2 cores writes "trialsim: --threads 64 is more than the 2 cores
 * available; using 2 (extra threads would only slow the run; the results are the same)" and
 * returns 2.
 */
export function threadsFor(asked: number | undefined): number | undefined {
  if (asked === undefined) return undefined;
  const { threads, cappedFrom } = chooseThreadCount(asked);
  if (cappedFrom !== null)
    process.stderr.write(
      `trialsim: --threads ${cappedFrom} is more than the ${threads} core${threads === 1 ? '' : 's'} available; using ${threads} (extra threads would only slow the run; the results are the same)\n`,
    );
  return threads;
}
