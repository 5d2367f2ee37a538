import { normalQuantile } from '../../distributions/normal.js';
import { computeExitProbabilities } from './exit-probabilities.js';
import { findRoot } from './find-root.js';
import type { SequentialBoundaries } from './sequential-design.js';

/** Tolerance of the drift, far below the grid's own error. */
const DRIFT_TOLERANCE = 1e-10;

/** How much more information a sequential design needs than a fixed one for the same power. */
export interface InformationInflation {
  /** Drift θ = E[Z_K] at which the sequential design has the power asked for. */
  readonly drift: number;
  /** Drift of the fixed-sample test with the same α and power: Φ⁻¹(1 − α/s) + Φ⁻¹(power). */
  readonly fixedDrift: number;
  /** (θ / θ_fixed)²: the maximum information (people) as a multiple of the fixed design's. */
  readonly inflationFactor: number;
}

/**
 * The maximum-information inflation factor of a group-sequential design for a target power, so a
 * sample-size search can start from the fixed design's size times this factor.
 *
 * Formula in words: information is proportional to people and the drift to the square root of
 * information, so the factor is (θ/θ_fixed)², where θ_fixed = Φ⁻¹(1 − α/s) + Φ⁻¹(power) for s
 * sides and θ solves P_θ(reject with an upper crossing) = power. That power rises with θ, so
 * Brent's method finds θ in a bracket that starts at [0.9·θ_fixed, 2·θ_fixed] (a sequential design
 * rarely needs less drift than the fixed test) and widens until it straddles the target.
 * Two-sided power counts the upper side only (rpact's default, twoSidedPower = FALSE). With
 * futility boundaries the drift is the design's own (its futility boundaries were computed under
 * it), so only power = 1 − β may be asked for.
 * Reference: Jennison & Turnbull (2000) §2.6 and Tables 2.2, 2.4; rpact getDesignCharacteristics
 * (inflationFactor, shift = θ²).
 *
 * @example maximumInformationInflation(classic O'Brien–Fleming, 3 looks, α 0.025, 1 side), 0.8)
 *   .inflationFactor // ≈ 1.0225 (Jennison & Turnbull Table 2.4: R = 1.022)
 */
export function maximumInformationInflation(boundaries: SequentialBoundaries, power: number): InformationInflation {
  const fixedDrift = -normalQuantile(boundaries.alpha / boundaries.sides) + normalQuantile(power);
  let drift: number;
  if (boundaries.futility !== null) {
    if (Math.abs(power - (1 - boundaries.futility.beta)) > 1e-12) {
      throw new Error(
        `maximumInformationInflation: a design with futility boundaries has power ${1 - boundaries.futility.beta}, not ${power}`,
      );
    }
    drift = boundaries.futility.drift;
  } else {
    const shortfall = (theta: number): number => computeExitProbabilities(boundaries, theta).rejectUpper - power;
    let lower = 0.9 * fixedDrift;
    while (shortfall(lower) > 0) lower /= 2;
    let upper = 2 * fixedDrift;
    while (shortfall(upper) < 0) upper *= 2;
    drift = findRoot(shortfall, lower, upper, DRIFT_TOLERANCE);
  }
  return { drift, fixedDrift, inflationFactor: (drift / fixedDrift) ** 2 };
}
