import { normalQuantile } from '../../distributions/normal.js';
import { continuationRegion } from './continuation-region.js';
import { findRoot } from '../../numerics/find-root.js';
import { gridResolution } from './grid-resolution.js';
import { probabilityInInterval } from './interval-probability.js';
import { advanceLookDensity, type LookDensity } from './look-density.js';
import type { FutilityBoundaries, FutilityRule } from './sequential-design.js';
import { spentProbability } from './spending-function.js';

/** Tolerance of each futility boundary and of the drift, far below the grid's own error. */
const TOLERANCE = 1e-11;
/** The grid reaches about mean ± 15: a boundary this far above the mean takes everything. */
const EVERYTHING = 40;

/**
 * Non-binding futility boundaries by β-spending, for efficacy boundaries computed ignoring them.
 *
 * Formula in words (one-sided): for a drift θ, walk the looks; at look k the futility boundary
 * a_k solves P_θ(no stop before k, Z_k ≤ a_k) = β(t_k) − (β spent so far), where β(t) is the
 * β-spending function with total β and "no stop" means staying inside (a_j, b_j) at every earlier
 * look; an interim a_k that would pass b_k is held at b_k. The last boundary a_K(θ) rises with θ,
 * and the planned drift is the θ at which a_K(θ) = b_K, found by Brent's method between 0 and
 * b_K − Φ⁻¹(β − β(t_{K−1})) + 1 (where even the last look alone leaves too little below b_K).
 * At that drift the power with futility obeyed is exactly 1 − β.
 *
 * Two-sided (stop for futility when |Z_k| < a_k), following rpact's convention: first compute the
 * one-sided futility boundaries with the same efficacy boundaries; at the interim looks where
 * those are negative there is no futility stop (a_k = 0), and the β-spending is moved to the
 * looks after them by the linear rescaling β*(t_k) = β·(β(t_k) − β(t_m))/(β − β(t_m)), t_m the
 * last look without a stop, so the whole β is still spent. Then each a_k ≥ 0 solves the
 * cumulative condition for P_θ(no stop before k, |Z_k| < a_k), and θ again makes a_K = b_K.
 * Reference: Pampallona, Tsiatis & Kim (2001) Drug Inf J 35:1113–1121; Jennison & Turnbull
 * (2000) ch. 7 (β-spending); rpact's getDesignGroupSequential (typeBetaSpending, non-binding,
 * betaAdjustment = TRUE for two-sided).
 *
 * @example computeFutilityBoundaries([1/3, 2/3, 1], 1, [3.7103, 2.5114, 1.9930],
 *   { beta: 0.2, spending: { family: 'obrien-fleming' } }) // z ≈ [−0.2361, 1.1704, 1.9930],
 *   drift ≈ 2.9441 (rpact: asOF with bsOF, α 0.025, β 0.2)
 */
export function computeFutilityBoundaries(
  fractions: readonly number[],
  sides: 1 | 2,
  efficacyZ: readonly number[],
  rule: FutilityRule,
): FutilityBoundaries {
  const target = fractions.map((t) => spentProbability(rule.spending, rule.beta, t));
  let withoutStop: boolean[] = fractions.map(() => false);
  let cumulativeTarget = target;
  if (sides === 2) {
    const oneSided = computeFutilityBoundaries(fractions, 1, efficacyZ, rule);
    withoutStop = oneSided.z.map((a, k) => k + 1 < fractions.length && a < 0);
    const firstStop = withoutStop.findIndex((none, k) => !none && k + 1 < fractions.length);
    if (firstStop > 0) {
      const before = target[firstStop - 1];
      const total = target.at(-1)!;
      cumulativeTarget = target.map((b, k) => (k < firstStop ? 0 : ((b - before) / (total - before)) * total));
    }
  }
  const boundariesAt = (drift: number): { z: number[]; betaSpent: number[] } =>
    walkFutility(fractions, sides, efficacyZ, cumulativeTarget, withoutStop, drift);
  const lastBefore = fractions.length > 1 ? cumulativeTarget.at(-2)! : 0;
  const highest = efficacyZ.at(-1)! - normalQuantile(rule.beta - lastBefore) + 1;
  const drift = findRoot((theta) => boundariesAt(theta).z.at(-1)! - efficacyZ.at(-1)!, 0, highest, TOLERANCE);
  const { z, betaSpent } = boundariesAt(drift);
  z[z.length - 1] = efficacyZ.at(-1)!;
  return { z, betaSpent, drift, beta: rule.beta };
}

/** The futility boundaries, look by look, under one drift. */
function walkFutility(
  fractions: readonly number[],
  sides: 1 | 2,
  efficacyZ: readonly number[],
  cumulativeTarget: readonly number[],
  withoutStop: readonly boolean[],
  drift: number,
): { z: number[]; betaSpent: number[] } {
  const none = sides === 1 ? -Infinity : 0;
  const z: number[] = [];
  const betaSpent: number[] = [];
  let spent = 0;
  let previous: LookDensity | null = null;
  for (let k = 0; k < fractions.length; k++) {
    const t = fractions[k];
    const last = k + 1 === fractions.length;
    const b = efficacyZ[k];
    const density = previous;
    const stopped = (a: number): number =>
      sides === 1
        ? probabilityInInterval(density, t, drift, -Infinity, a)
        : probabilityInInterval(density, t, drift, -a, a);
    const toSpend = cumulativeTarget[k] - spent;
    let boundary: number;
    if (withoutStop[k] || !(toSpend > 0)) boundary = none;
    else {
      const mean = drift * Math.sqrt(t);
      // Held at b_k before the last look (an efficacy boundary may be Infinity where nothing was
      // spent, and the grid ends near mean + 15 anyway).
      const highest = last ? mean + EVERYTHING : Math.min(b, mean + EVERYTHING);
      if (stopped(highest) <= toSpend) boundary = highest;
      else {
        // One-sided, the marginal Φ(a − mean) bounds the stopped probability, so below
        // a = mean + Φ⁻¹(toSpend) not enough has stopped (one lower, to be clear of rounding);
        // two-sided, a = 0 stops nothing.
        const lowest = sides === 1 ? mean + normalQuantile(toSpend) - 1 : 0;
        boundary = findRoot((a) => stopped(a) - toSpend, Math.min(lowest, highest), highest, TOLERANCE);
      }
    }
    spent += stopped(boundary);
    z.push(boundary);
    betaSpent.push(spent);
    if (!last) {
      const region = continuationRegion(sides, b, boundary);
      previous = advanceLookDensity(previous, t, drift, region, gridResolution(t, fractions[k + 1]));
    }
  }
  return { z, betaSpent };
}
