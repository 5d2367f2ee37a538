import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { riskRatioResult } from './katz-log-risk-ratio.js';
import type { ArmSummaries } from './outcome-data.js';

/** R's fisher.test tolerance: tables this close to the observed probability count as "as extreme". */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Fisher's exact test of the 2×2 table. Given both margins, the treated arm's event count X is
 * hypergeometric; the two-sided p-value is the total probability of the tables no more likely
 * than the one observed (within a relative 1e-7, as R's `fisher.test`), the one-sided p-value
 * (alternative: a reduction) P(X ≤ observed). The estimate is the log risk ratio with a Katz
 * interval, Haldane-corrected when a cell is empty. An event is a value above zero. Fails on an
 * empty arm, or when no one (or everyone) had an event, as the z test does.
 *
 * Probabilities are built by the ratio recurrence
 * P(x + 1)/P(x) = (m − x)(n1 − x) / ((x + 1)(n0 − m + x + 1)), m the events in both arms,
 * scaled to 1 at the mode so nothing overflows and no log-gamma is needed.
 *
 * Reference: Agresti (2013) Categorical Data Analysis §3.5; R `fisher.test` source.
 *
 * @example 1 of 10 treated vs 6 of 10 control → two-sided p = 0.05728, one-sided 0.02864
 *   (R: fisher.test(matrix(c(1, 9, 6, 4), 2))$p.value)
 */
export function testFisherExact(summaries: ArmSummaries, plan: AnalysisPlan): AnalysisResult {
  const { n: n1, positives: events1 } = summaries.treated;
  const { n: n0, positives: events0 } = summaries.control;
  if (n1 === 0 || n0 === 0) return failedResult('an arm is empty');
  // With no events (or only events) the test is p = 1 but the table says nothing about the ratio,
  // and the corrected estimate would be log((n0 + 1)/(n1 + 1)), an artefact of unequal arms.
  if (events1 + events0 === 0) return failedResult('no events in either arm');
  if (events1 + events0 === n1 + n0) return failedResult('everyone had an event');
  const pValue = fisherPValue(events1, n1, events0, n0, plan.sides === 'one');
  return riskRatioResult(events1, n1, events0, n0, plan.alpha, pValue);
}

function fisherPValue(events1: number, n1: number, events0: number, n0: number, oneSided: boolean): number {
  const events = events1 + events0;
  const lowest = Math.max(0, events - n0);
  const highest = Math.min(events, n1);
  const mode = Math.min(highest, Math.max(lowest, Math.floor(((events + 1) * (n1 + 1)) / (n1 + n0 + 2))));
  // Pass 1: the total and the observed table's probability, both relative to the mode.
  let total = 1;
  let observed = events1 === mode ? 1 : 0;
  for (let x = mode, density = 1; x < highest; x++) {
    density *= ((events - x) * (n1 - x)) / ((x + 1) * (n0 - events + x + 1));
    total += density;
    if (x + 1 === events1) observed = density;
  }
  for (let x = mode, density = 1; x > lowest; x--) {
    density *= (x * (n0 - events + x)) / ((events - x + 1) * (n1 - x + 1));
    total += density;
    if (x - 1 === events1) observed = density;
  }
  // Pass 2: add up the tables that count as extreme.
  const threshold = observed * RELATIVE_TOLERANCE;
  let extreme = (oneSided ? mode <= events1 : 1 <= threshold) ? 1 : 0;
  for (let x = mode, density = 1; x < highest; x++) {
    density *= ((events - x) * (n1 - x)) / ((x + 1) * (n0 - events + x + 1));
    if (oneSided ? x + 1 <= events1 : density <= threshold) extreme += density;
  }
  for (let x = mode, density = 1; x > lowest; x--) {
    density *= (x * (n0 - events + x)) / ((events - x + 1) * (n1 - x + 1));
    if (oneSided ? x - 1 <= events1 : density <= threshold) extreme += density;
  }
  return Math.min(1, extreme / total);
}
