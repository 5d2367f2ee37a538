import type { CellLayout } from '../model/cell-layout.js';
import type { Rng } from '../rng/rng.js';
import { selectSequentially } from './complete.js';

/**
 * Cluster randomisation, the rule both forms share: exactly `treatedSites` of `siteCount` whole
 * sites are treated, every such set equally likely (complete randomisation of sites); 1 = treated.
 * Reference: randomizr's cluster_ra; Donner & Klar, Design and Analysis of Cluster Randomization
 * Trials (2000).
 *
 * @example drawTreatedSites(10, 5, rng) → e.g. [1, 0, 0, 1, 1, 0, 1, 0, 0, 1]
 */
export function drawTreatedSites(siteCount: number, treatedSites: number, rng: Rng): Uint8Array {
  return selectSequentially(siteCount, treatedSites, rng);
}

/**
 * Cluster randomisation, person form: everyone takes their site's arm.
 *
 * @example sites [0, 1, 2, 0, 1, 2], 3 sites, 1 treated → e.g. site 1: [0, 1, 0, 0, 1, 0]
 */
export function assignCluster(site: Uint16Array, siteCount: number, treatedSites: number, rng: Rng): Uint8Array {
  const siteTreated = drawTreatedSites(siteCount, treatedSites, rng);
  const assignment = new Uint8Array(site.length);
  for (let i = 0; i < site.length; i++) assignment[i] = siteTreated[site[i]];
  return assignment;
}

/**
 * Cluster randomisation, cell form: a cell of a treated site is treated whole, any other not at
 * all. Writes each cell's treated count to `treated`.
 *
 * @example cells of sizes [30, 30] at sites [0, 1], site 1 treated → treated [0, 30]
 */
export function drawClusterCounts(layout: CellLayout, treatedSites: number, rng: Rng, treated: Float64Array): void {
  const siteTreated = drawTreatedSites(layout.siteCount, treatedSites, rng);
  for (let c = 0; c < layout.cellSize.length; c++)
    treated[c] = siteTreated[layout.cellSite[c]] === 1 ? layout.cellSize[c] : 0;
}

/**
 * The exact assignment probabilities of cluster randomisation: treatedSites / siteCount for everyone.
 *
 * @example 10 sites, 5 treated → 0.5 for every person
 */
export function clusterAssignmentProbabilities(size: number, siteCount: number, treatedSites: number): Float64Array {
  return new Float64Array(size).fill(treatedSites / siteCount);
}

/**
 * How many sites cluster randomisation treats: round(sites × treated share), kept within
 * 1 … sites − 1 so both arms exist.
 *
 * @example 10 sites, share 0.5 → 5; 3 sites, share 0.27 → 1
 */
export function treatedSiteCount(siteCount: number, treatedShare: number): number {
  if (siteCount < 2) throw new RangeError('cluster randomisation needs at least 2 sites');
  return Math.min(siteCount - 1, Math.max(1, Math.round(siteCount * treatedShare)));
}
