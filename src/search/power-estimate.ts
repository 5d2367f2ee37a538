/**
 * What the planning searches ask of a simulation: the power of the design at one value of the
 * varied parameter, from its first `trials` simulated trials.
 */

/** Power at one value: `successes` of `trials` simulated trials reached the target result. */
export interface PowerEstimate {
  readonly power: number;
  readonly successes: number;
  readonly trials: number;
}

/**
 * Estimates power at `value` from trials 0 … trials − 1 (the same trials, hence the same
 * numbers, when asked again with more trials: an implementation may keep what it has and run only
 * the extra ones). Production drives the runner; tests pass an exact power function plus
 * binomial noise.
 */
export type EvaluatePower = (value: number, trials: number) => Promise<PowerEstimate>;
