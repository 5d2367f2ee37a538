import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { riskRatioResult } from './katz-log-risk-ratio.js';
import type { ArmSummaries } from './outcome-data.js';
import { normalPValue } from './p-value.js';

/**
 * The two-proportion z test with pooled variance, as R's `prop.test(correct = FALSE)`:
 * z = (p1 − p0) / √(p̄(1 − p̄)(1/n1 + 1/n0)), p̄ the pooled proportion; two-sided p = 2Φ(−|z|),
 * one-sided (a reduction) Φ(z). Its estimate is the log risk ratio with a Katz interval
 * (Haldane-corrected when a cell is empty — for the estimate only, never the test).
 * An event is a value above zero (`positives`). Fails only when z is undefined: an empty arm, or
 * a pooled proportion of 0 or 1.
 *
 * Reference: Fleiss, Levin & Paik (2003) Statistical Methods for Rates and Proportions §6.2.
 *
 * @example 3 of 45 treated vs 12 of 120 control: p̄ = 15/165, z = −0.6633, two-sided p = 0.5071
 *   (R: prop.test(c(3, 12), c(45, 120), correct = FALSE)$p.value)
 */
export function testTwoProportions(summaries: ArmSummaries, plan: AnalysisPlan): AnalysisResult {
  const { n: n1, positives: events1 } = summaries.treated;
  const { n: n0, positives: events0 } = summaries.control;
  if (n1 === 0 || n0 === 0) return failedResult('an arm is empty');
  const pooled = (events1 + events0) / (n1 + n0);
  if (pooled === 0) return failedResult('no events in either arm');
  if (pooled === 1) return failedResult('everyone had an event');
  const z = (events1 / n1 - events0 / n0) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  return riskRatioResult(events1, n1, events0, n0, plan.alpha, normalPValue(z, plan.sides));
}
