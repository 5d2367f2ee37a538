import { drawMultivariateHypergeometric } from '../distributions/multivariate-hypergeometric.js';
import type { CellLayout } from '../model/cell-layout.js';
import type { Rng } from '../rng/rng.js';

/**
 * Complete randomisation, person form: exactly `treated` of `size` people treated ("k treated,
 * the rest control"), every such set equally likely.
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
 * Complete randomisation, cell form: `treated` people taken uniformly from groups of `sizes[c]`
 * exchangeable people; how many of each group are taken is multivariate hypergeometric (the
 * margins of a uniform subset), written to `out`.
 * Reference: Johnson, Kotz & Balakrishnan, Discrete Multivariate Distributions (1997), ch. 39.
 *
 * @example drawCompleteCounts(rng, [73, 92], 45, out) → e.g. out [20, 25], always summing to 45
 */
export function drawCompleteCounts(rng: Rng, sizes: ArrayLike<number>, treated: number, out: Float64Array): void {
  drawMultivariateHypergeometric(rng, sizes, treated, out);
}

/**
 * Completely randomises `treated` places among the people of one randomisation unit of the cell
 * layout (its cells, ascending) and writes each cell's treated count to `treated[cell]`.
 *
 * @example unit 0 of a layout with cells [73, 92], 45 places → treated [20, 25] (for example)
 */
export function spreadOverUnit(
  layout: CellLayout,
  unit: number,
  places: number,
  rng: Rng,
  treated: Float64Array,
): void {
  const cells = layout.unitCells[unit];
  const counts = layout.unitTreated[unit];
  drawCompleteCounts(rng, layout.unitCellSizes[unit], places, counts);
  for (let j = 0; j < cells.length; j++) treated[cells[j]] = counts[j];
}

/**
 * The exact assignment probabilities of complete randomisation: treated / size for everyone.
 *
 * @example completeAssignmentProbabilities(165, 45) → 0.2727… (45/165) for each of the 165
 */
export function completeAssignmentProbabilities(size: number, treated: number): Float64Array {
  return new Float64Array(size).fill(size > 0 ? treated / size : 0);
}
