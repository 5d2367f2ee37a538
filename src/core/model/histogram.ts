/**
 * A counts-of-counts histogram that grows as values arrive and is cleared, not reallocated,
 * between trials: `counts[v]` people have value v, for v < `length`.
 *
 * @example add(0, 3); add(2, 1) → counts [3, 0, 1], length 3, people 4
 */
export class Histogram {
  counts = new Float64Array(32);
  length = 0;

  /** Adds `people` people with value `value`. */
  add(value: number, people: number): void {
    if (value >= this.counts.length) {
      const grown = new Float64Array(Math.max(2 * this.counts.length, value + 1));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[value] += people;
    if (value >= this.length && people > 0) this.length = value + 1;
  }

  /** Adds every count of another histogram. */
  addHistogram(other: Histogram): void {
    if (other.length > this.counts.length) this.add(other.length - 1, 0);
    for (let v = 0; v < other.length; v++) this.counts[v] += other.counts[v];
    if (other.length > this.length) this.length = other.length;
  }

  /** Empties it (keeps the storage). */
  clear(): void {
    this.counts.fill(0, 0, this.length);
    this.length = 0;
  }
}
