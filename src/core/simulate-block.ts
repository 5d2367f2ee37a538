import { accumulateTrial } from './diagnosis/accumulate-trial.js';
import { emptyRunTally, type RunTally } from './diagnosis/tally.js';
import type { Design } from './design.js';
import { prepareTrial, simulateTrial, type TrialContext } from './trial.js';

const contexts = new WeakMap<Design, TrialContext>();

/**
 * Simulates trials [fromTrial, toTrial) of a design and tallies them: each trial with the
 * scenario's effects and, when `withNull`, again with every effect set to none on the same random
 * stream (the paired null run that measures the real type I error). Every trial is a pure
 * function of (design, seed, trial index), so any split of the indices tallies to the same whole.
 *
 * Example: simulateBlock(design, 0, 100, { withNull: true }).trials === 100.
 */
export function simulateBlock(
  design: Design,
  fromTrial: number,
  toTrial: number,
  options: { withNull: boolean },
): RunTally {
  const context = contextFor(design);
  const tally = emptyRunTally(design.outcomes.length, options.withNull);
  for (let trialIndex = fromTrial; trialIndex < toTrial; trialIndex++) {
    const [anyPrimary, allPrimary] = accumulateTrial(design, simulateTrial(context, trialIndex, false), tally.outcomes);
    tally.trials += 1;
    if (anyPrimary) tally.anyPrimary += 1;
    if (allPrimary) tally.allPrimary += 1;
    if (tally.nullRun) {
      const [nullAny] = accumulateTrial(design, simulateTrial(context, trialIndex, true), tally.nullRun.outcomes);
      if (nullAny) tally.nullRun.anyPrimary += 1;
    }
  }
  return tally;
}

/** The prepared trial context of a design, computed once per design object (per worker). */
export function contextFor(design: Design): TrialContext {
  let context = contexts.get(design);
  if (!context) {
    context = prepareTrial(design);
    contexts.set(design, context);
  }
  return context;
}
