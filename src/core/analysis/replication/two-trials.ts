import { normalCdf, normalQuantile } from '../../distributions/normal.js';
import type { OriginalEstimate } from '../../inquiry/original-result.js';
import {
  originalDirection,
  usableStandardError,
  type ReplicationJudge,
  type ReplicationSettings,
} from './replication-criterion.js';

/**
 * The two-trials rule: the original and the replication are each significant one-sided at the
 * level, in the same direction — the regulators' classic requirement of two pivotal trials.
 *
 * Formula in words: with d the original's direction, p_o = Φ(−|θ_o|/σ_o) and
 * p_r = Φ(−d·θ_r/σ_r); the statistic is max(p_o, p_r), and success is max(p_o, p_r) ≤ level.
 * Reference: Held (2020), JRSS A 183:431, §2.
 *
 * @example
 * twoTrialsPValue({ logEstimate: -0.5, standardError: 0.25 }, -0.3, 0.1)
 * // max(Φ(−2), Φ(−3)) = Φ(−2) ≈ 0.0227501 (R: pnorm(-2))
 */
export function twoTrialsPValue(
  original: OriginalEstimate,
  replicationLogEstimate: number,
  replicationStandardError: number,
): number {
  if (!usableStandardError(replicationStandardError)) return Number.NaN;
  const direction = originalDirection(original.logEstimate);
  const originalP = normalCdf(-Math.abs(original.logEstimate) / original.standardError);
  const replicationP = normalCdf((-direction * replicationLogEstimate) / replicationStandardError);
  return Math.max(originalP, replicationP);
}

/**
 * Prepares the two-trials criterion for one original (see {@link twoTrialsPValue}): an original
 * that was not significant can never succeed.
 *
 * @example
 * prepareTwoTrials({ logEstimate: -0.3, standardError: 0.2 }, settings).succeeds(-1, 0.1) // false: z_o = 1.5
 */
export function prepareTwoTrials(
  original: OriginalEstimate,
  settings: Pick<ReplicationSettings, 'level'>,
): ReplicationJudge {
  const direction = originalDirection(original.logEstimate);
  const critical = normalQuantile(1 - settings.level);
  // Within rounding: an original read as just significant (p: significant, z_o = Φ⁻¹(0.975) up to
  // the last bits of log and division) is significant at the level 0.025, as the report says.
  const originalSignificant = Math.abs(original.logEstimate) / original.standardError >= critical * (1 - 1e-12);
  return {
    criterion: 'two-trials',
    statistic: (estimate, standardError) => twoTrialsPValue(original, estimate, standardError),
    succeeds: (estimate, standardError) =>
      originalSignificant && usableStandardError(standardError) && (direction * estimate) / standardError >= critical,
  };
}
