import { drawBinomial } from '../distributions/binomial.js';
import type { Rng } from '../rng/rng.js';

/**
 * Simple (Bernoulli) randomisation, person form: each person treated independently with
 * `probability`, so the arm sizes vary from trial to trial.
 *
 * Formula in words: treated when a uniform draw is below the probability.
 * Reference: randomizr's simple_ra (Coppock 2023).
 *
 * @example assignSimple(1000, 0.5, rng) → about 500 ones (binomial, SD 15.8)
 */
export function assignSimple(size: number, probability: number, rng: Rng): Uint8Array {
  const assignment = new Uint8Array(size);
  for (let i = 0; i < size; i++) if (rng.next() < probability) assignment[i] = 1;
  return assignment;
}

/**
 * Simple randomisation, cell form: of each group of `sizes[c]` exchangeable people, how many are
 * treated — Binomial(sizes[c], probability), the sum of their independent Bernoulli draws — for
 * c < `length`, written to `treated[c]`.
 *
 * @example drawSimpleCounts(rng, [100, 40], 0.3, out) → e.g. out [31, 11]: Binomial(100, 0.3) and Binomial(40, 0.3)
 */
export function drawSimpleCounts(
  rng: Rng,
  sizes: ArrayLike<number>,
  probability: number,
  treated: Float64Array,
  length: number = sizes.length,
): void {
  for (let c = 0; c < length; c++) treated[c] = drawBinomial(rng, sizes[c], probability);
}

/**
 * The exact assignment probabilities of simple randomisation: the probability for everyone.
 *
 * @example simpleAssignmentProbabilities(3, 0.25) → [0.25, 0.25, 0.25]
 */
export function simpleAssignmentProbabilities(size: number, probability: number): Float64Array {
  return new Float64Array(size).fill(probability);
}
