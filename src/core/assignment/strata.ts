import type { Design } from '../design.js';
import type { Cohort } from '../model/cohort.js';

/**
 * The cells that stratified randomisation balances: strata formed by the design's stratifying
 * attributes ('group', 'site'), each cut into consecutive blocks of `blockSize` of its members
 * in cohort order (one block per stratum when blockSize is 0).
 */
export interface StrataCells {
  /** Cell of each person. */
  readonly cell: Int32Array;
  readonly cellSizes: Int32Array;
  /** Stratum of each cell. */
  readonly cellStratum: Int32Array;
  readonly stratumSizes: Int32Array;
}

/**
 * Forms the strata and blocks of a cohort.
 *
 * Formula in words: stratum = the combination of the person's stratifying attributes (only
 * combinations that occur are numbered); block = ⌊position within the stratum / blockSize⌋.
 * Reference: permuted-block randomisation within strata (Rosenberger & Lachin, Randomization in
 * Clinical Trials, 2nd ed., 2016, §3.5 and §7).
 *
 * @example strata [group], groups [0, 0, 0, 1, 1], blockSize 2 → cells [0, 0, 1, 2, 2],
 *   cellSizes [2, 1, 2], cellStratum [0, 0, 1], stratumSizes [3, 2]
 */
export function formStrata(design: Design, cohort: Cohort): StrataCells {
  const { strata, blockSize } = design.plan;
  const byGroup = strata.includes('group');
  const bySite = strata.includes('site');
  const siteCount = cohort.siteMultiplier.length;
  const keyToStratum = new Map<number, number>();
  const stratumOf = new Int32Array(cohort.size);
  for (let i = 0; i < cohort.size; i++) {
    const key = (byGroup ? cohort.group[i] : 0) * siteCount + (bySite ? cohort.site[i] : 0);
    let stratum = keyToStratum.get(key);
    if (stratum === undefined) {
      stratum = keyToStratum.size;
      keyToStratum.set(key, stratum);
    }
    stratumOf[i] = stratum;
  }
  const strataCount = keyToStratum.size;
  const stratumSizes = new Int32Array(strataCount);
  for (let i = 0; i < cohort.size; i++) stratumSizes[stratumOf[i]]++;
  const firstCell = new Int32Array(strataCount);
  const cellStratumList: number[] = [];
  for (let s = 0; s < strataCount; s++) {
    firstCell[s] = cellStratumList.length;
    const blocks = blockSize > 0 ? Math.ceil(stratumSizes[s] / blockSize) : 1;
    for (let b = 0; b < blocks; b++) cellStratumList.push(s);
  }
  const cellSizes = new Int32Array(cellStratumList.length);
  const position = new Int32Array(strataCount);
  const cell = new Int32Array(cohort.size);
  for (let i = 0; i < cohort.size; i++) {
    const s = stratumOf[i];
    cell[i] = firstCell[s] + (blockSize > 0 ? Math.floor(position[s] / blockSize) : 0);
    position[s]++;
    cellSizes[cell[i]]++;
  }
  return { cell, cellSizes, cellStratum: Int32Array.from(cellStratumList), stratumSizes };
}
