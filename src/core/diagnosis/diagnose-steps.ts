/**
 * A rollout's per-step diagnosands: for each exposure time, how well the rollout estimates the
 * effect that many periods after a cluster crossed over (docs/json-output.md, `results[].steps`).
 */
import type { StepTally } from './step-tally.js';
import { wilsonInterval } from './wilson-interval.js';

/** The per-step results of one outcome at one exposure time, over the run's trials. */
export interface StepDiagnosis {
  /** Periods since crossover: 0 is a cluster's first treated period. */
  readonly exposurePeriods: number;
  /** Months since crossover the step covers, [fromMonth, toMonth). */
  readonly fromMonth: number;
  readonly toMonth: number;
  /** The true effect at this step on the ratio scale (the model's effect does not change with exposure). */
  readonly estimand: number;
  /** exp(mean log estimate) over trials that gave one. */
  readonly meanEstimate: number;
  /** Mean error of the log-ratio estimate, and its Monte Carlo SE. */
  readonly bias: number;
  readonly biasMcse: number;
  readonly rmse: number;
  /**
   * Where 95% of single trials' step estimates fall, exp(mean ± 1.96·SD) of the log estimates (a
   * normal approximation): how precisely one rollout pins down this step's effect.
   */
  readonly estimateRange: readonly [number, number];
  /** Share of the step's intervals (at the analysis's 1 − α) that contain the truth. */
  readonly coverage: number;
  /** Share of trials whose step contrast is significant at α (failures count as not significant). */
  readonly power: number;
  readonly powerCI: readonly [number, number];
  /** The same share in the paired null run (null with --no-null). */
  readonly typeIError: number | null;
  readonly typeIErrorCI: readonly [number, number] | null;
  /** Mean present cluster-periods at this exposure time, and mean untreated cluster-periods. */
  readonly treatedClusterPeriods: number;
  readonly controlClusterPeriods: number;
  /** Trials in which the step's effect could not be estimated. */
  readonly failures: number;
}

/**
 * The per-step diagnosands of one outcome: for each exposure time e, the mean estimate, bias
 * (with its Monte Carlo SE), RMSE, the 95% range of single trials' estimates, coverage, the power
 * of the step contrast with its Wilson interval, its rejection rate in the null run, and the mean
 * numbers of treated and control cluster-periods.
 *
 * Formula in words: with n trials of which m gave an estimate, power = rejections/n, bias =
 * Σ(error)/m, biasMcse = SD(error)/√m, rmse = √(Σ error²/m), mean estimate = exp(Σ log estimate/m),
 * range = exp(mean log estimate ± 1.959964·SD(log estimate)), SD(log estimate) = SD(error) when the
 * truth is fixed.
 * Reference: Morris, White & Crowther (2019) Stat Med 38:2074 (simulation performance measures and
 * their Monte Carlo SEs).
 *
 * @example 1,000 trials at step 0 with 400 rejections, mean log estimate −0.2, SD 0.3 →
 *   power 0.4, meanEstimate 0.819, estimateRange [0.455, 1.474], biasMcse 0.0095
 */
export function diagnoseSteps(
  tally: StepTally,
  nullTally: StepTally | null,
  logTruth: number,
  periodMonths: number,
): StepDiagnosis[] {
  return tally.estimated.map((estimated, e) => {
    const trials = estimated + tally.failures[e];
    const meanLog = ratio(tally.sumLogEstimate[e].value(), estimated);
    const meanError = ratio(tally.sumError[e].value(), estimated);
    const meanSquaredError = ratio(tally.sumSquaredError[e].value(), estimated);
    const errorSd = Math.sqrt(Math.max(0, meanSquaredError - meanError * meanError));
    const power = ratio(tally.rejections[e], trials);
    const nullTrials = nullTally ? nullTally.estimated[e] + nullTally.failures[e] : 0;
    return {
      exposurePeriods: e,
      fromMonth: e * periodMonths,
      toMonth: (e + 1) * periodMonths,
      estimand: Math.exp(logTruth),
      meanEstimate: Math.exp(meanLog),
      bias: meanError,
      biasMcse: errorSd / Math.sqrt(Math.max(1, estimated)),
      rmse: Math.sqrt(meanSquaredError),
      estimateRange: [Math.exp(meanLog - 1.959964 * errorSd), Math.exp(meanLog + 1.959964 * errorSd)],
      coverage: ratio(tally.covered[e], estimated),
      power,
      powerCI: wilsonInterval(tally.rejections[e], trials),
      typeIError: nullTally ? ratio(nullTally.rejections[e], nullTrials) : null,
      typeIErrorCI: nullTally ? wilsonInterval(nullTally.rejections[e], nullTrials) : null,
      treatedClusterPeriods: ratio(tally.treatedCells[e], trials),
      controlClusterPeriods: ratio(tally.controlCells[e], trials),
      failures: tally.failures[e],
    };
  });
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}
