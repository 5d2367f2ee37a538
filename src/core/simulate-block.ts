import { accumulateTrial } from './diagnosis/accumulate-trial.js';
import { emptyRunTally, type RunTally } from './diagnosis/tally.js';
import type { PreparedDesign } from './prepare-design.js';
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
  prepared: PreparedDesign,
  fromTrial: number,
  toTrial: number,
  options: { withNull: boolean },
): RunTally {
  const tally = emptyRunTally(prepared.design.outcomes.length, options.withNull);
  for (let trialIndex = fromTrial; trialIndex < toTrial; trialIndex++) {
    const [anyPrimary, allPrimary] = accumulateTrial(
      prepared,
      simulateTrial(prepared, trialIndex, false),
      tally.outcomes,
    );
    tally.trials += 1;
    if (anyPrimary) tally.anyPrimary += 1;
    if (allPrimary) tally.allPrimary += 1;
    if (tally.nullRun) {
      const [nullAny] = accumulateTrial(
        prepared,
        simulateTrial(prepared, trialIndex, true),
        tally.nullRun.outcomes,
        true,
      );
      if (nullAny) tally.nullRun.anyPrimary += 1;
    }
  }
  return tally;
}
