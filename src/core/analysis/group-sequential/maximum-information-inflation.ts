import { normalQuantile } from '../../distributions/normal.js';
import { computeExitProbabilities } from './exit-probabilities.js';
import { findRoot } from '../../numerics/find-root.js';
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
 * Two-sided power counts the upper side only (rpact's default, twoSidedPower = FALSE). Futility
 * boundaries, if any, are held fixed and obeyed: for a one-sided design with power 1 − β this
 * gives back the drift they were computed under; for a two-sided one a slightly larger drift,
 * since there the β-spending drift spends 1 − β on rejection in either direction (rpact's
 * getDesignCharacteristics does the same).
 * Reference: Jennison & Turnbull (2000) Tables 2.2, 2.4; rpact getDesignCharacteristics
 * (inflationFactor, shift = θ²).
 *
 * The power must lie strictly between α/s (the power at no drift) and 1.
 *
 * @example maximumInformationInflation(classic O'Brien–Fleming, 3 equal looks, α 0.025, 1 side),
 *   0.8).inflationFactor // ≈ 1.01741 (rpact 1.017406; Jennison & Turnbull Table 2.4: 1.017)
 */
export function maximumInformationInflation(boundaries: SequentialBoundaries, power: number): InformationInflation {
  const fixedDrift = -normalQuantile(boundaries.alpha / boundaries.sides) + normalQuantile(power);
  const shortfall = (theta: number): number => computeExitProbabilities(boundaries, theta).rejectUpper - power;
  if (!(power > boundaries.alpha / boundaries.sides && power < 1)) {
    throw new Error(`maximumInformationInflation: power ${power} is not between α/s and 1`);
  }
  let lower = 0.9 * fixedDrift;
  while (shortfall(lower) > 0) lower /= 2;
  let upper = 2 * fixedDrift;
  for (let widenings = 0; shortfall(upper) < 0; widenings++) {
    if (widenings === 10) throw new Error(`maximumInformationInflation: power ${power} not reached by drift ${upper}`);
    upper *= 2;
  }
  const drift = findRoot(shortfall, lower, upper, DRIFT_TOLERANCE);
  return { drift, fixedDrift, inflationFactor: (drift / fixedDrift) ** 2 };
}
