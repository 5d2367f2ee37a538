import { allocateTreated } from '../assignment/allocate-treated.js';
import { treatedSiteCount } from '../assignment/cluster.js';
import { assignComplete } from '../assignment/complete.js';
import { armSizes, type Design } from '../design.js';
import { drawBinomial } from '../distributions/binomial.js';
import { drawHypergeometric } from '../distributions/hypergeometric.js';
import type { Rng } from '../rng/rng.js';
import type { CellLayout } from './cell-layout.js';

/**
 * Draws how many people of each population cell the design's randomisation treats, with exactly
 * the law of the per-person assignment (`assign`) summed over each cell, and writes them to
 * `treated` (one entry per cell).
 *
 * Formula in words, by mechanism (T = treated count of the declared size, share = `assignmentShare`):
 * - simple: each person is treated with the share, so a cell of n has Binomial(n, share);
 * - complete: T of the whole cohort uniformly, so the cells' counts are multivariate
 *   hypergeometric (T draws from the cell sizes);
 * - stratified: T spread over strata and then over each stratum's blocks as `assignStratified`
 *   does (`allocateTreated`, random only among tied remainders), then complete within each block:
 *   multivariate hypergeometric over the block's cells;
 * - cluster: round(sites × share) whole sites by complete randomisation of sites.
 * Reference: randomizr (Coppock 2023) simple_ra, complete_ra, block_ra, cluster_ra; the
 * multivariate hypergeometric as the cell margins of a uniform subset (Johnson, Kotz &
 * Balakrishnan, Discrete Multivariate Distributions, 1997, ch. 39).
 *
 * @example complete, 45 treated of cells [73, 92] → e.g. [20, 25]: always summing to 45
 */
export function drawTreatedCounts(design: Design, layout: CellLayout, rng: Rng, treated: Float64Array): void {
  const sizes = armSizes(design.plan.size);
  const cells = layout.cellSize.length;
  switch (design.plan.randomisation) {
    case 'simple': {
      const share = assignmentShare(design);
      for (let c = 0; c < cells; c++) treated[c] = drawBinomial(rng, layout.cellSize[c], share);
      return;
    }
    case 'complete':
      spreadOverCells(layout.unitCells[0], layout.cellSize, sizes.treated, rng, treated);
      return;
    case 'stratified': {
      const strata = layout.strata!;
      const stratumTreated = allocateTreated(strata.stratumSizes, sizes.treated, rng);
      const unitSizes = Int32Array.from(layout.unitSize);
      for (let start = 0; start < layout.unitCount;) {
        const stratum = strata.unitStratum[start];
        let end = start;
        while (end < layout.unitCount && strata.unitStratum[end] === stratum) end++;
        const blockTreated = allocateTreated(unitSizes.subarray(start, end), stratumTreated[stratum], rng);
        for (let u = start; u < end; u++)
          spreadOverCells(layout.unitCells[u], layout.cellSize, blockTreated[u - start], rng, treated);
        start = end;
      }
      return;
    }
    case 'cluster': {
      const share = assignmentShare(design);
      const siteTreated = assignComplete(layout.siteCount, treatedSiteCount(layout.siteCount, share), rng);
      for (let c = 0; c < cells; c++) treated[c] = siteTreated[layout.cellSite[c]] === 1 ? layout.cellSize[c] : 0;
      return;
    }
  }
}

/**
 * The treated share the assignment uses (as `planAssignment`): a ratio size's stated share, else
 * treated / total.
 *
 * @example { kind: 'ratio', total: 101, treatedShare: 0.5 } → 0.5 (not 51/101)
 */
export function assignmentShare(design: Design): number {
  const size = design.plan.size;
  if (size.kind === 'ratio') return size.treatedShare;
  const { treated, total } = armSizes(size);
  return total > 0 ? treated / total : 0;
}

/** `draws` people taken uniformly from the listed cells: their multivariate hypergeometric counts. */
function spreadOverCells(
  cells: Int32Array,
  cellSize: Float64Array,
  draws: number,
  rng: Rng,
  treated: Float64Array,
): void {
  let population = 0;
  for (let j = 0; j < cells.length; j++) population += cellSize[cells[j]];
  let left = draws;
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j];
    population -= cellSize[c];
    const here =
      j === cells.length - 1 ? left : left === 0 ? 0 : drawHypergeometric(rng, cellSize[c], population, left);
    treated[c] = here;
    left -= here;
  }
}
