import { normalQuantile } from '../../distributions/normal.js';
import type { EfficacyBoundaries } from './classic-boundaries.js';
import { continuationRegion } from './continuation-region.js';
import { efficacyCrossing } from './efficacy-crossing.js';
import { findRoot } from '../../numerics/find-root.js';
import { gridResolution } from './grid-resolution.js';
import { advanceLookDensity, type LookDensity } from './look-density.js';
import type { SpendingFunction } from './sequential-design.js';
import { spentProbability } from './spending-function.js';

/** Tolerance of each boundary in z, far below the grid's own error. */
const BOUNDARY_TOLERANCE = 1e-11;
/** A one-sided boundary this low crosses everything still going (the grid reaches mean ± 15). */
const LOWEST_ONE_SIDED = -20;
/** Beyond this the crossing probability is below 1e-300: treat the look as spending nothing. */
const FARTHEST = 40;

/**
 * Lan–DeMets α-spending efficacy boundaries: look k spends the increase of the spending function
 * since the previous look.
 *
 * Formula in words: with s sides, the cumulative α to spend by t is f(t) for one side and
 * 2·f(t) with total α/2 for two (see `spentProbability`). At the first look
 * b_1 = Φ⁻¹(1 − f(t_1)/s). At look k, b_k solves P₀(no crossing before k, Z_k crosses b_k) =
 * spend(t_k) − spend(t_{k−1}); the left side falls as b_k rises and is at most s·Φ(−b_k) (the
 * marginal tail), so the root lies between 0 (two-sided) or −20 (one-sided) and Φ⁻¹(1 − Δ/s), and
 * Brent's method finds it (stepping the upper end out if the grid's rounding puts it a hair
 * inside). A look that spends nothing has b_k = Infinity (no stop possible).
 * Reference: Lan & DeMets (1983) Biometrika 70:659–663; Jennison & Turnbull (2000) ch. 7.
 *
 * @example computeSpendingBoundaries([1/3, 2/3, 1], 0.025, 1, { family: 'obrien-fleming' })
 *   .efficacyZ // ≈ [3.7103, 2.5114, 1.9930] (rpact "asOF")
 */
export function computeSpendingBoundaries(
  fractions: readonly number[],
  alpha: number,
  sides: 1 | 2,
  spending: SpendingFunction,
): EfficacyBoundaries {
  const cumulative = (t: number): number =>
    sides === 1 ? spentProbability(spending, alpha, t) : 2 * spentProbability(spending, alpha / 2, t);
  const efficacyZ: number[] = [];
  const alphaSpent: number[] = [];
  let spent = 0;
  let previous: LookDensity | null = null;
  for (let k = 0; k < fractions.length; k++) {
    const t = fractions[k];
    const toSpend = cumulative(t) - spent;
    let boundary: number;
    if (!(toSpend > 0)) boundary = Infinity;
    else if (previous === null) boundary = -normalQuantile(toSpend / sides);
    else {
      const density: LookDensity = previous;
      const excess = (b: number): number => efficacyCrossing(density, t, 0, sides, b) - toSpend;
      // The marginal bound is exact only for exact integrals: where the spending is tiny the
      // grid's small relative error can put the computed crossing above it, so step out further.
      let highest = -normalQuantile(toSpend / sides);
      while (excess(highest) > 0 && highest < FARTHEST) highest += 1;
      boundary =
        excess(highest) > 0
          ? Infinity
          : findRoot(excess, sides === 1 ? LOWEST_ONE_SIDED : 0, highest, BOUNDARY_TOLERANCE);
    }
    spent += efficacyCrossing(previous, t, 0, sides, boundary);
    efficacyZ.push(boundary);
    alphaSpent.push(spent);
    if (k + 1 < fractions.length) {
      const region = continuationRegion(sides, boundary, -Infinity);
      previous = advanceLookDensity(previous, t, 0, region, gridResolution(t, fractions[k + 1]));
    }
  }
  return { efficacyZ, alphaSpent };
}
