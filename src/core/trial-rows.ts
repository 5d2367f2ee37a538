import type { TrialRecord } from './trial-record.js';

/**
 * The simulated trials themselves, one row per trial, run and outcome, for users who analyse them
 * on their own (`run --trials-out`, docs/command-line.md). Kept as parallel arrays (columns) so a
 * chunk's rows cross from a worker thread in one structured clone; every entry is a pure function
 * of (design, seed, trial index), so the rows of a run are the same for any thread count or shard
 * split once put in trial order.
 *
 * Estimates, standard errors and interval bounds are on the log-ratio scale (treated over control),
 * as in `AnalysisResult`; `logEstimand` is the truth the trial is judged against (the scenario's,
 * or the one drawn for this trial under assurance or a replication prior); `significant` is the
 * unadjusted test, p < α, that per-outcome power counts.
 */
export interface TrialRows {
  readonly trial: number[];
  /** 0: the run with the scenario's effects; 1: the paired null run (every effect none). */
  readonly nullRun: number[];
  /** Index into `design.outcomes`. */
  readonly outcome: number[];
  readonly logEstimand: number[];
  readonly logEstimate: number[];
  readonly standardError: number[];
  readonly lower: number[];
  readonly upper: number[];
  readonly pValue: number[];
  /** 1 when p < α and the analysis did not fail, else 0. */
  readonly significant: number[];
  /** 1 when the analysis could not be computed in this trial, else 0. */
  readonly failed: number[];
  /** Why it failed ('' when it did not). */
  readonly failure: string[];
}

/** Rows with no trial yet. */
export function emptyTrialRows(): TrialRows {
  return {
    trial: [],
    nullRun: [],
    outcome: [],
    logEstimand: [],
    logEstimate: [],
    standardError: [],
    lower: [],
    upper: [],
    pValue: [],
    significant: [],
    failed: [],
    failure: [],
  };
}

/**
 * Appends one trial's record (every outcome, in design order) to `rows`.
 *
 * Example: appendTrialRows(rows, 7, false, record, 0.05) adds one row per outcome with trial 7.
 */
export function appendTrialRows(
  rows: TrialRows,
  trialIndex: number,
  nullRun: boolean,
  record: TrialRecord,
  alpha: number,
): void {
  record.results.forEach((result, k) => {
    rows.trial.push(trialIndex);
    rows.nullRun.push(nullRun ? 1 : 0);
    rows.outcome.push(k);
    rows.logEstimand.push(record.logEstimands[k]);
    rows.logEstimate.push(result.logEstimate);
    rows.standardError.push(result.standardError);
    rows.lower.push(result.lower);
    rows.upper.push(result.upper);
    rows.pValue.push(result.pValue);
    rows.significant.push(!result.failed && result.pValue < alpha ? 1 : 0);
    rows.failed.push(result.failed ? 1 : 0);
    rows.failure.push(result.failure);
  });
}

/** The number of rows held. */
export function trialRowCount(rows: TrialRows): number {
  return rows.trial.length;
}
