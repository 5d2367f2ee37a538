import type { CellLayout } from './cell-layout.js';

/** How one trial's treated people are dealt to caseworkers, cell by cell (see `dealCaseloads`). */
export interface CellCaseloads {
  /** Caseworkers in all. */
  readonly caseworkers: number;
  /** Per site: its caseworkers, and the index of its first one. */
  readonly count: Int32Array;
  readonly firstOfSite: Int32Array;
  /** Per cell: the place of its first treated person in its site's treated order. */
  readonly offset: Float64Array;
}

/**
 * Deals each cell's treated people to caseworkers exactly as `assignCaseloads` deals persons: per
 * site, ⌈treated at the site / caseload⌉ caseworkers, the site's treated people in index order
 * dealt round-robin. Cells are numbered in index order and each is a run of consecutive people at
 * its site (groups, blocks and sites are laid out that way), so a cell's treated people hold the
 * consecutive places [offset, offset + treated) in its site's treated order, whichever of the
 * cell's people they are; place t goes to the site's caseworker t mod C.
 * Reference: as `assignCaseloads` (src/core/model/caseloads.ts).
 *
 * @example one site, caseload 2, cells treated [1, 3] → 2 caseworkers, offsets [0, 1]: cell 0's
 *   person to caseworker 0, cell 1's places 1, 2, 3 to caseworkers 1, 0, 1
 */
export function dealCaseloads(layout: CellLayout, treated: Float64Array, caseload: number): CellCaseloads {
  const treatedAtSite = new Float64Array(layout.siteCount);
  const offset = new Float64Array(layout.cellSize.length);
  for (let c = 0; c < layout.cellSize.length; c++) {
    offset[c] = treatedAtSite[layout.cellSite[c]];
    treatedAtSite[layout.cellSite[c]] += treated[c];
  }
  const count = new Int32Array(layout.siteCount);
  const firstOfSite = new Int32Array(layout.siteCount);
  let caseworkers = 0;
  for (let s = 0; s < layout.siteCount; s++) {
    firstOfSite[s] = caseworkers;
    count[s] = Math.ceil(treatedAtSite[s] / Math.max(1, caseload));
    caseworkers += count[s];
  }
  return { caseworkers, count, firstOfSite, offset };
}

/**
 * Calls `visit(caseworker, people)` for each caseworker holding some of cell c's `treated` people.
 *
 * Formula in words: the places first + j + m·C (m = 0, 1, …) below first + treated all go to
 * caseworker (first + j) mod C, which is ⌊(treated − 1 − j)/C⌋ + 1 people, for j < min(C, treated).
 *
 * @example C = 2, first = 1, treated = 3 → visit(1, 2), visit(0, 1)
 */
export function forEachCaseworker(
  caseloads: CellCaseloads,
  layout: CellLayout,
  c: number,
  treated: number,
  visit: (caseworker: number, people: number) => void,
): void {
  const site = layout.cellSite[c];
  const caseworkers = caseloads.count[site];
  const first = caseloads.offset[c];
  for (let j = 0; j < caseworkers && j < treated; j++) {
    visit(caseloads.firstOfSite[site] + ((first + j) % caseworkers), Math.floor((treated - 1 - j) / caseworkers) + 1);
  }
}
