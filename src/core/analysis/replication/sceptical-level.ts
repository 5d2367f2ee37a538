import { normalCdf, normalQuantile } from '../../distributions/normal.js';
import { findRoot } from '../../numerics/find-root.js';
import type { ScepticalRecalibration } from './replication-criterion.js';
import { scepticalNullTail } from './sceptical-null-tail.js';

// The golden ratio φ = (1 + √5)/2.
const GOLDEN_RATIO = (1 + Math.sqrt(5)) / 2;

/**
 * The critical sceptical z-value z_αS: replication succeeds (one-sided, in the original's
 * direction) when z_S ≥ z_αS, i.e. when the nominal one-sided sceptical p-value Φ(−z_S) is at most
 * the replication success level α_S = Φ(−z_αS) (see {@link scepticalLevel}).
 *
 * Formula in words, for the one-sided level α:
 * * nominal: z_αS = Φ⁻¹(1 − α) — the sceptical p-value compared with α itself (Held 2020);
 * * golden: z_αS = Φ⁻¹(1 − α)/√φ with φ the golden ratio — the level at which an original that
 *   was just significant at α needs a replication estimate at least as large as its own to
 *   succeed (Held, Micheloud & Pawel 2022);
 * * controlled: the z at which the one-sided type I error, P(z_S ≥ z, both estimates in the
 *   stated direction | no effect) = P(z_S² ≥ z²)/4, equals α² — the two-trials rule's overall
 *   type I error — at this variance ratio c: solves scepticalNullTail(z², c) = 4α²
 *   (Micheloud, Balabdaoui & Held 2023). Only this recalibration depends on c.
 * Reference: as above; the golden level for α = 0.025 is Φ(−1.959964/1.272020) = 0.0616793
 * (R ReplicationSuccess: levelSceptical(0.025, type = "golden") = 0.0616792793521834).
 *
 * @param level α, one-sided, in (0, 0.5)
 * @param recalibration nominal, golden or controlled
 * @param varianceRatio c = σ_o²/σ_r², used by "controlled" only
 * @example scepticalCriticalZ(0.025, 'golden', 1) // ≈ 1.540860
 */
export function scepticalCriticalZ(
  level: number,
  recalibration: ScepticalRecalibration,
  varianceRatio: number,
): number {
  const z = normalQuantile(1 - level);
  if (recalibration === 'nominal') return z;
  if (recalibration === 'golden') return z / Math.sqrt(GOLDEN_RATIO);
  const tailTarget = 4 * level * level;
  // z_S < min(|z_o|, |z_r|), so P(z_S² ≥ z²) < P(|z_o| ≥ z)·P(|z_r| ≥ z) = 4Φ(−z)², which is 4α² at
  // z = Φ⁻¹(1 − α): the root lies in [0, Φ⁻¹(1 − α)], where the tail falls from 1 to below 4α².
  return findRoot((x) => scepticalNullTail(x * x, varianceRatio) - tailTarget, 0, z, 1e-12);
}

/**
 * The replication success level α_S: the threshold for the nominal one-sided sceptical p-value
 * that a recalibration implies, Φ(−z_αS) with z_αS from {@link scepticalCriticalZ}. Matches R
 * ReplicationSuccess's levelSceptical(level, c, alternative = "one.sided", type).
 *
 * @example
 * scepticalLevel(0.025, 'controlled', 1) // ≈ 0.0653088 (mpmath: ncdf(-z), z solving erfc(sqrt(2)·z) = 4·0.025²)
 */
export function scepticalLevel(level: number, recalibration: ScepticalRecalibration, varianceRatio: number): number {
  return normalCdf(-scepticalCriticalZ(level, recalibration, varianceRatio));
}
