import { armSizes, type Design } from '../design.js';
import { treatedShare } from '../assignment/treated-share.js';
import type { ArmClusterLayout } from './planned-cluster-robust-df.js';
import { plannedClusterRobustDegreesOfFreedom } from './planned-cluster-robust-df.js';
import type { TreatedClusters } from './too-few-clusters.js';

/** A design's clusters as the cluster-robust analysis will see them, known before any trial. */
export interface PlannedClusters extends TreatedClusters {
  readonly treated: ArmClusterLayout;
  readonly control: ArmClusterLayout;
}

/**
 * The clusters a design gives the cluster-robust analysis, planned from the design alone (no
 * attrition, everyone analysed), with the CR2 degrees of freedom they imply: under cluster
 * randomisation the randomised sites (round(sites × treated share) treated, people spread over
 * sites as the cohort spreads them); otherwise each treated person's caseworker — per site,
 * ⌈treated at the site / caseload⌉ caseworkers whose caseloads differ by at most one, as
 * `assignCaseloads` deals them — and every control a cluster of their own. Without caseworkers
 * every person is their own cluster. Returns null when the design has neither caseworkers nor
 * cluster randomisation (nothing to cluster on).
 *
 * Formula in words: N people over S sites round-robin, site s holding ⌊N/S⌋ or ⌈N/S⌉; a site's
 * treated people its share of N1 (rounded); G_s = ⌈n1_s / caseload⌉ caseloads of ⌊n1_s/G_s⌋ or
 * ⌈n1_s/G_s⌉; ν from `plannedClusterRobustDegreesOfFreedom`.
 * Reference: `docs/clustered-analysis.md` (when it cannot be trusted).
 *
 * @example MK (45 treated, 120 controls, caseload 22, one site) → 3 caseworkers of 15, ν 3.77;
 *   264 + 264 at caseload 22 → 12 caseworkers, ν 42.2
 */
export function planClusters(design: Design): PlannedClusters | null {
  const { plan } = design;
  const { treated, control, total } = armSizes(plan.size);
  const siteCount = plan.sites === null ? 1 : Math.max(1, plan.sites.count);
  const siteSize = (s: number): number => Math.floor(total / siteCount) + (s < total % siteCount ? 1 : 0);
  if (plan.randomisation === 'cluster') {
    const treatedSites = Math.round(siteCount * treatedShare(plan.size));
    const sizes = Array.from({ length: siteCount }, (_, s) => siteSize(s));
    const treatedLayout = { singletons: 0, clusterSizes: sizes.slice(0, treatedSites) };
    const controlLayout = { singletons: 0, clusterSizes: sizes.slice(treatedSites) };
    return {
      treated: treatedLayout,
      control: controlLayout,
      plannedDegreesOfFreedom: plannedClusterRobustDegreesOfFreedom(treatedLayout, controlLayout),
      count: treatedSites,
      unit: 'site',
      caseload: total / siteCount,
    };
  }
  const caseworkers = plan.caseworkers;
  if (caseworkers === null) return null;
  const caseload = Math.max(1, caseworkers.caseload);
  const clusterSizes: number[] = [];
  for (let s = 0; s < siteCount; s++) {
    const treatedHere = Math.round((treated * siteSize(s)) / Math.max(1, total));
    const count = Math.ceil(treatedHere / caseload);
    for (let g = 0; g < count; g++)
      clusterSizes.push(Math.floor(treatedHere / count) + (g < treatedHere % count ? 1 : 0));
  }
  const treatedLayout = { singletons: 0, clusterSizes };
  const controlLayout = { singletons: control, clusterSizes: [] };
  return {
    treated: treatedLayout,
    control: controlLayout,
    plannedDegreesOfFreedom: plannedClusterRobustDegreesOfFreedom(treatedLayout, controlLayout),
    count: clusterSizes.length,
    unit: 'caseworker',
    caseload,
  };
}
