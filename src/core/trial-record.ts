import type { AnalysisResult } from './analysis/analysis-result.js';
import type { StepResult } from './analysis/exposure-time-effects.js';
import type { InterimRecord } from './analysis/group-sequential/monitor-looks.js';

/**
 * What one simulated trial leaves behind: for each outcome (in `design.outcomes` order) the
 * analysis result and the log estimand it is judged against — the scenario's intention-to-treat
 * estimand, or, where the effect is drawn per trial (assurance), the estimand of that draw.
 */
export interface TrialRecord {
  readonly results: readonly AnalysisResult[];
  readonly logEstimands: readonly number[];
  /** A group-sequential design only: how the trial ended at its interim looks. */
  readonly interim?: InterimRecord;
  /**
   * A stepped-wedge rollout only: per outcome, the effect at each exposure time (periods since
   * crossover), from `estimateExposureTimeEffects`.
   */
  readonly steps?: readonly (readonly StepResult[])[];
}
