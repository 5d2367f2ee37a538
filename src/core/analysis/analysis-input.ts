import type { Rerandomiser } from '../assignment/rerandomise.js';
import type { ClusterPeriods } from './cluster-periods.js';
import type { ArmSummaries, OutcomeData } from './outcome-data.js';

/** Values by randomisation cluster: one entry per person (person form) or per cluster mean (cell form). */
export interface ClusterValues {
  readonly values: Float64Array;
  /** 1 treated, 0 control, aligned with `values`. */
  readonly treated: Uint8Array;
  /** The cluster (site) of each entry. */
  readonly cluster: Int32Array;
}

/**
 * What every analysis of one outcome in one trial reads, whichever form simulated it: both arms'
 * sufficient statistics, and — only where the analysis needs them (`analysisNeeds`) — the analysed
 * people, the values by cluster, and the re-randomiser of a permutation test. The person form has
 * people at hand; the cell form lists people only for analyses that rank continuous values, gives
 * one mean per cluster, and redraws assignments from counts-of-counts.
 */
export interface AnalysisInput {
  readonly summaries: ArmSummaries;
  /** The analysed people (ranks of continuous values, the prior-count covariate), or null. */
  readonly people: OutcomeData | null;
  /** The values by randomisation cluster (cluster-level analyses), or null when not cluster randomised. */
  readonly clusters: ClusterValues | null;
  /** Redraws of the assignment by the design's scheme (permutation tests), or null. */
  readonly rerandomiser: Rerandomiser | null;
  /**
   * A rollout's outcome by cluster-period, with the redraw of crossover times (the stepped-wedge
   * analyses); absent or null for other designs.
   */
  readonly clusterPeriods?: ClusterPeriods | null;
}
