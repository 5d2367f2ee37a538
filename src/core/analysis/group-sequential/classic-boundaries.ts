import { normalQuantile } from '../../distributions/normal.js';
import { continuationRegion } from './continuation-region.js';
import { efficacyCrossing } from './efficacy-crossing.js';
import { findRoot } from '../../numerics/find-root.js';
import { gridResolution } from './grid-resolution.js';
import { advanceLookDensity, type LookDensity } from './look-density.js';

/** Tolerance of the boundary constant c, far below the grid's own error. */
const CONSTANT_TOLERANCE = 1e-11;

/** Efficacy boundaries and the type I error spent by each look. */
export interface EfficacyBoundaries {
  readonly efficacyZ: readonly number[];
  /** Cumulative probability, under H0, of having crossed by each look. */
  readonly alphaSpent: readonly number[];
}

/**
 * The classic O'Brien–Fleming (b_k = c/√t_k) or Pocock (b_k = c) efficacy boundaries, with the
 * constant c that makes the total probability of crossing under H0 equal to α.
 *
 * Formula in words: the crossing probability under H0 falls as c rises, so c is the root of
 * P₀(cross at some look; c) = α, found by Brent's method between the fixed-sample critical value
 * Φ⁻¹(1 − α/s) (where the last look alone already spends α) and Φ⁻¹(1 − α/(sK)) (where even the
 * Bonferroni sum of the K looks cannot reach α), for s sides and K looks. Each evaluation walks the
 * looks with `advanceLookDensity`. Two-sided designs use ±b_k with total α (α/2 each side).
 * Reference: O'Brien & Fleming (1979) Biometrics 35:549–556; Pocock (1977) Biometrika 64:191–199;
 * Jennison & Turnbull (2000) Tables 2.1, 2.3 (they are tabulated for equal looks).
 *
 * @example computeClassicBoundaries([1/3, 2/3, 1], 0.025, 1, 'obrien-fleming').efficacyZ
 *   // ≈ [3.4711, 2.4544, 2.0040] (Jennison & Turnbull Table 2.3; rpact "OF")
 */
export function computeClassicBoundaries(
  fractions: readonly number[],
  alpha: number,
  sides: 1 | 2,
  shape: 'obrien-fleming' | 'pocock',
): EfficacyBoundaries {
  const boundariesFor = (constant: number): number[] =>
    fractions.map((t) => (shape === 'obrien-fleming' ? constant / Math.sqrt(t) : constant));
  const lowest = -normalQuantile(alpha / sides);
  const highest = -normalQuantile(alpha / (sides * fractions.length));
  const constant =
    fractions.length === 1
      ? lowest
      : findRoot(
          (c) => cumulativeCrossing(fractions, sides, boundariesFor(c)).at(-1)! - alpha,
          lowest,
          highest,
          CONSTANT_TOLERANCE,
        );
  const efficacyZ = boundariesFor(constant);
  return { efficacyZ, alphaSpent: cumulativeCrossing(fractions, sides, efficacyZ) };
}

/** Cumulative P₀(crossed by look k) for the given boundaries. */
function cumulativeCrossing(fractions: readonly number[], sides: 1 | 2, efficacyZ: readonly number[]): number[] {
  const spent: number[] = [];
  let total = 0;
  let previous: LookDensity | null = null;
  for (let k = 0; k < fractions.length; k++) {
    total += efficacyCrossing(previous, fractions[k], 0, sides, efficacyZ[k]);
    spent.push(total);
    if (k + 1 < fractions.length) {
      const region = continuationRegion(sides, efficacyZ[k], -Infinity);
      previous = advanceLookDensity(previous, fractions[k], 0, region, gridResolution(fractions[k], fractions[k + 1]));
    }
  }
  return spent;
}
