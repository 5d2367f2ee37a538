import type { Rng } from '../rng/rng.js';
import { allocateTreated, expectedAllocation } from './allocate-treated.js';
import type { StrataCells } from './strata.js';

/**
 * Stratified (and blocked) randomisation: the `treated` places are spread over strata as evenly
 * as the treated share allows (largest remainder, exact total), then over each stratum's blocks
 * the same way, and each block is completely randomised.
 *
 * Formula in words: k_s = allocation of `treated` over stratum sizes; k_c = allocation of k_s
 * over the stratum's block sizes; within block c, person i is treated with probability
 * (places left in c)/(people left in c) (sequential selection).
 * Reference: randomizr's block_ra; Rosenberger & Lachin (2016), §3.5 permuted blocks.
 *
 * @example MK: strata youth 73 / adult 92, 45 treated → exactly 20 youth and 25 adults treated
 */
export function assignStratified(cells: StrataCells, treated: number, rng: Rng): Uint8Array {
  const cellTreated = allocateOverCells(cells, allocateTreated(cells.stratumSizes, treated, rng), rng);
  const left = Int32Array.from(cells.cellSizes);
  const assignment = new Uint8Array(cells.cell.length);
  for (let i = 0; i < assignment.length; i++) {
    const c = cells.cell[i];
    if (cellTreated[c] > 0 && rng.next() * left[c] < cellTreated[c]) {
      assignment[i] = 1;
      cellTreated[c]--;
    }
    left[c]--;
  }
  return assignment;
}

function allocateOverCells(cells: StrataCells, stratumTreated: Int32Array, rng: Rng): Int32Array {
  const cellTreated = new Int32Array(cells.cellSizes.length);
  let start = 0;
  while (start < cells.cellStratum.length) {
    const s = cells.cellStratum[start];
    let end = start;
    while (end < cells.cellStratum.length && cells.cellStratum[end] === s) end++;
    cellTreated.set(allocateTreated(cells.cellSizes.subarray(start, end), stratumTreated[s], rng), start);
    start = end;
  }
  return cellTreated;
}

/**
 * The exact assignment probabilities of `assignStratified`: for each person, the expected
 * treated count of their block over the random rounding of stratum and block counts, divided by
 * the block's size.
 *
 * Formula in words: a stratum gets ⌊E k_s⌋ or ⌊E k_s⌋ + 1 places, the latter with probability
 * E k_s − ⌊E k_s⌋; for each, the block's expected count is `expectedAllocation` of it.
 *
 * @example 2 strata of 5, 5 treated → 0.5 for everyone
 */
export function stratifiedAssignmentProbabilities(cells: StrataCells, treated: number): Float64Array {
  const expectedStratum = expectedAllocation(cells.stratumSizes, treated);
  const cellProbability = new Float64Array(cells.cellSizes.length);
  let start = 0;
  while (start < cells.cellStratum.length) {
    const s = cells.cellStratum[start];
    let end = start;
    while (end < cells.cellStratum.length && cells.cellStratum[end] === s) end++;
    const sizes = cells.cellSizes.subarray(start, end);
    const low = Math.floor(expectedStratum[s] + 1e-12);
    const upWeight = expectedStratum[s] - low;
    const atLow = expectedAllocation(sizes, low);
    const atHigh = upWeight > 1e-12 ? expectedAllocation(sizes, low + 1) : atLow;
    for (let c = start; c < end; c++) {
      const expected = (1 - upWeight) * atLow[c - start] + upWeight * atHigh[c - start];
      cellProbability[c] = expected / cells.cellSizes[c];
    }
    start = end;
  }
  return Float64Array.from(cells.cell, (c) => cellProbability[c]);
}
