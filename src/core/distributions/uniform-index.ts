import type { Rng } from '../rng/rng.js';

const TWO_POW_32 = 4294967296;
const EXACT_UP_TO = 2 ** 21;

/**
 * Draws a whole number uniformly from 0, 1, …, size − 1.
 *
 * Formula: Lemire's multiply-and-reject on the 32 bits of one uniform: with x = ⌊U·2³²⌋, take the
 * high part of x·size, redrawing when the low part falls below 2³² mod size; exactly uniform for
 * size ≤ 2²¹ (where x·size is exact in a double). Larger sizes use 53 bits from two uniforms,
 * ⌊U₅₃·size⌋, whose bias is below size/2⁵³.
 *
 * Reference: D. Lemire, "Fast random integer generation in an interval", ACM Transactions on
 * Modeling and Computer Simulation 29 (2019) 3:1–3:12.
 *
 * @example
 * drawUniformIndex({ next: () => 0.75 }, 10) // 7
 */
export function drawUniformIndex(rng: Rng, size: number): number {
  if (size <= EXACT_UP_TO && size >= 1 && Number.isInteger(size)) {
    for (;;) {
      const product = Math.floor(rng.next() * TWO_POW_32) * size;
      const high = Math.floor(product / TWO_POW_32);
      const low = product - high * TWO_POW_32;
      if (low >= size || low >= TWO_POW_32 % size) return high;
    }
  }
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`a uniform index needs a whole size ≥ 1 (got ${size})`);
  }
  const fine = Math.floor(rng.next() * TWO_POW_32) * EXACT_UP_TO + Math.floor(rng.next() * EXACT_UP_TO);
  return Math.floor((fine / 2 ** 53) * size);
}
