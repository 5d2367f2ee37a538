/**
 * What one analysis says about one outcome in one simulated trial. Estimates and interval bounds
 * are on the log-ratio scale (log rate ratio, log risk ratio, log harm ratio), treated over
 * control.
 */
export interface AnalysisResult {
  /** True when the statistic could not be computed in this trial (e.g. zero events in an arm). */
  readonly failed: boolean;
  /** Why it failed, in a few words ('' when it did not). */
  readonly failure: string;
  readonly logEstimate: number;
  /** Standard error of `logEstimate` (NaN where the analysis has none). */
  readonly standardError: number;
  /** Confidence interval for the log ratio at level 1 − alpha. */
  readonly lower: number;
  readonly upper: number;
  /** Two-sided (or one-sided, per the analysis plan) p-value. */
  readonly pValue: number;
  /**
   * Negative binomial only: the fitted dispersion k (Var = μ + kμ²) at the estimate; 0 when the
   * counts were not overdispersed and the fit is at its Poisson limit.
   */
  readonly dispersion?: number;
}

/** The result recorded when an analysis cannot be computed. */
export function failedResult(failure: string): AnalysisResult {
  return { failed: true, failure, logEstimate: NaN, standardError: NaN, lower: NaN, upper: NaN, pValue: NaN };
}
