import { BugError } from '../errors/bug-error.js';
import { emptyRunTally, mergeRunTally, type RunTally } from '../core/diagnosis/tally.js';
import type { TrialRows } from '../core/trial-rows.js';

/** What the collector hands on, in trial order, when a run keeps its trials' rows. */
export type RowsListener = (rows: TrialRows) => void;

/**
 * Gathers chunk tallies as they arrive (in any order, from any worker) and merges them in trial
 * order: a chunk waits until every chunk before it has been merged. The merge is exact in any
 * order (`ExactSum`), so for the tally the order only keeps the arithmetic easy to follow; what
 * matters for memory is that only tallies are held, never per-trial data, and a waiting chunk is
 * one tally. When the run keeps its trials' rows, each chunk's rows are handed to `onRows` as
 * the chunk is merged, so they come out in trial order whatever the thread count, and only the
 * rows of chunks waiting for an earlier one are ever held.
 *
 * Example: add(50, 100, b) then add(0, 50, a) → tally() is a merged with b, 100 trials.
 */
export class ChunkCollector {
  private readonly merged: RunTally;
  private readonly waiting = new Map<number, { toTrial: number; tally: RunTally; rows: TrialRows | null }>();
  private mergedUpTo: number;

  constructor(
    outcomeCount: number,
    withNull: boolean,
    fromTrial: number,
    private readonly onRows: RowsListener | null = null,
  ) {
    this.merged = emptyRunTally(outcomeCount, withNull);
    this.mergedUpTo = fromTrial;
  }

  /** Takes the tally (and, if kept, the rows) of trials [fromTrial, toTrial). */
  add(fromTrial: number, toTrial: number, tally: RunTally, rows: TrialRows | null = null): void {
    if (fromTrial < this.mergedUpTo || this.waiting.has(fromTrial)) {
      throw new BugError(`chunk ${fromTrial}–${toTrial - 1} arrived twice`);
    }
    this.waiting.set(fromTrial, { toTrial, tally, rows });
    for (let next = this.waiting.get(this.mergedUpTo); next; next = this.waiting.get(this.mergedUpTo)) {
      this.waiting.delete(this.mergedUpTo);
      this.merge(next.tally, next.rows);
      this.mergedUpTo = next.toTrial;
    }
  }

  /**
   * The tally of every chunk received. After an interrupted run the chunks need not be a prefix
   * of the trials; those after a gap are merged too (and their rows handed on), still in trial
   * order.
   */
  tally(): RunTally {
    const later = [...this.waiting.keys()].sort((a, b) => a - b);
    for (const fromTrial of later) {
      const chunk = this.waiting.get(fromTrial)!;
      this.merge(chunk.tally, chunk.rows);
      this.waiting.delete(fromTrial);
    }
    return this.merged;
  }

  private merge(tally: RunTally, rows: TrialRows | null): void {
    mergeRunTally(this.merged, tally);
    if (this.onRows !== null) {
      if (rows === null) throw new BugError('a run that keeps its trials received a chunk without rows');
      this.onRows(rows);
    }
  }
}
