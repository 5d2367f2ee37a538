import type { AnalysisResult } from '../analysis/analysis-result.js';
import { adjustRejections } from '../analysis/multiplicity.js';
import type { ReplicationJudge } from '../analysis/replication/replication-criterion.js';
import type { PreparedDesign } from '../prepare-design.js';
import type { TrialRecord } from '../trial-record.js';
import { estimateBin, type OutcomeTally } from './tally.js';

/**
 * Adds one trial's record to the tallies of one run (effect or null): per outcome, whether it was
 * significant, its error against the truth, whether the interval covered the truth, its sign and
 * exaggeration when significant; and, over primary outcomes after the multiplicity correction,
 * whether any or all were significant; under a replication plan (effect run only, `nullRun`
 * false), the criteria each outcome with an original succeeds under. Returns [any primary
 * significant, all primary significant].
 *
 * A failed analysis counts as a trial without a finding (it is in the power denominator) and is
 * counted in `failures`, which every report shows beside power.
 */
export function accumulateTrial(
  prepared: PreparedDesign,
  record: TrialRecord,
  tallies: OutcomeTally[],
  nullRun = false,
): [boolean, boolean] {
  const { design } = prepared;
  const alpha = design.analysis.alpha;
  const primary = prepared.primaryOutcomes;
  // Holm's steps need every primary p-value at once; 'none' and Bonferroni judge each p alone
  // against α or α/m (as `adjustRejections`), which spares two arrays per trial.
  const { multiplicity } = design.analysis;
  const adjusted = multiplicity === 'holm' ? adjustedPrimaryRejections(prepared, record.results) : null;
  const adjustedAlpha = multiplicity === 'bonferroni' ? alpha / primary.length : alpha;
  let anyPrimary = false;
  let allPrimary = primary.length > 0;
  // Replication success is judged in the effect run only: the null run has no design prior.
  const countsReplication = prepared.replication !== null && !nullRun;
  // A plain loop, not forEach and a Map: this runs once per trial, and the closures and the Map
  // were a good part of a cell-form trial's garbage.
  const { results } = record;
  for (let k = 0; k < results.length; k++) {
    const result = results[k];
    const significant = !result.failed && result.pValue < alpha;
    const primaryAt = primary.indexOf(k);
    const adjustedSignificant =
      primaryAt < 0
        ? significant
        : adjusted !== null
          ? adjusted[primaryAt]
          : !result.failed && result.pValue < adjustedAlpha;
    if (primaryAt >= 0) {
      anyPrimary ||= adjustedSignificant;
      allPrimary &&= adjustedSignificant;
    }
    addToTally(tallies[k], result, record.logEstimands[k], significant, adjustedSignificant);
    const judges = countsReplication ? prepared.replication!.judges[k] : null;
    if (judges !== null) addReplicationSuccesses(tallies[k], judges, result);
  }
  return [anyPrimary, allPrimary];
}

/** Significance after the multiplicity correction, for primary outcomes, by outcome index. */
// Whether each primary outcome (in `prepared.primaryOutcomes` order) is rejected after the correction.
function adjustedPrimaryRejections(prepared: PreparedDesign, results: readonly AnalysisResult[]): boolean[] {
  const primary = prepared.primaryOutcomes;
  const { analysis } = prepared.design;
  const pValues = primary.map((k) => (results[k].failed ? Number.NaN : results[k].pValue));
  return adjustRejections(pValues, analysis.alpha, analysis.multiplicity);
}

/**
 * Counts the criteria under which this trial's replication succeeds, judged from the analysis's
 * own estimate and estimated standard error; a failed analysis succeeds under none.
 */
function addReplicationSuccesses(
  tally: OutcomeTally,
  judges: readonly ReplicationJudge[],
  result: AnalysisResult,
): void {
  const successes = (tally.replicationSuccesses ??= judges.map(() => 0));
  if (result.failed) return;
  for (let j = 0; j < judges.length; j++) {
    if (judges[j].succeeds(result.logEstimate, result.standardError)) successes[j] += 1;
  }
}

/** Log truths closer to 0 than this are no effect (rounding of the estimand's sums, far below any real effect). */
const NO_EFFECT_TOLERANCE = 1e-12;

function addToTally(
  tally: OutcomeTally,
  result: AnalysisResult,
  logEstimand: number,
  significant: boolean,
  adjustedSignificant: boolean,
): void {
  tally.trials += 1;
  if (result.failed) {
    tally.failures += 1;
    return;
  }
  const estimate = result.logEstimate;
  const error = estimate - logEstimand;
  tally.sumLogEstimate.add(estimate);
  tally.sumError.add(error);
  tally.sumSquaredError.add(error * error);
  if (result.lower <= logEstimand && logEstimand <= result.upper) tally.covered += 1;
  const bin = estimateBin(estimate);
  tally.estimateHistogram[bin] += 1;
  if (adjustedSignificant) tally.adjustedRejections += 1;
  if (!significant) return;
  tally.rejections += 1;
  tally.significantHistogram[bin] += 1;
  // A truth of no effect can come out of the estimand's sums as ±2e-16 (e·1 + 1 − e ≠ 1 in
  // floating point); such a truth is no effect, not an effect to exaggerate 10¹⁵-fold.
  if (Math.abs(logEstimand) > NO_EFFECT_TOLERANCE) {
    tally.significantWithTruth += 1;
    tally.sumExaggeration.add(Math.abs(estimate) / Math.abs(logEstimand));
    if (Math.sign(estimate) !== Math.sign(logEstimand)) tally.wrongSign += 1;
    else tally.sumSignificantRatio.add(Math.exp(estimate));
  }
}
