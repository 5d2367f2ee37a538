import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { katzStandardError, logRiskRatio, riskRatioResult } from './katz-log-risk-ratio.js';
import type { ArmSummaries } from './outcome-data.js';
import { normalPValue } from './p-value.js';

/**
 * Wald test of the log risk ratio: z = log RR / SE with Katz's standard error, both on the
 * Haldane-corrected table when a cell is empty (so, unlike the z test, it is always finite).
 * Fails on an empty arm, or when no one (or everyone) had an event, where the table carries no
 * information about the ratio and the corrected z would be an artefact of the 0.5s.
 *
 * Reference: Katz, Baptista, Azen & Pike (1978) Biometrics 34:469–474.
 *
 * @example 3 of 45 treated vs 12 of 120 control: log RR = −0.4055, SE = 0.6214,
 *   z = −0.6525, two-sided p = 0.5141
 */
export function testRiskRatio(summaries: ArmSummaries, plan: AnalysisPlan): AnalysisResult {
  const { n: n1, positives: events1 } = summaries.treated;
  const { n: n0, positives: events0 } = summaries.control;
  if (n1 === 0 || n0 === 0) return failedResult('an arm is empty');
  if (events1 + events0 === 0) return failedResult('no events in either arm');
  if (events1 + events0 === n1 + n0) return failedResult('everyone had an event');
  const z = logRiskRatio(events1, n1, events0, n0) / katzStandardError(events1, n1, events0, n0);
  return riskRatioResult(events1, n1, events0, n0, plan.alpha, normalPValue(z, plan.sides));
}
