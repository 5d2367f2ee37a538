import { negativeBinomialPmf, negativeBinomialSurvival } from '../distributions/negative-binomial-probability.js';

// While P(Y < y) is at most this, P(Y ≥ y) = 1 − P(Y < y) loses at most two digits.
const SUBTRACT_UNTIL = 0.99;
// Re-anchor the survival on the accurate series once it has fallen by this factor since the last anchor.
const REANCHOR_FACTOR = 0.01;

/**
 * The chain-rule hazards h(y) = P(Y = y) / P(Y ≥ y) of a negative-binomial count (mean μ,
 * dispersion α, Var = μ + αμ²; α = 0 is the Poisson), computed one value after another — h(0),
 * h(1), … — and not kept: what a hazard chain drawn from once needs (a cell whose mean is new in
 * every trial), with nothing allocated per value. `CountHazards` keeps the same values in a table;
 * both compute them with this code, so a table and a walk give the same h(y) to the last bit.
 * Reusable: `start` begins a new count law.
 *
 * Formula in words: P(Y = 0) from the accurate (saddle-point) pmf, then the ratio recurrence
 * f(y) = f(y − 1)·(y − 1 + r)/y·μ/(r + μ) (r = 1/α; Poisson: ·μ/y); P(Y ≥ y) as 1 − P(Y < y) while
 * that loses under two digits, then from the accurate upper-tail series, re-anchored on the series
 * whenever the running difference has fallen a hundredfold. A mean of 0 has h(y) = 1; where the
 * probabilities underflow (beyond about 1e-300) h(y) = 1 (everyone left stops there).
 * Reference: L. Devroye, Non-Uniform Random Variate Generation (1986), §XI.1 (the conditional
 * distribution method); C. Loader (2000) for the pmf.
 *
 * @example walk.start(1.2, 0); walk.next() → e^−1.2 = 0.30119; walk.next() → 0.36143 / 0.69881 = 0.51721
 */
export class CountHazardWalk {
  private mean = 0;
  private dispersion = 0;
  /** The value whose hazard `next` gives. */
  private y = 0;
  /** P(Y < y). */
  private below = 0;
  /** P(Y ≥ y), tracked once the subtraction would lose digits (NaN before). */
  private survival = Number.NaN;
  private anchor = Number.NaN;
  /** P(Y = y − 1), for the ratio recurrence. */
  private previous = Number.NaN;

  /** Begins the hazards of the count with this mean and dispersion (both finite and ≥ 0) at y = 0. */
  start(mean: number, dispersion: number): void {
    if (!(mean >= 0 && mean < Infinity) || !(dispersion >= 0 && dispersion < Infinity)) {
      throw new RangeError(`a count's mean and dispersion must be finite and ≥ 0 (got ${mean}, ${dispersion})`);
    }
    this.mean = mean;
    this.dispersion = dispersion;
    this.y = 0;
    this.below = 0;
    this.survival = Number.NaN;
    this.anchor = Number.NaN;
    this.previous = Number.NaN;
  }

  /** h(y) for the next value y (0 first). */
  next(): number {
    const y = this.y++;
    if (this.mean === 0) return 1;
    // f(y) = f(y − 1)·(y − 1 + r)/y·q (Poisson: ·μ/y), exact to rounding; the accurate pmf where the
    // previous term is too small to carry digits.
    const probability =
      y > 0 && this.previous > 1e-280
        ? this.previous *
          (this.dispersion > 0
            ? ((y - 1 + 1 / this.dispersion) / y) * (this.mean / (1 / this.dispersion + this.mean))
            : this.mean / y)
        : negativeBinomialPmf(y, this.mean, this.dispersion);
    this.previous = probability;
    let atLeast: number;
    if (Number.isNaN(this.survival) && this.below <= SUBTRACT_UNTIL) {
      atLeast = 1 - this.below;
      this.below += probability;
    } else {
      if (Number.isNaN(this.survival) || this.survival < REANCHOR_FACTOR * this.anchor) {
        this.survival = negativeBinomialSurvival(y - 1, this.mean, this.dispersion);
        this.anchor = this.survival;
      }
      atLeast = this.survival;
      this.survival -= probability;
    }
    if (!(probability > 0) || !(atLeast > probability)) return 1;
    return probability / atLeast;
  }
}
