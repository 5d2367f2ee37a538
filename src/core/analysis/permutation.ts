import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import type { Rng } from '../rng/rng.js';
import { logRatioOfMeansResult } from './log-ratio-of-means.js';
import type { ArmSummaries, OutcomeData } from './outcome-data.js';

/** Ties between a re-randomised and the observed statistic are decided with this slack. */
const TOLERANCE = 1e-12;

/**
 * Randomisation inference for the difference in arm means. The assignment is drawn afresh
 * `plan.permutations` times by the design's own mechanism (`data.rerandomise`: complete,
 * stratified or cluster, with the actual, possibly unequal, arm sizes — never a split of the
 * pooled data at its midpoint), and the observed difference T is compared with the re-drawn
 * ones T*: p = (1 + #{|T*| ≥ |T|}) / (R + 1) two-sided, (1 + #{T* ≤ T}) / (R + 1) one-sided
 * (a reduction), each comparison with a 1e-12 relative slack so exact ties count. A re-drawn
 * assignment with an empty arm (possible under simple randomisation) has no statistic and counts
 * as extreme, which keeps the test conservative. Valid at any size when the mechanism is the
 * one used. The estimate is the log ratio of means with a delta-method interval. Fails when the
 * design's mechanism is unavailable or the estimate cannot be formed.
 *
 * Reference: Rosenbaum (2002) Observational Studies §2.3; Phipson & Smyth (2010) "Permutation
 * p-values should never be zero", Stat. Appl. Genet. Mol. Biol. 9:39.
 *
 * @example treated [5, 6], control [0, 1, 2, 3] under complete randomisation of 2 of 6: the
 *   exact p over all 15 assignments is 1/15 = 0.0667; with R = 9999 re-draws p ≈ 0.067.
 */
export function testByPermutation(
  data: OutcomeData,
  summaries: ArmSummaries,
  plan: AnalysisPlan,
  rng: Rng,
): AnalysisResult {
  if (data.rerandomise === null) return failedResult('no re-randomisation mechanism');
  const { treated, control } = summaries;
  if (treated.n === 0 || control.n === 0) return failedResult('an arm is empty');
  const values = data.values;
  const grandTotal = treated.sum + control.sum;
  // The same formula as the re-drawn statistics, so the identity assignment ties exactly.
  const observed = treated.sum / treated.n - (grandTotal - treated.sum) / control.n;
  const slack = TOLERANCE * Math.max(1, Math.abs(observed));
  const oneSided = plan.sides === 'one';
  let extreme = 0;
  for (let r = 0; r < plan.permutations; r++) {
    const assignment = data.rerandomise(rng);
    let n1 = 0;
    let total1 = 0;
    for (let i = 0; i < values.length; i++) {
      if (assignment[i] === 1) {
        n1++;
        total1 += values[i];
      }
    }
    const n0 = values.length - n1;
    if (n1 === 0 || n0 === 0) {
      extreme++;
      continue;
    }
    const statistic = total1 / n1 - (grandTotal - total1) / n0;
    if (oneSided ? statistic <= observed + slack : Math.abs(statistic) >= Math.abs(observed) - slack) extreme++;
  }
  const pValue = (1 + extreme) / (plan.permutations + 1);
  return logRatioOfMeansResult(summaries, plan.alpha, pValue);
}
