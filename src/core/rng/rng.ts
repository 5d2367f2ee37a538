/**
 * The random source every core function takes as an argument: a stream of uniform numbers in
 * [0, 1). Core code never calls Math.random; the stream is derived from (seed, trial index) by
 * `trialStream`, so a trial is a pure function of its inputs.
 */
export interface Rng {
  /** The next uniform number in [0, 1). */
  next(): number;
}
