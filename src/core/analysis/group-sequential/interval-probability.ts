import { normalCdf } from '../../distributions/normal.js';
import type { LookDensity } from './look-density.js';

/**
 * P(no stop before look k, lower < Z_k < upper), given the previous look's sub-density (null
 * at the first look), under drift θ = E[Z_K].
 *
 * Formula in words: at the first look Φ(upper − θ√t) − Φ(lower − θ√t). Later, with
 * Δ = t_k − t_{k−1}, the sum over the previous grid of weight·g_{k−1}(u) times the conditional
 * probability Φ((upper·√t_k − u√t_{k−1} − θΔ)/√Δ) − Φ((lower·√t_k − u√t_{k−1} − θΔ)/√Δ).
 * Each normal probability is taken from the nearer tail, so probabilities far out in either tail
 * keep their relative precision (a boundary that spends 1e-9 is still found exactly).
 * Reference: Jennison & Turnbull (2000) ch. 19.
 *
 * @example probabilityInInterval(null, 1, 0, 1.959963984540054, Infinity) // ≈ 0.025
 */
export function probabilityInInterval(
  previous: LookDensity | null,
  fraction: number,
  drift: number,
  lower: number,
  upper: number,
): number {
  if (!(upper > lower)) return 0;
  if (previous === null) {
    const mean = drift * Math.sqrt(fraction);
    return normalBetween(lower - mean, upper - mean);
  }
  const increment = fraction - previous.fraction;
  const rootIncrement = Math.sqrt(increment);
  const rootFraction = Math.sqrt(fraction);
  const rootPrevious = Math.sqrt(previous.fraction);
  const driftStep = drift * increment;
  let sum = 0;
  for (let j = 0; j < previous.points.length; j++) {
    const centre = previous.points[j] * rootPrevious + driftStep;
    sum +=
      previous.weightedDensity[j] *
      normalBetween((lower * rootFraction - centre) / rootIncrement, (upper * rootFraction - centre) / rootIncrement);
  }
  return sum;
}

/** Φ(b) − Φ(a) for a < b, from whichever tail keeps the precision. */
function normalBetween(a: number, b: number): number {
  if (a > 0) return normalCdf(-a) - normalCdf(-b);
  return normalCdf(b) - normalCdf(a);
}
