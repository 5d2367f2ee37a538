/**
 * Progress for stderr when there is no dashboard (a pipe, CI, a machine format): plain lines, at
 * most about one a second, never an escape code, so logs stay readable.
 */
import type { RunProgress } from '../events/run-progress.js';
import { formatCount, formatDuration } from './format-numbers.js';

/**
 * Writes one progress event as a line (without the newline).
 *
 * Example: `{ trialsDone: 1200, trialsTotal: 5000, trialsPerSecond: 4100, etaSeconds: 0.9, … }` →
 * `"trialsim: 1,200/5,000 trials (24%), 4,100 trials/s, ETA 1s"`.
 */
export function formatProgressLine(progress: RunProgress): string {
  const share = progress.trialsTotal > 0 ? progress.trialsDone / progress.trialsTotal : 0;
  const parts = [
    `trialsim: ${formatCount(progress.trialsDone)}/${formatCount(progress.trialsTotal)} trials (${Math.floor(share * 100)}%)`,
  ];
  if (progress.trialsPerSecond > 0) parts.push(`${formatCount(progress.trialsPerSecond)} trials/s`);
  if (progress.trialsDone >= progress.trialsTotal) parts.push(`done in ${formatDuration(progress.elapsedSeconds)}`);
  else if (progress.etaSeconds !== null) parts.push(`ETA ${formatDuration(progress.etaSeconds)}`);
  return parts.join(', ');
}

/** Receives progress events and writes some of them as lines. */
export interface ProgressLines {
  /** Offer an event; it is written when a second has passed since the last line, or the run is done. */
  update(progress: RunProgress): void;
}

/**
 * Makes a throttled progress writer that hands `write` each line without its newline (the
 * caller adds it, e.g. `(line) => process.stderr.write(`${line}\n`)`): the first event, then one per
 * `minIntervalSeconds` of the run's own elapsed time (so the output does not depend on the
 * wall clock of the writer), and always the final one (trials done = total), once.
 *
 * Example: events at elapsed 0.1, 0.2, …, 2.5 s with the last one complete write lines for
 * 0.1, 1.1, 2.1 and 2.5 s.
 */
export function createProgressLines(write: (line: string) => void, minIntervalSeconds = 1): ProgressLines {
  let lastSeconds = Number.NEGATIVE_INFINITY;
  let finished = false;
  return {
    update(progress) {
      if (finished) return;
      const done = progress.trialsDone >= progress.trialsTotal;
      if (!done && progress.elapsedSeconds - lastSeconds < minIntervalSeconds) return;
      lastSeconds = progress.elapsedSeconds;
      finished = done;
      write(formatProgressLine(progress));
    },
  };
}
