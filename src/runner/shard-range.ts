/**
 * The contiguous slice of trial indices that shard `index` of `count` runs (1-based, as in
 * `--shard 2/3`): [⌊trials·(index−1)/count⌋, ⌊trials·index/count⌋). The slices of 1/N … N/N
 * cover 0 … trials−1 exactly once, with sizes that differ by at most one, so any batch engine
 * can run them independently and `trialsim merge` gets back the whole run (docs/json-output.md, "Shard documents").
 *
 * Example: shardRange(10, 2, 3) → [3, 6]; the three shards of 10 trials are [0, 3), [3, 6), [6, 10).
 */
export function shardRange(trials: number, index: number, count: number): [number, number] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`shard count must be a whole number ≥ 1 (got ${count})`);
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`shard index must be a whole number from 1 to ${count} (got ${index})`);
  }
  // Integer arithmetic stays exact: trials·count is far below 2^53 for any run we could do.
  return [Math.floor((trials * (index - 1)) / count), Math.floor((trials * index) / count)];
}
