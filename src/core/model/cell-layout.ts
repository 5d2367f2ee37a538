import type { AssignmentPlan } from '../assignment/assignment-plan.js';
import type { ModelConstants } from './model-constants.js';

/**
 * The cohort of a design cut into population cells (the cell form of the cohort): the people of
 * one group at one site in one randomisation unit. A unit is what the design randomises as a
 * whole or within: a block (stratified), a site (cluster), or the whole cohort (simple,
 * complete). Within a cell people are exchangeable before assignment, so only cell sizes matter.
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
  /** Per unit, its cells (ascending) and their sizes in that order. */
  readonly unitCells: readonly Int32Array[];
  readonly unitCellSizes: readonly Float64Array[];
  /** Scratch, per unit: the treated count of each of its cells while one trial's assignment is drawn. */
  readonly unitTreated: readonly Float64Array[];
}

/**
 * Lays out a design's cohort in population cells, exactly as `drawCohort` places people (the
 * shared group and site of each person: groups by their shares in index order, sites
 * round-robin) and as the assignment plan forms its units (blocks, sites), so that the cell form
 * randomises the same units the person form does.
 *
 * Formula in words: person i has group g(i), site s(i), and unit = their block (stratified),
 * their site (cluster) or 0; a cell is a distinct (unit, group, site), numbered by its first person.
 * Reference: DeclareDesign / randomizr block and cluster definitions (Coppock 2023).
 *
 * @example REF (2000 people, one group, complete) → one cell of 2000 people in one unit;
 *   MK stratified by group (73 + 92) → two cells, two units
 */
export function layOutCells(model: ModelConstants, assignment: AssignmentPlan): CellLayout {
  const { group, site } = model.shared;
  const size = model.total;
  const siteCount = model.siteCount;
  const groupCount = model.groupCounts.length;
  let unitOf: (i: number) => number = () => 0;
  let unitCount = 1;
  if (assignment.kind === 'stratified') {
    const { blockOf } = assignment.blocks;
    unitOf = (i) => blockOf[i];
    unitCount = assignment.blocks.blockSizes.length;
  } else if (assignment.kind === 'cluster') {
    unitOf = (i) => site[i];
    unitCount = siteCount;
  }
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
    unitCellSizes: unitCellLists.map((list) => Float64Array.from(list, (cell) => cellSize[cell])),
    unitTreated: unitCellLists.map((list) => new Float64Array(list.length)),
  };
}
