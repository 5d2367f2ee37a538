import { BugError } from '../errors/bug-error.js';

/**
 * A block of trials that kept failing (a worker crashed or the engine threw on every attempt).
 * This is a bug, not bad input: the message names the trials and the seed so the failure can be
 * reproduced (trial i depends only on the scenario, the seed and i). The command line exits 1.
 *
 * Example: new TrialFailureError([20, 84], 77, 7, 3, 'boom').message →
 * "trial 77 of seed 7 (in the chunk of trials 20–83) failed on 3 attempts: boom".
 */
export class TrialFailureError extends BugError {
  constructor(
    /** The trial indices [from, to) of the failing block. */
    readonly trialRange: readonly [number, number],
    /** The first trial in the block that fails on its own, when the engine could tell (else null). */
    readonly trial: number | null,
    readonly seed: number,
    readonly attempts: number,
    /** What the last attempt reported. */
    readonly reason: string,
  ) {
    const block = `trials ${trialRange[0]}–${trialRange[1] - 1}`;
    const where =
      trial === null ? `${block} of seed ${seed}` : `trial ${trial} of seed ${seed} (in the chunk of ${block})`;
    super(`${where} failed on ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`);
    this.name = 'TrialFailureError';
  }
}
