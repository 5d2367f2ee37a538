import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { normalCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import type { ArmSummaries } from './outcome-data.js';
import { normalPValue } from './p-value.js';

/**
 * Wald test of the log rate ratio under a Poisson model. Every person has the same follow-up, so
 * the rate ratio is the ratio of arm means: log RR = log(S1/n1) − log(S0/n0), with
 * SE = √(1/S1 + 1/S0) (S the arm totals), z = log RR / SE and a normal interval. It assumes the
 * variance equals the mean; with overdispersed counts its type I error is far above alpha.
 * Fails when an arm's total is 0 (the log ratio is infinite).
 *
 * Reference: Breslow & Day (1987) Statistical Methods in Cancer Research II, §2.4.
 *
 * @example 45 treated with 30 offences vs 120 control with 150: log RR = log(0.6667/1.25)
 *   = −0.6286, SE = √(1/30 + 1/150) = 0.2, z = −3.143, two-sided p = 0.00167
 */
export function testPoissonWald(summaries: ArmSummaries, plan: AnalysisPlan): AnalysisResult {
  const { n: n1, sum: total1 } = summaries.treated;
  const { n: n0, sum: total0 } = summaries.control;
  if (n1 === 0 || n0 === 0) return failedResult('an arm is empty');
  if (total1 === 0 || total0 === 0) return failedResult('an arm has no events');
  const logEstimate = Math.log(total1 / n1) - Math.log(total0 / n0);
  const standardError = Math.sqrt(1 / total1 + 1 / total0);
  const pValue = normalPValue(logEstimate / standardError, plan.sides);
  return logRatioResult(logEstimate, standardError, normalCriticalValue(plan.alpha), pValue);
}
