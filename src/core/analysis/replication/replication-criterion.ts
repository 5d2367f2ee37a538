/**
 * What every replication success criterion shares: the names, the settings, and the prepared
 * judge a simulated trial calls with its own estimate and estimated standard error.
 * See docs/replication-design.md.
 */

/** The success criteria a replication can be judged by. */
export type ReplicationCriterion =
  'significance' | 'two-trials' | 'sceptical' | 'meta-analysis' | 'prediction-interval' | 'small-telescopes';

/** Every criterion, in the order the docs present them. */
export const REPLICATION_CRITERIA: readonly ReplicationCriterion[] = [
  'significance',
  'two-trials',
  'sceptical',
  'meta-analysis',
  'prediction-interval',
  'small-telescopes',
];

/** How the sceptical p-value is recalibrated (Micheloud, Balabdaoui & Held 2023). */
export type ScepticalRecalibration = 'nominal' | 'golden' | 'controlled';

/** The settings of the criteria; `level` and `heterogeneity` are the replication block's. */
export interface ReplicationSettings {
  /** One-sided level in the original's direction (significance, two-trials, sceptical, meta-analysis). */
  readonly level: number;
  /** Recalibration of the sceptical p-value. */
  readonly recalibration: ScepticalRecalibration;
  /** τ, between-study standard deviation on the log-ratio scale (meta-analysis, prediction interval). */
  readonly heterogeneity: number;
  /** Coverage of the prediction interval (Patil, Peng & Leek: 0.95). */
  readonly predictionCoverage: number;
  /** Power the original had to detect d33 (Simonsohn: 1/3). */
  readonly telescopePower: number;
  /** Two-sided level of the original's test that defines d33 (Simonsohn: 0.05). */
  readonly telescopeAlpha: number;
  /** One-sided level at which the replication rules d33 out (Simonsohn: 0.05, a 90% interval). */
  readonly telescopeLevel: number;
}

/** The defaults: the conventions of the papers each criterion comes from. */
export const DEFAULT_REPLICATION_SETTINGS: ReplicationSettings = {
  level: 0.025,
  recalibration: 'golden',
  heterogeneity: 0,
  predictionCoverage: 0.95,
  telescopePower: 1 / 3,
  telescopeAlpha: 0.05,
  telescopeLevel: 0.05,
};

/**
 * One criterion prepared for one original: what only depends on the original and the settings
 * (its direction, critical values, d33) is computed once, so judging a trial allocates nothing.
 * A replication standard error that is not finite and > 0 (a failed analysis) gives a NaN
 * statistic and no success; the caller records such trials as failures.
 */
export interface ReplicationJudge {
  readonly criterion: ReplicationCriterion;
  /**
   * The criterion's statistic for a replication estimate θ_r (log ratio) with estimated standard
   * error σ_r: a p-value, described with each criterion.
   */
  statistic(replicationLogEstimate: number, replicationStandardError: number): number;
  /** Whether the replication succeeds under this criterion. */
  succeeds(replicationLogEstimate: number, replicationStandardError: number): boolean;
}

/**
 * The original's direction: +1 for an increase (θ_o > 0), −1 for a reduction. An estimate of
 * exactly 0 (ratio 1) counts as a reduction, the direction trialsim's one-sided tests take.
 *
 * @example originalDirection(-0.5) // −1
 */
export function originalDirection(originalLogEstimate: number): 1 | -1 {
  return originalLogEstimate > 0 ? 1 : -1;
}

/** Whether a replication standard error can be used: finite and > 0. */
export function usableStandardError(standardError: number): boolean {
  return standardError > 0 && standardError < Infinity;
}
