import { prepareAggregateTrial, simulateAggregateTrial } from './aggregate/aggregate-trial.js';
import { chosenEngine } from './aggregate/chosen-engine.js';
import { accumulateTrial } from './diagnosis/accumulate-trial.js';
import { emptyRunTally, type RunTally } from './diagnosis/tally.js';
import type { Design } from './design.js';
import type { TrialRecord } from './trial-record.js';
import { prepareTrial, simulateTrial, type TrialContext } from './trial.js';

const contexts = new WeakMap<Design, TrialContext>();
const engines = new WeakMap<Design, (trialIndex: number, nullRun: boolean) => TrialRecord>();

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
  const simulate = engineFor(design);
  const tally = emptyRunTally(design.outcomes.length, options.withNull);
  for (let trialIndex = fromTrial; trialIndex < toTrial; trialIndex++) {
    const [anyPrimary, allPrimary] = accumulateTrial(design, simulate(trialIndex, false), tally.outcomes);
    tally.trials += 1;
    if (anyPrimary) tally.anyPrimary += 1;
    if (allPrimary) tally.allPrimary += 1;
    if (tally.nullRun) {
      const [nullAny] = accumulateTrial(design, simulate(trialIndex, true), tally.nullRun.outcomes);
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

/**
 * The trial simulator of a design, by `chosenEngine`: the per-person `simulateTrial`, or the exact
 * aggregated `simulateAggregateTrial` (same contract, same streams); prepared once per design.
 * Throws when the design asks for the aggregate engine and it cannot simulate the design exactly.
 */
function engineFor(design: Design): (trialIndex: number, nullRun: boolean) => TrialRecord {
  let engine = engines.get(design);
  if (!engine) {
    if (chosenEngine(design) === 'aggregate') {
      const aggregate = prepareAggregateTrial(design);
      engine = (trialIndex, nullRun) => simulateAggregateTrial(aggregate, trialIndex, nullRun);
    } else {
      const context = contextFor(design);
      engine = (trialIndex, nullRun) => simulateTrial(context, trialIndex, nullRun);
    }
    engines.set(design, engine);
  }
  return engine;
}
