import type { AnalysisResult } from './analysis/analysis-result.js';

/**
 * What one simulated trial leaves behind: for each outcome (in `design.outcomes` order) the
 * analysis result and the true log ratio it is judged against. The truth is the scenario's
 * intention-to-treat estimand, or, where the effect is drawn per trial (assurance), the estimand
 * of that draw.
 */
export interface TrialRecord {
  readonly results: readonly AnalysisResult[];
  readonly logTruth: readonly number[];
}
