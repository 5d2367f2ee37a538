import { failedResult, type AnalysisResult } from './analysis-result.js';
import { studentCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import type { ArmSummary, ArmSummaries } from './outcome-data.js';

/**
 * The log ratio of arm means, log(m1/m0), with its delta-method standard error
 * √(s1²/(n1·m1²) + s0²/(n0·m0²)) and a t interval whose degrees of freedom are Welch–
 * Satterthwaite's for those two variance components, (v1 + v0)² / (v1²/(n1 − 1) + v0²/(n0 − 1)).
 * It is the estimate reported beside the tests that compare means or ranks (Welch, Mann–
 * Whitney, permutation); their own p-value is passed in. Fails when an arm has fewer than 2
 * people, a mean is 0, or both arms have no variance.
 *
 * Reference: Hirschberg & Lye (2010) "A geometric comparison of the delta and Fieller confidence
 * intervals", Am. Stat. 64:234 (delta method for a ratio of independent means).
 *
 * @example treated [0, 1, 2, 5], control [1, 3, 4, 6], alpha 0.05: log(2/3.5) = −0.5596,
 *   SE = √(4.6667/(4·4) + 4.3333/(4·12.25)) = 0.6165, df 4.67, interval [−2.179, 1.060]
 */
export function logRatioOfMeansResult(summaries: ArmSummaries, alpha: number, pValue: number): AnalysisResult {
  const { treated, control } = summaries;
  if (treated.n < 2 || control.n < 2) return failedResult('an arm has fewer than 2 people');
  const mean1 = treated.sum / treated.n;
  const mean0 = control.sum / control.n;
  if (mean1 === 0 || mean0 === 0) return failedResult('an arm mean is 0');
  const component1 = sampleVariance(treated) / (treated.n * mean1 * mean1);
  const component0 = sampleVariance(control) / (control.n * mean0 * mean0);
  const variance = component1 + component0;
  if (!(variance > 0)) return failedResult('no variation within arms');
  const df = welchDegreesOfFreedom(component1, treated.n, component0, control.n);
  return logRatioResult(Math.log(mean1 / mean0), Math.sqrt(variance), studentCriticalValue(alpha, df), pValue);
}

/**
 * Sample variance (n − 1 denominator) of one arm from its totals: (Σy² − S²/n)/(n − 1),
 * clamped at 0 against rounding.
 *
 * @example n 4, sum 8, sumSquares 30 → (30 − 16)/3 = 4.6667
 */
export function sampleVariance(arm: ArmSummary): number {
  return Math.max(0, arm.sumSquares - (arm.sum * arm.sum) / arm.n) / (arm.n - 1);
}

/**
 * Welch–Satterthwaite degrees of freedom for a sum of two variance components v1, v0 estimated
 * from n1 and n0 people: (v1 + v0)² / (v1²/(n1 − 1) + v0²/(n0 − 1)).
 *
 * Reference: Welch (1947) Biometrika 34:28; Satterthwaite (1946) Biometrics Bull. 2:110.
 *
 * @example v1 = 1, v0 = 1, n1 = n0 = 11 → 20
 */
export function welchDegreesOfFreedom(v1: number, n1: number, v0: number, n0: number): number {
  return (v1 + v0) ** 2 / ((v1 * v1) / (n1 - 1) + (v0 * v0) / (n0 - 1));
}
