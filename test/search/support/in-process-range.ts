/** A `RunRange` on the engine itself, in this thread (no build, no workers), for the planning tests. */
import { prepareDesign, simulateBlock } from '../../../src/core/simulate-block.js';
import type { RunRange } from '../../../src/search/design-evaluator.js';

export const inProcessRange: RunRange = async (design, fromTrial, toTrial) => ({
  tally: simulateBlock(prepareDesign(design), fromTrial, toTrial, { withNull: false }),
  complete: true,
});
