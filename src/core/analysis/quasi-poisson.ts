import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { studentCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import type { ArmSummary, ArmSummaries } from './outcome-data.js';
import { studentPValue } from './p-value.js';

/**
 * Quasi-Poisson regression on the arm indicator, as R's
 * `summary(glm(y ~ arm, family = quasipoisson))`: the log rate ratio of the Poisson fit (the
 * log ratio of arm means), with its standard error √(φ(1/S1 + 1/S0)) inflated by the Pearson
 * dispersion φ = Σ (y − m)²/m / (N − 2), m each person's arm mean; t test and interval with N − 2
 * degrees of freedom. Needs only each arm's n, total and total of squares, so it serves harm
 * outcomes as well as counts. Fails when an arm total is 0, there are fewer than 3 people, or
 * nobody differs from their arm's mean (φ = 0).
 *
 * Reference: McCullagh & Nelder (1989) Generalized Linear Models §6.2, §4.5.2.
 *
 * @example treated [0, 1, 2, 5], control [1, 3, 4, 6]: log RR = log(2/3.5) = −0.5596,
 *   φ = (14/2 + 13/3.5)/6 = 1.7857, SE = 0.5923, t = −0.9449, p = 0.3812 on 6 df
 */
export function testQuasiPoisson(summaries: ArmSummaries, plan: AnalysisPlan): AnalysisResult {
  const { treated, control } = summaries;
  if (treated.n === 0 || control.n === 0) return failedResult('an arm is empty');
  if (treated.sum === 0 || control.sum === 0) return failedResult('an arm has no events');
  const residualDf = treated.n + control.n - 2;
  if (residualDf < 1) return failedResult('fewer than 3 people');
  const dispersion = (pearsonChiSquare(treated) + pearsonChiSquare(control)) / residualDf;
  if (!(dispersion > 0)) return failedResult('no variation within arms');
  const logEstimate = Math.log(treated.sum / treated.n) - Math.log(control.sum / control.n);
  const standardError = Math.sqrt(dispersion * (1 / treated.sum + 1 / control.sum));
  const pValue = studentPValue(logEstimate / standardError, residualDf, plan.sides);
  return logRatioResult(logEstimate, standardError, studentCriticalValue(plan.alpha, residualDf), pValue);
}

/** Σ (y − m)²/m over one arm, from its totals: (Σy² − S²/n)/m with m = S/n (clamped at 0 against rounding). */
function pearsonChiSquare(arm: ArmSummary): number {
  const mean = arm.sum / arm.n;
  return Math.max(0, arm.sumSquares - arm.sum * mean) / mean;
}
