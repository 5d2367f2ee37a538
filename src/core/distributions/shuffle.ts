import type { Rng } from '../rng/rng.js';
import { drawUniformIndex } from './uniform-index.js';

/**
 * Puts the elements of `array` in a uniformly random order, in place, and returns the array.
 *
 * Formula: Fisher–Yates (Durstenfeld): for i from the last index down to 1, swap element i with a
 * uniformly chosen element 0…i (`drawUniformIndex`, exactly uniform), so all n! orders are equally
 * likely.
 *
 * Reference: R. Durstenfeld, "Algorithm 235: Random permutation", Communications of the ACM 7
 * (1964) 420; Knuth, TAOCP vol. 2 (3rd ed.), §3.4.2, Algorithm P.
 *
 * @example
 * shuffleInPlace(rng, [1, 2, 3]) // one of the 6 orders, each with probability 1/6
 */
export function shuffleInPlace<T, A extends { [index: number]: T; length: number }>(rng: Rng, array: A): A {
  for (let i = array.length - 1; i > 0; i -= 1) {
    const j = drawUniformIndex(rng, i + 1);
    const held = array[i];
    array[i] = array[j];
    array[j] = held;
  }
  return array;
}

/**
 * Draws `count` distinct elements of `items` uniformly at random (every subset and order equally
 * likely), returning them in the order drawn; `items` is left unchanged.
 *
 * Formula: a partial Fisher–Yates shuffle of a copy, stopped after `count` swaps.
 *
 * Reference: Knuth, TAOCP vol. 2 (3rd ed.), §3.4.2.
 *
 * @example
 * sampleWithoutReplacement(rng, ['a', 'b', 'c', 'd'], 2) // e.g. ['c', 'a']
 */
export function sampleWithoutReplacement<T>(rng: Rng, items: readonly T[], count: number): T[] {
  if (!Number.isSafeInteger(count) || count < 0 || count > items.length) {
    throw new RangeError(`can only sample 0…${items.length} items without replacement (got ${count})`);
  }
  const pool = items.slice();
  for (let i = 0; i < count; i += 1) {
    const j = i + drawUniformIndex(rng, pool.length - i);
    const held = pool[i];
    pool[i] = pool[j];
    pool[j] = held;
  }
  return pool.slice(0, count);
}
