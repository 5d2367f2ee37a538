import type { Rng } from '../rng/rng.js';

/**
 * Simple (Bernoulli) randomisation: each person treated independently with `probability`, so
 * the arm sizes vary from trial to trial.
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
 * The exact assignment probabilities of `assignSimple`: the probability for everyone.
 *
 * @example simpleAssignmentProbabilities(3, 0.25) → [0.25, 0.25, 0.25]
 */
export function simpleAssignmentProbabilities(size: number, probability: number): Float64Array {
  return new Float64Array(size).fill(probability);
}
