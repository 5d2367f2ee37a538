import { nextChunkSize } from './chunk-size.js';

/** A block of trial indices [fromTrial, toTrial) handed to one worker, with its failed attempts so far. */
export interface Chunk {
  readonly fromTrial: number;
  readonly toTrial: number;
  attempts: number;
}

/**
 * Hands out chunks of a run's trial range, in trial order, to whichever worker asks first; a chunk
 * given back after a failure goes out again before any new one. Chunks are cut lazily, so a run
 * of 10^7 trials never holds a list of them. Without a fixed size, each new chunk is sized from the
 * measured speed (`nextChunkSize`), and no chunk takes more than half a thread's share of what is
 * left, so the threads finish together.
 *
 * Example: new ChunkQueue(0, 25, 10, 2) hands out [0, 10), [10, 20), [20, 25), then null.
 */
export class ChunkQueue {
  private nextTrial: number;
  private readonly retries: Chunk[] = [];
  private size = 4;
  private secondsPerTrial = NaN;

  constructor(
    fromTrial: number,
    private readonly toTrial: number,
    private readonly fixedSize: number | null,
    private readonly threads: number,
  ) {
    this.nextTrial = fromTrial;
  }

  /** The next chunk to run, or null when every chunk has been handed out. */
  take(): Chunk | null {
    const retry = this.retries.shift();
    if (retry) return retry;
    const left = this.toTrial - this.nextTrial;
    if (left <= 0) return null;
    const size = this.fixedSize ?? this.adaptiveSize(left);
    const chunk = { fromTrial: this.nextTrial, toTrial: Math.min(this.toTrial, this.nextTrial + size), attempts: 0 };
    this.nextTrial = chunk.toTrial;
    return chunk;
  }

  /** Puts a failed chunk back, first in line. */
  giveBack(chunk: Chunk): void {
    this.retries.push(chunk);
    this.retries.sort((a, b) => a.fromTrial - b.fromTrial);
  }

  /** Records how long a finished chunk took, for sizing the next ones. */
  observe(trials: number, seconds: number): void {
    if (trials <= 0 || !(seconds > 0)) return;
    const latest = seconds / trials;
    this.secondsPerTrial = Number.isNaN(this.secondsPerTrial) ? latest : (this.secondsPerTrial + latest) / 2;
  }

  /** True when nothing is left to hand out (chunks may still be running). */
  isEmpty(): boolean {
    return this.retries.length === 0 && this.nextTrial >= this.toTrial;
  }

  private adaptiveSize(left: number): number {
    if (!Number.isNaN(this.secondsPerTrial)) this.size = nextChunkSize(this.size, this.secondsPerTrial);
    return Math.max(1, Math.min(this.size, Math.ceil(left / (2 * this.threads))));
  }
}
