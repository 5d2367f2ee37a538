import type { CellLayout } from '../model/cell-layout.js';
import type { Rng } from '../rng/rng.js';
import { allocateTreated, expectedAllocation } from './allocate-treated.js';
import type { Blocks } from './blocks.js';
import { spreadOverUnit } from './complete.js';

/**
 * The block walk of stratified randomisation, shared by every form: the `treated` places are
 * spread over strata as evenly as the treated share allows (largest remainder, exact total), then
 * each stratum's places over its blocks the same way; `visit(block, places)` is called for each
 * block, stratum by stratum, right after that stratum's blocks get their places (so a form that
 * draws within each block at once uses the random stream in the same order as one that draws
 * afterwards).
 * Reference: randomizr's block_ra; Rosenberger & Lachin (2016), §3.5 permuted blocks.
 *
 * @example MK: strata youth 73 / adult 92, one block each, 45 treated → visit(0, 20), visit(1, 25)
 */
export function walkBlocks(
  blocks: Blocks,
  treated: number,
  rng: Rng,
  visit: (block: number, places: number) => void,
): void {
  const stratumTreated = allocateTreated(blocks.stratumSizes, treated, rng);
  const count = blocks.blockStratum.length;
  for (let start = 0; start < count;) {
    const stratum = blocks.blockStratum[start];
    let end = start;
    while (end < count && blocks.blockStratum[end] === stratum) end++;
    const blockTreated = allocateTreated(blocks.blockSizes.subarray(start, end), stratumTreated[stratum], rng);
    for (let block = start; block < end; block++) visit(block, blockTreated[block - start]);
    start = end;
  }
}

/**
 * Stratified (and blocked) randomisation, person form: the block walk, then each block completely
 * randomised.
 *
 * Formula in words: k_b = the block's places from `walkBlocks`; within block b, person i is
 * treated with probability (places left in b)/(people left in b) (sequential selection).
 *
 * @example MK: strata youth 73 / adult 92, 45 treated → exactly 20 youth and 25 adults treated
 */
export function assignStratified(blocks: Blocks, treated: number, rng: Rng): Uint8Array {
  const blockTreated = new Int32Array(blocks.blockSizes.length);
  walkBlocks(blocks, treated, rng, (block, places) => (blockTreated[block] = places));
  const left = Int32Array.from(blocks.blockSizes);
  const assignment = new Uint8Array(blocks.blockOf.length);
  for (let i = 0; i < assignment.length; i++) {
    const b = blocks.blockOf[i];
    if (blockTreated[b] > 0 && rng.next() * left[b] < blockTreated[b]) {
      assignment[i] = 1;
      blockTreated[b]--;
    }
    left[b]--;
  }
  return assignment;
}

/**
 * Stratified randomisation, cell form: the block walk, then each block's places spread over its
 * cells by complete randomisation (multivariate hypergeometric); the cell layout's units are the
 * blocks. Writes each cell's treated count to `treated`.
 *
 * @example MK stratified by group (cells 73 and 92, one block each) → treated [20, 25], every time
 */
export function drawStratifiedCounts(
  blocks: Blocks,
  layout: CellLayout,
  treated: number,
  rng: Rng,
  out: Float64Array,
): void {
  walkBlocks(blocks, treated, rng, (block, places) => spreadOverUnit(layout, block, places, rng, out));
}

/**
 * The exact assignment probabilities of stratified randomisation: for each person, the expected
 * treated count of their block over the random rounding of stratum and block counts, divided by
 * the block's size.
 *
 * Formula in words: a stratum gets ⌊E k_s⌋ or ⌊E k_s⌋ + 1 places, the latter with probability
 * E k_s − ⌊E k_s⌋; for each, the block's expected count is `expectedAllocation` of it.
 *
 * @example 2 strata of 5, 5 treated → 0.5 for everyone
 */
export function stratifiedAssignmentProbabilities(blocks: Blocks, treated: number): Float64Array {
  const expectedStratum = expectedAllocation(blocks.stratumSizes, treated);
  const blockProbability = new Float64Array(blocks.blockSizes.length);
  let start = 0;
  while (start < blocks.blockStratum.length) {
    const s = blocks.blockStratum[start];
    let end = start;
    while (end < blocks.blockStratum.length && blocks.blockStratum[end] === s) end++;
    const sizes = blocks.blockSizes.subarray(start, end);
    const low = Math.floor(expectedStratum[s] + 1e-12);
    const upWeight = expectedStratum[s] - low;
    const atLow = expectedAllocation(sizes, low);
    const atHigh = upWeight > 1e-12 ? expectedAllocation(sizes, low + 1) : atLow;
    for (let b = start; b < end; b++) {
      const expected = (1 - upWeight) * atLow[b - start] + upWeight * atHigh[b - start];
      blockProbability[b] = expected / blocks.blockSizes[b];
    }
    start = end;
  }
  return Float64Array.from(blocks.blockOf, (b) => blockProbability[b]);
}
