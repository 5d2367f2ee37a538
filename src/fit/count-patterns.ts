import type { Extract } from '../scenario/extract.js';

/**
 * People who share a group, their event totals over both windows (per block of outcomes) and
 * their years at risk have the same likelihood, so the fits work on distinct patterns with a
 * weight (how many people share each). Without exposure columns the extract's thousands of people
 * collapse to a few hundred patterns.
 */
export interface CountPatterns {
  /** Number of blocks: block 0 adds up every outcome not in `ownBlocks`; block 1 + j is ownBlocks[j]. */
  readonly blocks: number;
  readonly count: number;
  readonly group: Uint16Array;
  /** Years at risk over both windows. */
  readonly years: Float64Array;
  /** People sharing the pattern. */
  readonly weight: Float64Array;
  /** Events per block, pattern-major: totals[p·blocks + b]. */
  readonly totals: Float64Array;
}

/**
 * Collapses an extract into patterns of (group, years at risk, event totals per block), where
 * block 0 is the sum over every outcome not listed in `ownOutcomes` and each listed outcome is a
 * block of its own (an outcome with its own dispersion must be kept apart).
 *
 * @example two people of one group, both 1 year at risk, with totals 2 and 2 of a single outcome →
 *   one pattern of weight 2
 */
export function collectCountPatterns(extract: Extract, ownOutcomes: readonly number[] = []): CountPatterns {
  const blocks = 1 + ownOutcomes.length;
  const blockOf = new Int32Array(extract.outcomes.length);
  ownOutcomes.forEach((k, j) => (blockOf[k] = 1 + j));
  const index = new Map<string, number>();
  const group: number[] = [];
  const years: number[] = [];
  const weight: number[] = [];
  const totals: number[] = [];
  const personTotals = new Float64Array(blocks);
  const outcomeCount = extract.outcomes.length;
  for (let i = 0; i < extract.people; i++) {
    personTotals.fill(0);
    for (let k = 0; k < outcomeCount; k++) {
      const prior = extract.priorCounts === null ? 0 : extract.priorCounts[k][i];
      personTotals[blockOf[k]] += prior + extract.followUpCounts[k][i];
    }
    const personYears = extract.followUpYears[i] + (extract.priorYears === null ? 0 : extract.priorYears[i]);
    let key = `${extract.group[i]}|${personYears}`;
    for (let b = 0; b < blocks; b++) key += `,${personTotals[b]}`;
    const found = index.get(key);
    if (found !== undefined) {
      weight[found] += 1;
      continue;
    }
    index.set(key, group.length);
    group.push(extract.group[i]);
    years.push(personYears);
    weight.push(1);
    for (let b = 0; b < blocks; b++) totals.push(personTotals[b]);
  }
  return {
    blocks,
    count: group.length,
    group: Uint16Array.from(group),
    years: Float64Array.from(years),
    weight: Float64Array.from(weight),
    totals: Float64Array.from(totals),
  };
}
