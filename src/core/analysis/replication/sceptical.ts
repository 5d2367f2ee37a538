import type { OriginalEstimate } from '../../inquiry/original-result.js';
import {
  originalDirection,
  usableStandardError,
  type ReplicationJudge,
  type ReplicationSettings,
} from './replication-criterion.js';
import { scepticalCriticalZ } from './sceptical-level.js';
import { scepticalPValue } from './sceptical-p-value.js';
import { scepticalZ } from './sceptical-z.js';

/**
 * Prepares the sceptical p-value criterion for one original: the replication succeeds when its
 * recalibrated one-sided sceptical p-value is at most the level. The variance ratio is the
 * trial's own, c = σ_o²/σ̂_r², from the replication's estimated standard error.
 *
 * Formula in words: statistic = scepticalPValue(θ_o/σ_o, θ_r/σ̂_r, σ_o²/σ̂_r², recalibration).
 * For "nominal" and "golden" the critical z_αS does not depend on c, so success is decided as
 * "same direction and z_S ≥ z_αS" without a normal tail; "controlled" computes the p-value (one
 * quadrature) and compares it with the level.
 * Reference: Held (2020), JRSS A 183:431; Micheloud, Balabdaoui & Held (2023), Statistica
 * Neerlandica, doi:10.1111/stan.12312.
 *
 * @example
 * // original z_o = 3 (θ_o −0.6, σ_o 0.2); replication θ_r −0.45, σ̂_r 0.15 (z_r −3, c 1.78):
 * // z_S ≈ 1.963961, golden one-sided p ≈ 0.0062413 → success at 0.025
 */
export function prepareSceptical(
  original: OriginalEstimate,
  settings: Pick<ReplicationSettings, 'level' | 'recalibration'>,
): ReplicationJudge {
  const { level, recalibration } = settings;
  const direction = originalDirection(original.logEstimate);
  const zOriginal = original.logEstimate / original.standardError;
  const originalVariance = original.standardError * original.standardError;
  // z_S < |z_o|: an original below the critical value can never be replicated (nominal, golden).
  const fixedCritical = recalibration === 'controlled' ? Number.NaN : scepticalCriticalZ(level, recalibration, 1);
  const possible = recalibration === 'controlled' || Math.abs(zOriginal) > fixedCritical;
  const statistic = (estimate: number, standardError: number): number =>
    usableStandardError(standardError)
      ? scepticalPValue(
          zOriginal,
          estimate / standardError,
          originalVariance / (standardError * standardError),
          recalibration,
        )
      : Number.NaN;
  return {
    criterion: 'sceptical',
    statistic,
    succeeds(estimate, standardError) {
      if (!possible || !usableStandardError(standardError) || direction * estimate <= 0) return false;
      if (recalibration === 'controlled') return statistic(estimate, standardError) <= level;
      const zReplication = estimate / standardError;
      if (Math.abs(zReplication) <= fixedCritical) return false;
      return scepticalZ(zOriginal, zReplication, originalVariance / (standardError * standardError)) >= fixedCritical;
    },
  };
}
