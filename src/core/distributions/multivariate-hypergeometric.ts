import type { Rng } from '../rng/rng.js';
import { drawHypergeometric } from './hypergeometric.js';

/**
 * Draws multivariate hypergeometric counts: how many of `draws` items taken without replacement
 * from an urn with `counts[i]` items of kind i are of each kind. Writes them into `out` (at least
 * as long as `counts`) and returns it; the counts sum to `draws`.
 *
 * Formula: the chain rule, X₀ ~ Hypergeometric(c₀, c₁ + … + c_last, d), then
 * Xᵢ ~ Hypergeometric(cᵢ, cᵢ₊₁ + … + c_last, d − X₀ − … − Xᵢ₋₁); the last kind takes the rest.
 *
 * Reference: L. Devroye, Non-Uniform Random Variate Generation (1986), §XI.1; NumPy's
 * `multivariate_hypergeometric(method="marginals")`.
 *
 * @example
 * drawMultivariateHypergeometric(rng, [3, 0, 2], 5, [0, 0, 0]) // [3, 0, 2]
 */
export function drawMultivariateHypergeometric<T extends Float64Array | number[]>(
  rng: Rng,
  counts: ArrayLike<number>,
  draws: number,
  out: T,
): T {
  const kinds = counts.length;
  let population = 0;
  for (let i = 0; i < kinds; i += 1) {
    if (!Number.isSafeInteger(counts[i]) || counts[i] < 0) {
      throw new RangeError(`multivariate hypergeometric counts must be whole numbers ≥ 0 (got ${counts[i]})`);
    }
    population += counts[i];
  }
  if (kinds === 0 || !Number.isSafeInteger(draws) || draws < 0 || draws > population) {
    throw new RangeError(`multivariate hypergeometric needs 0 ≤ draws ≤ ${population} (got ${draws})`);
  }
  let left = draws;
  for (let i = 0; i < kinds - 1; i += 1) {
    population -= counts[i];
    const count = left === 0 ? 0 : drawHypergeometric(rng, counts[i], population, left);
    out[i] = count;
    left -= count;
  }
  out[kinds - 1] = left;
  return out;
}
