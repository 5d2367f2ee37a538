import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { logRatioOfMeansResult } from './log-ratio-of-means.js';
import type { ArmSummaries, OutcomeData } from './outcome-data.js';
import { normalPValue, type Sides } from './p-value.js';

/**
 * The Mann–Whitney (Wilcoxon rank-sum) test from counts-of-counts, as R's
 * `wilcox.test(treated, control, exact = FALSE, correct = TRUE)`. Every value v shared by c_v
 * people gets the midrank (people below v) + (c_v + 1)/2; W is the treated rank sum minus
 * n1(n1 + 1)/2; z = (W − n1n0/2 − correction) / σ with the tie-corrected
 * σ² = n1n0/12 · (N + 1 − Σ(c³ − c)/(N(N − 1))) and a continuity correction of ½ towards 0
 * (two-sided) or +½ (one-sided, alternative: treated values smaller). Returns null without
 * histograms (continuous values need {@link testMannWhitneyOnValues}). The estimate beside the
 * rank test is the log ratio of means with its delta-method interval, since the rank test has
 * no ratio of its own. Fails when every value is tied, or when that estimate cannot be formed
 * (an arm with fewer than 2 people or a mean of 0, or no variation within arms).
 *
 * Reference: Hollander, Wolfe & Chicken (2014) Nonparametric Statistical Methods §4.1;
 * R `wilcox.test.default` source.
 *
 * @example treated [0, 1, 2, 5], control [1, 3, 4, 6]: W = 4.5, σ = 3.4434, z = −0.8712,
 *   two-sided p = 0.3836 (R: wilcox.test(c(0,1,2,5), c(1,3,4,6), exact = FALSE)$p.value)
 */
export function testMannWhitney(summaries: ArmSummaries, plan: AnalysisPlan): AnalysisResult | null {
  const histogram1 = summaries.treated.histogram;
  const histogram0 = summaries.control.histogram;
  if (histogram1 === null || histogram0 === null) return null;
  let below = 0;
  let rankSum1 = 0;
  let tieSum = 0;
  const length = Math.max(histogram1.length, histogram0.length);
  for (let v = 0; v < length; v++) {
    const treatedHere = v < histogram1.length ? histogram1[v] : 0;
    const tied = treatedHere + (v < histogram0.length ? histogram0[v] : 0);
    if (tied === 0) continue;
    rankSum1 += treatedHere * (below + (tied + 1) / 2);
    tieSum += tied * tied * tied - tied;
    below += tied;
  }
  return rankTestResult(summaries, rankSum1, tieSum, plan);
}

/**
 * The same test on person-level values (harm and other continuous outcomes): each arm's values
 * are sorted and merged to find the midranks and ties. On whole-number data it gives exactly
 * the result of {@link testMannWhitney}.
 *
 * @example treated [0.5, 2.5], control [1.5, 3.5, 4.5] → W = 1, two-sided p = 0.3865
 */
export function testMannWhitneyOnValues(
  data: Pick<OutcomeData, 'values' | 'treated'>,
  summaries: ArmSummaries,
  plan: AnalysisPlan,
): AnalysisResult {
  const sorted1 = new Float64Array(summaries.treated.n);
  const sorted0 = new Float64Array(summaries.control.n);
  for (let i = 0, i1 = 0, i0 = 0; i < data.values.length; i++) {
    if (data.treated[i] === 1) sorted1[i1++] = data.values[i];
    else sorted0[i0++] = data.values[i];
  }
  sorted1.sort();
  sorted0.sort();
  let below = 0;
  let rankSum1 = 0;
  let tieSum = 0;
  let i1 = 0;
  let i0 = 0;
  while (i1 < sorted1.length || i0 < sorted0.length) {
    const value = Math.min(i1 < sorted1.length ? sorted1[i1] : Infinity, i0 < sorted0.length ? sorted0[i0] : Infinity);
    let count1 = 0;
    let count0 = 0;
    while (i1 < sorted1.length && sorted1[i1] === value) {
      i1++;
      count1++;
    }
    while (i0 < sorted0.length && sorted0[i0] === value) {
      i0++;
      count0++;
    }
    const tied = count1 + count0;
    rankSum1 += count1 * (below + (tied + 1) / 2);
    tieSum += tied * tied * tied - tied;
    below += tied;
  }
  return rankTestResult(summaries, rankSum1, tieSum, plan);
}

function rankTestResult(summaries: ArmSummaries, rankSum1: number, tieSum: number, plan: AnalysisPlan): AnalysisResult {
  const n1 = summaries.treated.n;
  const n0 = summaries.control.n;
  if (n1 === 0 || n0 === 0) return failedResult('an arm is empty');
  const total = n1 + n0;
  const variance = ((n1 * n0) / 12) * (total + 1 - tieSum / (total * (total - 1)));
  if (!(variance > 0)) return failedResult('every value is tied');
  const centred = rankSum1 - (n1 * (n1 + 1)) / 2 - (n1 * n0) / 2;
  const z = (centred - continuityCorrection(centred, plan.sides)) / Math.sqrt(variance);
  return logRatioOfMeansResult(summaries, plan.alpha, normalPValue(z, plan.sides));
}

/** R's correction: ½ towards zero for two-sided, −½ for the "less" alternative. */
function continuityCorrection(centred: number, sides: Sides): number {
  return sides === 'two' ? Math.sign(centred) * 0.5 : -0.5;
}
