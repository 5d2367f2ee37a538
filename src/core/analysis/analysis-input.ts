import type { Rerandomiser } from '../assignment/rerandomise.js';
import type { ClusteredArms } from './clustered-arms.js';
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
 * What the cluster-robust analysis reads: each arm's clustered sufficient statistics (each treated
 * person's caseworker, every control a cluster of their own; under cluster randomisation the
 * randomised sites), and the working model's dispersion α of φ(μ) = μ + αμ², which sets only its
 * degrees of freedom: 0 for counts (Poisson working model) and harm (quasi-Poisson), −1 for
 * binaries (binomial with log link).
 */
export interface ClusteredInput {
  /** null when some cluster has people in both arms (the closed forms need clusters within arms). */
  readonly arms: ClusteredArms | null;
  readonly workingDispersion: number;
}

/**
 * What every analysis of one outcome in one trial reads, whichever form simulated it: both arms'
 * sufficient statistics, and — only where the analysis needs them (`analysisNeeds`) — the analysed
 * people, the values by cluster, the re-randomiser of a permutation test, and the arms by
 * caseworker for the cluster-robust analysis (person form only: `chooseEngine` sends designs that
 * use it to the person form). The person form has
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
  /** The arms by caseworker (or randomised site) for the cluster-robust analysis, or null when not needed. */
  readonly caseworkerClusters: ClusteredInput | null;
  /**
   * A rollout's outcome by cluster-period, with the redraw of crossover times (the stepped-wedge
   * analyses); absent or null for other designs.
   */
  readonly clusterPeriods?: ClusterPeriods | null;
}
