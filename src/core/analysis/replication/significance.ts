import { normalCdf, normalQuantile } from '../../distributions/normal.js';
import type { OriginalEstimate } from '../../inquiry/original-result.js';
import {
  originalDirection,
  usableStandardError,
  type ReplicationJudge,
  type ReplicationSettings,
} from './replication-criterion.js';

/**
 * The replication's one-sided p-value in the original's direction: the weakest criterion, which
 * ignores what the original found except its sign.
 *
 * Formula in words: with d = the original's direction (±1), p_r = Φ(−d·θ_r/σ_r); the
 * replication succeeds when p_r ≤ level, i.e. d·θ_r/σ_r ≥ Φ⁻¹(1 − level).
 * Reference: Held (2020), JRSS A 183:431, §2 ("significance of the replication").
 *
 * @example
 * significancePValue(-0.5, -0.3, 0.1) // Φ(−3) ≈ 0.0013499 (R: pnorm(-3))
 */
export function significancePValue(
  originalLogEstimate: number,
  replicationLogEstimate: number,
  replicationStandardError: number,
): number {
  if (!usableStandardError(replicationStandardError)) return Number.NaN;
  return normalCdf((-originalDirection(originalLogEstimate) * replicationLogEstimate) / replicationStandardError);
}

/**
 * Prepares the significance criterion for one original (see {@link significancePValue}).
 *
 * @example
 * prepareSignificance({ logEstimate: -0.5, standardError: 0.2 }, settings).succeeds(-0.3, 0.1) // true at 0.025
 */
export function prepareSignificance(
  original: OriginalEstimate,
  settings: Pick<ReplicationSettings, 'level'>,
): ReplicationJudge {
  const direction = originalDirection(original.logEstimate);
  const critical = normalQuantile(1 - settings.level);
  return {
    criterion: 'significance',
    statistic: (estimate, standardError) => significancePValue(original.logEstimate, estimate, standardError),
    succeeds: (estimate, standardError) =>
      usableStandardError(standardError) && (direction * estimate) / standardError >= critical,
  };
}
