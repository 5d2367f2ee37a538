import { accumulateTrial } from './diagnosis/accumulate-trial.js';
import { accumulateInterim } from './diagnosis/interim-tally.js';
import { accumulateSteps } from './diagnosis/step-tally.js';
import { emptyRunTally, type RunTally } from './diagnosis/tally.js';
import { drawsInputs, drawTrialInputs } from './model/draw-trial-inputs.js';
import { prepareDesign, type PreparedDesign } from './prepare-design.js';
import { emptyTrialStart, simulateTrial } from './trial.js';
import { appendTrialRows, type TrialRows } from './trial-rows.js';

// The runner loads this module by URL (in each worker): it prepares the design it is sent once per
// run, then simulates blocks of trials of it.
export { prepareDesign } from './prepare-design.js';

/**
 * Simulates trials [fromTrial, toTrial) of a prepared design and tallies them: each trial with the
 * scenario's effects and, when `withNull`, again with every effect set to none on the same random
 * stream (the paired null run that measures the real type I error). Every trial is a pure
 * function of (design, seed, trial index), so any split of the indices tallies to the same whole.
 *
 * With `rows`, each trial's results are also appended there, one row per run and outcome
 * (`run --trials-out`); the tally is the same either way.
 *
 * Example: simulateBlock(prepareDesign(design), 0, 100, { withNull: true }).trials === 100.
 */
export function simulateBlock(
  preparedDesign: PreparedDesign,
  fromTrial: number,
  toTrial: number,
  options: { withNull: boolean; rows?: TrialRows },
): RunTally {
  let prepared = preparedDesign;
  const design = prepared.design;
  const lookCount = prepared.interim?.peopleAtLook.length ?? 0;
  const exposureTimes = prepared.design.plan.rollout?.steps ?? 0;
  const tally = emptyRunTally(prepared.design.outcomes.length, options.withNull, lookCount, exposureTimes);
  const alpha = prepared.design.analysis.alpha;
  const monitored = prepared.interim?.outcome ?? 0;
  const { rows } = options;
  // Assurance over every input: each trial has its own drawn design, prepared for it alone.
  const perTrial = drawsInputs(prepared.design);
  // The null run reuses its effect run's cohort and assignment (the same draws: see TrialStart).
  // Only in the person form: the cell form's are a few numbers in scratch it reuses.
  const shared = tally.nullRun && prepared.form.kind === 'person' ? emptyTrialStart() : null;
  for (let trialIndex = fromTrial; trialIndex < toTrial; trialIndex++) {
    if (perTrial) prepared = prepareDesign(drawTrialInputs(design, trialIndex));
    const record = simulateTrial(prepared, trialIndex, false, shared);
    if (rows) appendTrialRows(rows, trialIndex, false, record, alpha);
    const [anyPrimary, allPrimary] = accumulateTrial(prepared, record, tally.outcomes);
    if (tally.interim && record.interim) {
      accumulateInterim(tally.interim.effect, record.interim, record.logEstimands[monitored]);
    }
    if (tally.steps && record.steps) {
      const { effect } = tally.steps;
      record.steps.forEach((steps, k) => accumulateSteps(effect[k], steps, record.logEstimands[k], alpha));
    }
    tally.trials += 1;
    if (anyPrimary) tally.anyPrimary += 1;
    if (allPrimary) tally.allPrimary += 1;
    if (tally.nullRun) {
      const nullRecord = simulateTrial(prepared, trialIndex, true, shared);
      if (rows) appendTrialRows(rows, trialIndex, true, nullRecord, alpha);
      const [nullAny] = accumulateTrial(prepared, nullRecord, tally.nullRun.outcomes, true);
      if (nullAny) tally.nullRun.anyPrimary += 1;
      if (tally.interim?.nullRun && nullRecord.interim) {
        accumulateInterim(tally.interim.nullRun, nullRecord.interim, nullRecord.logEstimands[monitored]);
      }
      const nullSteps = tally.steps?.nullRun;
      if (nullSteps && nullRecord.steps) {
        nullRecord.steps.forEach((steps, k) => accumulateSteps(nullSteps[k], steps, nullRecord.logEstimands[k], alpha));
      }
    }
  }
  return tally;
}
