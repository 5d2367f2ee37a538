import type { AnalysisResult } from './analysis-result.js';
import { normalCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';

/**
 * The log risk ratio with the Haldane–Anscombe correction: when any cell of the 2×2 table is
 * empty (an arm with no events, or with events in everyone), 0.5 is added to every cell, so the
 * ratio ((e1 + ½)/(n1 + 1)) / ((e0 + ½)/(n0 + 1)) stays finite. Tests never use the correction;
 * only this estimate and its interval do.
 *
 * Reference: Haldane (1956) Ann. Hum. Genet. 20:309; Anscombe (1956) Biometrika 43:461.
 *
 * @example 3 of 45 treated, 12 of 120 control → log((3/45)/(12/120)) = log(0.6667) = −0.4055;
 *   0 of 45 vs 12 of 120 → log((0.5/46)/(12.5/121)) = −2.2494
 */
export function logRiskRatio(events1: number, n1: number, events0: number, n0: number): number {
  const half = haldaneIncrement(events1, n1, events0, n0);
  return Math.log((events1 + half) / (n1 + 2 * half)) - Math.log((events0 + half) / (n0 + 2 * half));
}

/**
 * Katz's standard error of the log risk ratio, √(1/e1 − 1/n1 + 1/e0 − 1/n0), on the same
 * (Haldane-corrected when a cell is empty) table as {@link logRiskRatio}.
 *
 * Reference: Katz, Baptista, Azen & Pike (1978) Biometrics 34:469–474.
 *
 * @example 3 of 45 vs 12 of 120 → √(1/3 − 1/45 + 1/12 − 1/120) = 0.6214
 */
export function katzStandardError(events1: number, n1: number, events0: number, n0: number): number {
  const half = haldaneIncrement(events1, n1, events0, n0);
  return Math.sqrt(1 / (events1 + half) - 1 / (n1 + 2 * half) + 1 / (events0 + half) - 1 / (n0 + 2 * half));
}

/**
 * A binary analysis's result: the test's own p-value beside the (corrected) log risk ratio and
 * its Katz interval estimate ± Φ⁻¹(1 − alpha/2)·SE.
 *
 * @example riskRatioResult(3, 45, 12, 120, 0.05, 0.52) → logEstimate −0.4055, SE 0.6214,
 *   interval [−1.6233, 0.8124], pValue 0.52
 */
export function riskRatioResult(
  events1: number,
  n1: number,
  events0: number,
  n0: number,
  alpha: number,
  pValue: number,
): AnalysisResult {
  return logRatioResult(
    logRiskRatio(events1, n1, events0, n0),
    katzStandardError(events1, n1, events0, n0),
    normalCriticalValue(alpha),
    pValue,
  );
}

function haldaneIncrement(events1: number, n1: number, events0: number, n0: number): number {
  return events1 === 0 || events1 === n1 || events0 === 0 || events0 === n0 ? 0.5 : 0;
}
