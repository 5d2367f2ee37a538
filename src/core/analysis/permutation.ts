import type { Redrawn, Rerandomiser } from '../assignment/rerandomise.js';
import type { AnalysisPlan } from '../design.js';
import type { Rng } from '../rng/rng.js';
import { failedResult, type AnalysisResult } from './analysis-result.js';
import { logRatioOfMeansResult } from './log-ratio-of-means.js';
import type { ArmSummaries } from './outcome-data.js';

/** Ties between a re-randomised and the observed statistic are decided with this slack. */
const TOLERANCE = 1e-12;

/**
 * Randomisation inference for the difference in arm means, for both forms. The assignment is
 * drawn afresh `plan.permutations` times by the design's own scheme (the `rerandomiser`: simple,
 * complete, stratified or cluster, with the actual, possibly unequal, arm sizes — never a split
 * of the pooled data at its midpoint), each redraw giving the analysed treated people's number
 * n₁′ and total S₁′, so T* = S₁′/n₁′ − (S − S₁′)/(n − n₁′); the observed difference T is compared
 * with the re-drawn ones T*: p = (1 + #{|T*| ≥ |T|}) / (R + 1) two-sided, (1 + #{T* ≤ T}) / (R + 1) one-sided
 * (a reduction), each comparison with a 1e-12 relative slack so exact ties count. A re-drawn
 * assignment with an empty arm (possible under simple randomisation) has no statistic and counts
 * as extreme, which keeps the test conservative. Valid at any size when the mechanism is the
 * one used. The estimate is the log ratio of means with a delta-method interval. Fails when there
 * is no re-randomiser or the estimate cannot be formed.
 *
 * Reference: Rosenbaum (2002) Observational Studies §2.3; Phipson & Smyth (2010) "Permutation
 * p-values should never be zero", Stat. Appl. Genet. Mol. Biol. 9:39.
 *
 * @example treated [5, 6], control [0, 1, 2, 3] under complete randomisation of 2 of 6: the
 *   exact p over all 15 assignments is 1/15 = 0.0667; with R = 9999 re-draws p ≈ 0.067.
 */
export function testByPermutation(
  summaries: ArmSummaries,
  rerandomiser: Rerandomiser | null,
  plan: AnalysisPlan,
  rng: Rng,
): AnalysisResult {
  if (rerandomiser === null) return failedResult('no re-randomisation mechanism');
  const { treated, control } = summaries;
  if (treated.n === 0 || control.n === 0) return failedResult('an arm is empty');
  const analysed = treated.n + control.n;
  const grandTotal = treated.sum + control.sum;
  // The same formula as the re-drawn statistics, so the identity assignment ties exactly.
  const observed = treated.sum / treated.n - (grandTotal - treated.sum) / control.n;
  const slack = TOLERANCE * Math.max(1, Math.abs(observed));
  const oneSided = plan.sides === 'one';
  const drawn: Redrawn = { n: 0, total: 0 };
  let extreme = 0;
  for (let r = 0; r < plan.permutations; r++) {
    rerandomiser.redraw(rng, drawn);
    const n0 = analysed - drawn.n;
    if (drawn.n === 0 || n0 === 0) {
      extreme++;
      continue;
    }
    const statistic = drawn.total / drawn.n - (grandTotal - drawn.total) / n0;
    if (oneSided ? statistic <= observed + slack : Math.abs(statistic) >= Math.abs(observed) - slack) extreme++;
  }
  const pValue = (1 + extreme) / (plan.permutations + 1);
  return logRatioOfMeansResult(summaries, plan.alpha, pValue);
}
