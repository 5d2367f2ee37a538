import type { Rng } from '../rng/rng.js';
import { assignComplete } from './complete.js';

/**
 * Cluster randomisation: whole sites are randomised, exactly `treatedSites` of `siteCount`
 * (complete randomisation of sites), and everyone takes their site's arm.
 *
 * Formula in words: pick the treated sites as `assignComplete(siteCount, treatedSites)`; person
 * i is treated when their site is.
 * Reference: randomizr's cluster_ra; Donner & Klar, Design and Analysis of Cluster Randomization
 * Trials (2000).
 *
 * @example sites [0, 1, 2, 0, 1, 2], 3 sites, 1 treated → e.g. site 1: [0, 1, 0, 0, 1, 0]
 */
export function assignCluster(site: Uint16Array, siteCount: number, treatedSites: number, rng: Rng): Uint8Array {
  const siteTreated = assignComplete(siteCount, treatedSites, rng);
  const assignment = new Uint8Array(site.length);
  for (let i = 0; i < site.length; i++) assignment[i] = siteTreated[site[i]];
  return assignment;
}

/**
 * The exact assignment probabilities of `assignCluster`: treatedSites / siteCount for everyone.
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
