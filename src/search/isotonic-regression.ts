/**
 * Weighted isotonic (non-decreasing) regression by the pool-adjacent-violators algorithm: the
 * non-decreasing sequence closest to `values` in weighted least squares. Adjacent values that
 * break the order are pooled into their weighted mean until none do.
 *
 * Reference: Barlow, Bartholomew, Bremner & Brunk (1972), Statistical Inference under Order
 * Restrictions, §1.2.
 *
 * Example: values [0.1, 0.3, 0.2, 0.6] with weights [1, 1, 1, 2] → [0.1, 0.25, 0.25, 0.6].
 */
export function isotonicRegression(values: readonly number[], weights: readonly number[]): number[] {
  const blocks: { mean: number; weight: number; size: number }[] = [];
  values.forEach((value, i) => {
    blocks.push({ mean: value, weight: weights[i], size: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].mean > blocks[blocks.length - 1].mean) {
      const last = blocks.pop()!;
      const previous = blocks[blocks.length - 1];
      const weight = previous.weight + last.weight;
      previous.mean =
        weight > 0
          ? (previous.mean * previous.weight + last.mean * last.weight) / weight
          : (previous.mean + last.mean) / 2;
      previous.weight = weight;
      previous.size += last.size;
    }
  });
  return blocks.flatMap((block) => new Array<number>(block.size).fill(block.mean));
}
