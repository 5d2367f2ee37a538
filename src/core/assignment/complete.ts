import type { Rng } from '../rng/rng.js';

/**
 * Complete randomisation: exactly `treated` of `size` people treated ("k treated, the rest
 * control"), every such set equally likely.
 *
 * Formula in words: sequential selection — person i is treated with probability
 * (treated places left) / (people left), which picks a uniformly random subset in one pass.
 * Reference: Knuth, TAOCP vol. 2, §3.4.2, Algorithm S; randomizr's complete_ra.
 *
 * @example assignComplete(165, 45, rng) → 45 ones and 120 zeros, in a random order
 */
export function assignComplete(size: number, treated: number, rng: Rng): Uint8Array {
  const assignment = new Uint8Array(size);
  let need = treated;
  for (let i = 0, left = size; i < size && need > 0; i++, left--) {
    if (rng.next() * left < need) {
      assignment[i] = 1;
      need--;
    }
  }
  return assignment;
}

/**
 * The exact assignment probabilities of `assignComplete`: treated / size for everyone.
 *
 * @example completeAssignmentProbabilities(165, 45) → 0.2727… (45/165) for each of the 165
 */
export function completeAssignmentProbabilities(size: number, treated: number): Float64Array {
  return new Float64Array(size).fill(size > 0 ? treated / size : 0);
}
