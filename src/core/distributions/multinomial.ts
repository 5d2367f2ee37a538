import type { Rng } from '../rng/rng.js';
import { drawBinomial } from './binomial.js';

/**
 * Draws multinomial counts: how n independent items fall into cells with the given probabilities.
 * Writes count i into `out[i]` (out must be at least as long as `probabilities`) and returns `out`.
 *
 * Probabilities need not sum exactly to 1 — they are taken relative to their sum — and the last
 * cell takes whatever is left, so a long-tailed pmf can be passed as f(0), …, f(K−2) followed by
 * the rest P(X ≥ K−1). Exact: by the chain rule, X₀ ~ Bin(n, p₀/S₀), then
 * Xᵢ ~ Bin(n − X₀ − … − Xᵢ₋₁, pᵢ/Sᵢ) with Sᵢ = pᵢ + … + p_last, stopping once nothing is left.
 * Sᵢ is the sum minus the cells already used; where rounding makes that ≤ pᵢ (the true rest below
 * about 1e-16), the cell takes everything left.
 *
 * Reference: L. Devroye, Non-Uniform Random Variate Generation (1986), §XI.1 (conditional
 * method); C. S. Davis, "The computer generation of multinomial random variates", Computational
 * Statistics & Data Analysis 16 (1993) 205–217.
 *
 * @example
 * drawMultinomial(rng, 10, [0.5, 0.5, 0], new Float64Array(3)) // e.g. [4, 6, 0] — never a count in cell 2
 */
export function drawMultinomial<T extends Float64Array | number[]>(
  rng: Rng,
  n: number,
  probabilities: ArrayLike<number>,
  out: T,
): T {
  const cells = probabilities.length;
  if (!Number.isSafeInteger(n) || n < 0 || cells === 0) {
    throw new RangeError(`multinomial needs a whole n ≥ 0 and at least one cell (got n = ${n}, ${cells} cells)`);
  }
  let total = 0;
  for (let i = 0; i < cells; i += 1) {
    const probability = probabilities[i];
    if (!(probability >= 0) || probability === Infinity) {
      throw new RangeError(`multinomial probabilities must be finite and ≥ 0 (got ${probability} in cell ${i})`);
    }
    total += probability;
  }
  if (!(total > 0)) throw new RangeError('multinomial probabilities must not all be 0');
  let left = n;
  let massLeft = total;
  for (let i = 0; i < cells - 1; i += 1) {
    if (left === 0) {
      out[i] = 0;
      continue;
    }
    const probability = probabilities[i];
    const count = probability >= massLeft ? left : drawBinomial(rng, left, probability / massLeft);
    out[i] = count;
    left -= count;
    massLeft -= probability;
  }
  out[cells - 1] = left;
  return out;
}
