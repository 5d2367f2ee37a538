const SCALE = 2 ** 32;
const FLUSH_AT = 2 ** 52;

/**
 * A sum of many doubles that gives the same result in any order of addition and any split into
 * parts, so a run's numbers do not depend on thread count, chunking or shards.
 *
 * Each term is rounded to a multiple of 2^-32 (an error below 1.2e-10 per term, far under any
 * Monte Carlo error) and added as an integer: first in a double, which holds integers exactly up to
 * 2^53, then, before that limit could be passed, into a BigInt. Integer addition is associative,
 * so parts summed separately and then combined give exactly the whole.
 *
 * Example: adding 0.1 ten times, in two parts of five combined with `merge`, `value()` gives
 * 1.0000000000 (to 1e-9) and the same bits as adding all ten in one sum.
 */
export class ExactSum {
  private big = 0n;
  private small = 0;

  /** Adds one finite term (non-finite terms are a caller's bug and throw). */
  add(term: number): void {
    if (!Number.isFinite(term)) throw new RangeError(`ExactSum.add needs a finite number (got ${term})`);
    const scaled = Math.round(term * SCALE);
    if (Math.abs(scaled) >= FLUSH_AT) {
      this.big += BigInt(scaled);
      return;
    }
    this.small += scaled;
    if (Math.abs(this.small) >= FLUSH_AT) this.flush();
  }

  /** Adds another sum into this one. */
  merge(other: ExactSum): void {
    this.flush();
    this.big += other.total();
  }

  /** The sum as a double. */
  value(): number {
    return Number(this.total()) / SCALE;
  }

  /** The exact scaled integer, as a decimal string (for JSON shard files). */
  toJSON(): string {
    return this.total().toString();
  }

  /** Rebuilds a sum from `toJSON` output. */
  static fromJSON(text: string): ExactSum {
    const sum = new ExactSum();
    sum.big = BigInt(text);
    return sum;
  }

  private total(): bigint {
    return this.big + BigInt(this.small);
  }

  private flush(): void {
    this.big += BigInt(this.small);
    this.small = 0;
  }
}
