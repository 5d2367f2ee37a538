import { binomialStep, type BinomialStep } from '../distributions/binomial-step.js';
import { negativeBinomialSurvival } from '../distributions/negative-binomial-probability.js';
import { CountHazardWalk } from './count-hazard-walk.js';

// Hazards computed ahead when a table is built for a whole design (see `eagerHazards`).
const EAGER_TAIL = 1e-17;
// How often (in values) building such a table checks whether the tail is below EAGER_TAIL yet.
const EAGER_CHECK_EVERY = 8;

/**
 * The chain-rule hazards h(y) = P(Y = y) / P(Y ≥ y) of a negative-binomial count (mean μ,
 * dispersion α, Var = μ + αμ²; α = 0 is the Poisson), computed when first asked for and kept.
 * They are the conditional probabilities that turn a multinomial over the whole, infinite
 * support into a chain of binomials with no truncation: of the n people left at value y,
 * Binomial(n, h(y)) have exactly y and the rest have more (see `drawCountHistogram`).
 *
 * Why no tail cell: a fixed last cell "≥ K" would need its people's values drawn again from the
 * conditional tail; the hazard chain is that conditional tail, continued one value at a time until
 * nobody is left, so the same code is exact at every value however far out. Tables built for a
 * whole design (`eagerHazards`) hold every value at least up to where P(Y ≥ y) < 1e-17; past that the
 * hazards are computed on demand (slower, and reached with probability below n·1e-17 per cell).
 *
 * Formula in words: P(Y = 0) from the accurate (saddle-point) pmf, then the ratio recurrence
 * f(y) = f(y − 1)·(y − 1 + r)/y·μ/(r + μ) (r = 1/α; Poisson: ·μ/y); P(Y ≥ y) as 1 − P(Y < y) while
 * that loses under two digits, then from the accurate upper-tail series, re-anchored on the series
 * whenever the running difference has fallen a hundredfold. A mean of 0 has h(0) = 1.
 * Reference: L. Devroye, Non-Uniform Random Variate Generation (1986), §XI.1 (the conditional
 * distribution method); C. Loader (2000) for the pmf.
 *
 * @example new CountHazards(1.2, 0).hazard(0) → e^−1.2 = 0.30119 (a Poisson's P(Y = 0));
 *   hazard(1) → P(1)/P(Y ≥ 1) = 0.36143 / 0.69881 = 0.51721
 */
export class CountHazards {
  // Plain arrays: many short-lived tables are built per trial where multipliers vary, and a typed
  // array costs more to allocate than its few entries are worth.
  private readonly values: number[] = [];
  private readonly steps: BinomialStep[] = [];
  private readonly walk = new CountHazardWalk();

  constructor(
    readonly mean: number,
    readonly dispersion: number,
  ) {
    this.walk.start(mean, dispersion);
  }

  /** h(y) for a whole y ≥ 0. */
  hazard(y: number): number {
    while (y >= this.values.length) this.extend();
    return this.values[y];
  }

  /** h(y) prepared for repeated binomial draws (see `drawBinomialStep`). */
  step(y: number): BinomialStep {
    while (y >= this.values.length) this.extend();
    return this.steps[y];
  }

  /** How many hazards are stored (values 0 … stored − 1). */
  get stored(): number {
    return this.values.length;
  }

  private extend(): void {
    const hazard = this.walk.next();
    this.values.push(hazard);
    this.steps.push(binomialStep(hazard));
  }
}

/**
 * Hazards of a count built ahead for a whole design: every value up to where P(Y ≥ y) < 1e-17 (and
 * up to 7 more, the tail being checked every 8 values), so drawing from it never computes anything
 * in practice.
 *
 * @example eagerHazards(1.2, 1.25).stored → about 80 (NB shape 0.8: the tail falls by 0.6 per value)
 */
export function eagerHazards(mean: number, dispersion: number): CountHazards {
  const hazards = new CountHazards(mean, dispersion);
  if (mean === 0) return hazards;
  for (let y = 0; y < 100_000; y++) {
    hazards.hazard(y);
    // The tail is checked every few values only: each check is an incomplete beta function, the
    // whole cost of a table built in a freshly started worker, while a hazard past the mark costs
    // one multiplication and changes no draw (tables give the same h(y) however far they reach).
    if (y % EAGER_CHECK_EVERY === EAGER_CHECK_EVERY - 1 && negativeBinomialSurvival(y, mean, dispersion) < EAGER_TAIL)
      break;
  }
  return hazards;
}
