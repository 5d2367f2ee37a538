import { normalCdf } from '../../distributions/normal.js';
import type { ScepticalRecalibration } from './replication-criterion.js';
import { scepticalNullTail } from './sceptical-null-tail.js';
import { scepticalZ } from './sceptical-z.js';

// √φ, φ the golden ratio.
const SQRT_GOLDEN_RATIO = Math.sqrt((1 + Math.sqrt(5)) / 2);

/**
 * The one-sided sceptical p-value, recalibrated, in the original's direction: replication
 * succeeds when it is at most the level α (0.025 by default), whatever the recalibration.
 *
 * Formula in words, with z_S = scepticalZ(z_o, z_r, c):
 * * two-sided p first: nominal 2Φ(−z_S); golden 2Φ(−√φ·z_S) (φ the golden ratio);
 *   controlled √(P(z_S² ≥ z_S,observed² | no effect)) = √(scepticalNullTail(z_S², c));
 * * then one-sided: half of it when z_o and z_r have the same sign, one minus half of it when
 *   they disagree (a replication in the wrong direction never succeeds).
 * Each recalibrated p-value is ≤ α exactly when z_S ≥ scepticalCriticalZ(α, recalibration, c).
 * Reference: Held (2020), JRSS A 183:431; Held, Micheloud & Pawel (2022), Ann Appl Stat 16:706;
 * Micheloud, Balabdaoui & Held (2023), Statistica Neerlandica, doi:10.1111/stan.12312. Matches R
 * ReplicationSuccess's pSceptical(zo, zr, c, alternative = "one.sided", type).
 *
 * @param zOriginal z_o = θ_o/σ_o
 * @param zReplication z_r = θ_r/σ_r
 * @param varianceRatio c = σ_o²/σ_r²
 * @param recalibration nominal, golden or controlled
 * @example
 * scepticalPValue(2.575829, 2.326348, 2, 'golden') // ≈ 0.0227314 (two-sided p 0.01 and 0.02;
 * // R: pSceptical(zo = p2z(0.01), zr = p2z(0.02), c = 2, type = "golden"))
 */
export function scepticalPValue(
  zOriginal: number,
  zReplication: number,
  varianceRatio: number,
  recalibration: ScepticalRecalibration,
): number {
  const z = scepticalZ(zOriginal, zReplication, varianceRatio);
  let twoSided: number;
  if (recalibration === 'nominal') twoSided = 2 * normalCdf(-z);
  else if (recalibration === 'golden') twoSided = 2 * normalCdf(-SQRT_GOLDEN_RATIO * z);
  else twoSided = Math.sqrt(scepticalNullTail(z * z, varianceRatio));
  return zOriginal > 0 === zReplication > 0 ? twoSided / 2 : 1 - twoSided / 2;
}
