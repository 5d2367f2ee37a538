import { BugError } from '../errors/bug-error.js';
import { emptyRunTally, mergeRunTally, type RunTally } from '../core/diagnosis/tally.js';

/**
 * Gathers chunk tallies as they arrive (in any order, from any worker) and merges them in trial
 * order: a chunk waits until every chunk before it has been merged. The merge is exact in any
 * order (`ExactSum`), so the order only keeps the arithmetic easy to follow; what matters for
 * memory is that only tallies are held, never per-trial data, and a waiting chunk is one tally.
 *
 * Example: add(50, 100, b) then add(0, 50, a) → tally() is a merged with b, 100 trials.
 */
export class ChunkCollector {
  private readonly merged: RunTally;
  private readonly waiting = new Map<number, { toTrial: number; tally: RunTally }>();
  private mergedUpTo: number;

  constructor(outcomeCount: number, withNull: boolean, fromTrial: number) {
    this.merged = emptyRunTally(outcomeCount, withNull);
    this.mergedUpTo = fromTrial;
  }

  /** Takes the tally of trials [fromTrial, toTrial). */
  add(fromTrial: number, toTrial: number, tally: RunTally): void {
    if (fromTrial < this.mergedUpTo || this.waiting.has(fromTrial)) {
      throw new BugError(`chunk ${fromTrial}–${toTrial - 1} arrived twice`);
    }
    this.waiting.set(fromTrial, { toTrial, tally });
    for (let next = this.waiting.get(this.mergedUpTo); next; next = this.waiting.get(this.mergedUpTo)) {
      this.waiting.delete(this.mergedUpTo);
      mergeRunTally(this.merged, next.tally);
      this.mergedUpTo = next.toTrial;
    }
  }

  /**
   * The tally of every chunk received. After an interrupted run the chunks need not be a prefix
   * of the trials; those after a gap are merged too, still in trial order.
   */
  tally(): RunTally {
    const later = [...this.waiting.keys()].sort((a, b) => a - b);
    for (const fromTrial of later) {
      mergeRunTally(this.merged, this.waiting.get(fromTrial)!.tally);
      this.waiting.delete(fromTrial);
    }
    return this.merged;
  }
}
