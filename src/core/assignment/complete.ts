import { drawMultivariateHypergeometric } from '../distributions/multivariate-hypergeometric.js';
import { drawUniformIndex } from '../distributions/uniform-index.js';
import type { CellLayout } from '../model/cell-layout.js';
import type { Rng } from '../rng/rng.js';

/**
 * Complete randomisation, person form: exactly `treated` of `size` people treated ("k treated,
 * the rest control"), every such set equally likely.
 *
 * Formula in words: Floyd's algorithm draws the smaller arm, m = min(treated, size − treated)
 * people, with one uniform index each: for j = size − m, …, size − 1, take t uniform on 0…j and
 * put t in the arm, or j when t is in it already. Every m-subset comes out with probability
 * 1/C(size, m) (Floyd's induction: each step keeps the subsets uniform), from m uniforms rather
 * than one per person, and the indices are exactly uniform (`drawUniformIndex`).
 * Reference: J. Bentley & R. Floyd, "Programming pearls: a sample of brilliance", CACM 30 (1987)
 * 754–757; randomizr's complete_ra.
 *
 * @example assignComplete(165, 45, rng) → 45 ones and 120 zeros, in a random order
 */
export function assignComplete(size: number, treated: number, rng: Rng): Uint8Array {
  const assignment = new Uint8Array(size);
  const smaller = Math.min(treated, size - treated);
  // The arm drawn is marked; the other arm is the rest.
  const mark = smaller === treated ? 1 : 0;
  if (mark === 0) assignment.fill(1);
  for (let j = size - smaller; j < size; j++) {
    const t = drawUniformIndex(rng, j + 1);
    if (assignment[t] === mark) assignment[j] = mark;
    else assignment[t] = mark;
  }
  return assignment;
}

/**
 * Chooses exactly `chosen` of `size` units (1 = chosen), every such set equally likely, by
 * sequential selection: unit i is chosen with probability (places left) / (units left), one
 * uniform per unit until the places run out. For few units (sites).
 * Reference: Knuth, TAOCP vol. 2, §3.4.2, Algorithm S.
 *
 * @example selectSequentially(12, 6, rng) → six ones and six zeros
 */
export function selectSequentially(size: number, chosen: number, rng: Rng): Uint8Array {
  const selected = new Uint8Array(size);
  let need = chosen;
  for (let i = 0, left = size; i < size && need > 0; i++, left--) {
    if (rng.next() * left < need) {
      selected[i] = 1;
      need--;
    }
  }
  return selected;
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
