/**
 * A growable list of numbers, cleared (not reallocated) between trials: the harm values of the
 * people of one cell slot who had at least one event.
 *
 * @example push(2.5); push(0.7) → values [2.5, 0.7], length 2
 */
export class ValueList {
  values = new Float64Array(64);
  length = 0;

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(2 * this.length);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** Empties it (keeps the storage). */
  clear(): void {
    this.length = 0;
  }
}
