import type { DesignPlan } from '../design.js';

/**
 * What stratified randomisation balances: strata formed by the design's stratifying attributes
 * ('group', 'site'), each cut into consecutive blocks of `blockSize` of its members in cohort
 * order (one block per stratum when blockSize is 0). Blocks are numbered stratum by stratum.
 */
export interface Blocks {
  /** Block of each person. */
  readonly blockOf: Int32Array;
  readonly blockSizes: Int32Array;
  /** Stratum of each block. */
  readonly blockStratum: Int32Array;
  readonly stratumSizes: Int32Array;
}

/**
 * Forms the strata and blocks of a cohort laid out as `group` and `site` say (the same in every
 * trial of a design: groups in index order, sites round-robin).
 *
 * Formula in words: stratum = the combination of the person's stratifying attributes (only
 * combinations that occur are numbered); block = ⌊position within the stratum / blockSize⌋.
 * Reference: permuted-block randomisation within strata (Rosenberger & Lachin, Randomization in
 * Clinical Trials, 2nd ed., 2016, §3.5 and §7).
 *
 * @example strata [group], groups [0, 0, 0, 1, 1], blockSize 2 → blockOf [0, 0, 1, 2, 2],
 *   blockSizes [2, 1, 2], blockStratum [0, 0, 1], stratumSizes [3, 2]
 */
export function formBlocks(plan: DesignPlan, group: Uint16Array, site: Uint16Array, siteCount: number): Blocks {
  const { strata, blockSize } = plan;
  const size = group.length;
  const byGroup = strata.includes('group');
  const bySite = strata.includes('site');
  const keyToStratum = new Map<number, number>();
  const stratumOf = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const key = (byGroup ? group[i] : 0) * siteCount + (bySite ? site[i] : 0);
    let stratum = keyToStratum.get(key);
    if (stratum === undefined) {
      stratum = keyToStratum.size;
      keyToStratum.set(key, stratum);
    }
    stratumOf[i] = stratum;
  }
  const strataCount = keyToStratum.size;
  const stratumSizes = new Int32Array(strataCount);
  for (let i = 0; i < size; i++) stratumSizes[stratumOf[i]]++;
  const firstBlock = new Int32Array(strataCount);
  const blockStratumList: number[] = [];
  for (let s = 0; s < strataCount; s++) {
    firstBlock[s] = blockStratumList.length;
    const blocks = blockSize > 0 ? Math.ceil(stratumSizes[s] / blockSize) : 1;
    for (let b = 0; b < blocks; b++) blockStratumList.push(s);
  }
  const blockSizes = new Int32Array(blockStratumList.length);
  const position = new Int32Array(strataCount);
  const blockOf = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const s = stratumOf[i];
    blockOf[i] = firstBlock[s] + (blockSize > 0 ? Math.floor(position[s] / blockSize) : 0);
    position[s]++;
    blockSizes[blockOf[i]]++;
  }
  return { blockOf, blockSizes, blockStratum: Int32Array.from(blockStratumList), stratumSizes };
}
