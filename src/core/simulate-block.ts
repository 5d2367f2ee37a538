import { accumulateTrial } from './diagnosis/accumulate-trial.js';
import { accumulateInterim } from './diagnosis/interim-tally.js';
import { emptyRunTally, type RunTally } from './diagnosis/tally.js';
import { drawsInputs, drawTrialInputs } from './model/draw-trial-inputs.js';
import { prepareDesign, type PreparedDesign } from './prepare-design.js';
import { simulateTrial } from './trial.js';

// The runner loads this module by URL (in each worker): it prepares the design it is sent once per
// run, then simulates blocks of trials of it.
export { prepareDesign } from './prepare-design.js';

/**
 * Simulates trials [fromTrial, toTrial) of a prepared design and tallies them: each trial with the
 * scenario's effects and, when `withNull`, again with every effect set to none on the same random
 * stream (the paired null run that measures the real type I error). Every trial is a pure
 * function of (design, seed, trial index), so any split of the indices tallies to the same whole.
 *
 * Example: simulateBlock(prepareDesign(design), 0, 100, { withNull: true }).trials === 100.
 */
export function simulateBlock(
  preparedDesign: PreparedDesign,
  fromTrial: number,
  toTrial: number,
  options: { withNull: boolean },
): RunTally {
  let prepared = preparedDesign;
  const design = prepared.design;
  const lookCount = prepared.interim?.peopleAtLook.length ?? 0;
  const tally = emptyRunTally(prepared.design.outcomes.length, options.withNull, lookCount);
  const monitored = prepared.interim?.outcome ?? 0;
  // Assurance over every input: each trial has its own drawn design, prepared for it alone.
  const perTrial = drawsInputs(prepared.design);
  for (let trialIndex = fromTrial; trialIndex < toTrial; trialIndex++) {
    if (perTrial) prepared = prepareDesign(drawTrialInputs(design, trialIndex));
    const record = simulateTrial(prepared, trialIndex, false);
    const [anyPrimary, allPrimary] = accumulateTrial(prepared, record, tally.outcomes);
    if (tally.interim && record.interim) {
      accumulateInterim(tally.interim.effect, record.interim, record.logEstimands[monitored]);
    }
    tally.trials += 1;
    if (anyPrimary) tally.anyPrimary += 1;
    if (allPrimary) tally.allPrimary += 1;
    if (tally.nullRun) {
      const nullRecord = simulateTrial(prepared, trialIndex, true);
      const [nullAny] = accumulateTrial(prepared, nullRecord, tally.nullRun.outcomes, true);
      if (nullAny) tally.nullRun.anyPrimary += 1;
      if (tally.interim?.nullRun && nullRecord.interim) {
        accumulateInterim(tally.interim.nullRun, nullRecord.interim, nullRecord.logEstimands[monitored]);
      }
    }
  }
  return tally;
}
