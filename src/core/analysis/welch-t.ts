import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { logRatioOfMeansResult, sampleVariance, welchDegreesOfFreedom } from './log-ratio-of-means.js';
import type { ArmSummaries } from './outcome-data.js';
import { studentPValue } from './p-value.js';

/**
 * Welch's t test of the difference in means, as R's `t.test(treated, control)`:
 * t = (m1 − m0) / √(s1²/n1 + s0²/n0) with Welch–Satterthwaite degrees of freedom; two-sided or
 * (a reduction) one-sided p. The estimate is the log ratio of means with a delta-method interval
 * ({@link logRatioOfMeansResult}). Fails when an arm has fewer than 2 people, a mean is 0, or
 * both variances are 0.
 *
 * Reference: Welch (1947) Biometrika 34:28–35.
 *
 * @example treated [0, 1, 2, 5], control [1, 3, 4, 6]: t = −1, df = 5.9918, p = 0.3560
 *   (R: t.test(c(0, 1, 2, 5), c(1, 3, 4, 6))$p.value)
 */
export function testWelchT(summaries: ArmSummaries, plan: AnalysisPlan): AnalysisResult {
  const { treated, control } = summaries;
  if (treated.n < 2 || control.n < 2) return failedResult('an arm has fewer than 2 people');
  const component1 = sampleVariance(treated) / treated.n;
  const component0 = sampleVariance(control) / control.n;
  if (!(component1 + component0 > 0)) return failedResult('no variation within arms');
  const t = (treated.sum / treated.n - control.sum / control.n) / Math.sqrt(component1 + component0);
  const df = welchDegreesOfFreedom(component1, treated.n, component0, control.n);
  return logRatioOfMeansResult(summaries, plan.alpha, studentPValue(t, df, plan.sides));
}
