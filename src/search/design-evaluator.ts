/**
 * Turns "power of the design at value v" into simulation: the design at v is built once, its
 * trials are tallied, and a later request for more trials at v runs only the extra ones and
 * merges them (trial i is the same trial whenever it is run, so the tallies add up exactly).
 */
import type { Design } from '../core/design.js';
import { mergeRunTally, type RunTally } from '../core/diagnosis/tally.js';
import type { EvaluatePower, PowerEstimate } from './power-estimate.js';

/** Tallies trials [fromTrial, toTrial) of a design; `complete` is false when interrupted. */
export type RunRange = (
  design: Design,
  fromTrial: number,
  toTrial: number,
) => Promise<{ tally: RunTally; complete: boolean }>;

/** What was simulated at one value. */
export interface EvaluatedDesign {
  readonly design: Design;
  readonly tally: RunTally;
}

/** An `EvaluatePower` over designs, keeping every tally for the report. */
export interface DesignEvaluator extends EvaluatePower {
  readonly evaluated: ReadonlyMap<number, EvaluatedDesign>;
}

/**
 * Builds the evaluator: the first request at a value runs trials [0, n); a later request for more
 * runs only [n, more) and merges the tallies.
 *
 * Example: evaluate(300, 200) runs trials 0–199 at 300; evaluate(300, 800) then runs 200–799 and
 * reports power over 800 trials.
 */
export function designEvaluator(
  designFor: (value: number) => Promise<Design>,
  successesOf: (design: Design, tally: RunTally) => number,
  runRange: RunRange,
): DesignEvaluator {
  const evaluated = new Map<number, EvaluatedDesign>();
  const evaluate = async (value: number, trials: number): Promise<PowerEstimate> => {
    let entry = evaluated.get(value);
    if (!entry) {
      const design = await designFor(value);
      const first = await runRange(design, 0, trials);
      entry = { design, tally: first.tally };
      evaluated.set(value, entry);
    } else if (entry.tally.trials < trials) {
      const more = await runRange(entry.design, entry.tally.trials, trials);
      mergeRunTally(entry.tally, more.tally);
    }
    return estimateOf(entry);
  };
  const estimateOf = (entry: EvaluatedDesign): PowerEstimate => {
    const successes = successesOf(entry.design, entry.tally);
    const trials = entry.tally.trials;
    return { power: trials > 0 ? successes / trials : 0, successes, trials };
  };
  return Object.assign(evaluate, { evaluated });
}
