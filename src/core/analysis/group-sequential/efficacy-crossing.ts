import { probabilityInInterval } from './interval-probability.js';
import type { LookDensity } from './look-density.js';

/**
 * P(no stop before look k, Z_k crosses the efficacy boundary b), under drift θ = E[Z_K]: the
 * upper crossing Z_k ≥ b, plus the lower crossing Z_k ≤ −b for a two-sided design.
 *
 * Formula in words: the sum of the two tail probabilities of `probabilityInInterval`.
 * Reference: Jennison & Turnbull (2000) ch. 19.
 *
 * @example efficacyCrossing(null, 1, 0, 2, 1.959963984540054) // ≈ 0.05
 */
export function efficacyCrossing(
  previous: LookDensity | null,
  fraction: number,
  drift: number,
  sides: 1 | 2,
  efficacyZ: number,
): number {
  const upper = probabilityInInterval(previous, fraction, drift, efficacyZ, Infinity);
  return sides === 1 ? upper : upper + probabilityInInterval(previous, fraction, drift, -Infinity, -efficacyZ);
}
