import { formStrata } from '../assignment/strata.js';
import type { Design } from '../design.js';
import type { Cohort } from '../model/cohort.js';
import type { ModelConstants } from '../model/model-constants.js';

/**
 * The cohort of a design cut into population cells: the people of one group at one site in one
 * randomisation unit. A unit is what the design randomises as a whole or within: a block of a
 * stratum (stratified), a site (cluster), or the whole cohort (simple, complete). Within a cell
 * people are exchangeable before assignment, so only cell sizes matter.
 */
export interface CellLayout {
  readonly groupCount: number;
  readonly siteCount: number;
  readonly unitCount: number;
  /** Per cell, in the order of the cell's first person: group index, site index, unit index, size. */
  readonly cellGroup: Int32Array;
  readonly cellSite: Int32Array;
  readonly cellUnit: Int32Array;
  readonly cellSize: Float64Array;
  /** People per unit. */
  readonly unitSize: Float64Array;
  /** Per unit, its cells (ascending). */
  readonly unitCells: readonly Int32Array[];
  /** Stratified designs: people per stratum and the stratum of each unit (block); else null. */
  readonly strata: { readonly stratumSizes: Int32Array; readonly unitStratum: Int32Array } | null;
}

/**
 * Lays out a design's cohort in population cells, exactly as `drawCohort` places people (groups by
 * their shares in index order, sites round-robin) and as the assignment forms strata and blocks
 * (`formStrata`), so that the aggregated engine randomises the same units the per-person one does.
 *
 * Formula in words: person i has group g(i) (largest-remainder shares, in order), site i mod S,
 * and unit = its strata block (stratified), its site (cluster) or 0; a cell is a distinct
 * (unit, group, site), numbered by its first person.
 * Reference: DeclareDesign / randomizr block and cluster definitions (Coppock 2023).
 *
 * @example REF (2000 people, one group, complete) → one cell of 2000 people in one unit;
 *   MK stratified by group (73 + 92) → two cells, two units
 */
export function layOutCells(design: Design, constants: ModelConstants): CellLayout {
  const size = constants.total;
  const siteCount = constants.siteCount;
  const group = new Uint16Array(size);
  const site = new Uint16Array(size);
  for (let g = 0, i = 0; g < constants.groupCounts.length; g++) {
    for (let j = 0; j < constants.groupCounts[g]; j++, i++) {
      group[i] = g;
      site[i] = i % siteCount;
    }
  }
  const randomisation = design.plan.randomisation;
  let unitOf: (i: number) => number = () => 0;
  let unitCount = 1;
  let strata: CellLayout['strata'] = null;
  if (randomisation === 'stratified') {
    const skeleton: Cohort = {
      size,
      group,
      site,
      propensity: new Float64Array(0),
      outcomeNoise: [],
      siteMultiplier: new Float64Array(siteCount),
      priorCounts: null,
    };
    const cells = formStrata(design, skeleton);
    unitOf = (i) => cells.cell[i];
    unitCount = cells.cellSizes.length;
    strata = { stratumSizes: cells.stratumSizes, unitStratum: cells.cellStratum };
  } else if (randomisation === 'cluster') {
    unitOf = (i) => site[i];
    unitCount = siteCount;
  }
  const groupCount = design.groups.length;
  const cellOfKey = new Map<number, number>();
  const cellGroup: number[] = [];
  const cellSite: number[] = [];
  const cellUnit: number[] = [];
  const cellSize: number[] = [];
  for (let i = 0; i < size; i++) {
    const unit = unitOf(i);
    const key = (unit * groupCount + group[i]) * siteCount + site[i];
    let cell = cellOfKey.get(key);
    if (cell === undefined) {
      cell = cellGroup.length;
      cellOfKey.set(key, cell);
      cellGroup.push(group[i]);
      cellSite.push(site[i]);
      cellUnit.push(unit);
      cellSize.push(0);
    }
    cellSize[cell] += 1;
  }
  const unitSize = new Float64Array(unitCount);
  const unitCellLists: number[][] = Array.from({ length: unitCount }, () => []);
  cellUnit.forEach((unit, cell) => {
    unitSize[unit] += cellSize[cell];
    unitCellLists[unit].push(cell);
  });
  return {
    groupCount,
    siteCount,
    unitCount,
    cellGroup: Int32Array.from(cellGroup),
    cellSite: Int32Array.from(cellSite),
    cellUnit: Int32Array.from(cellUnit),
    cellSize: Float64Array.from(cellSize),
    unitSize,
    unitCells: unitCellLists.map((list) => Int32Array.from(list)),
    strata,
  };
}
