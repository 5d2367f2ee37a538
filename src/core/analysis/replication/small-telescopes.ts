import { normalCdf, normalQuantile } from '../../distributions/normal.js';
import { findRoot } from '../../numerics/find-root.js';
import type { OriginalEstimate } from '../../inquiry/original-result.js';
import {
  originalDirection,
  usableStandardError,
  type ReplicationJudge,
  type ReplicationSettings,
} from './replication-criterion.js';

/**
 * Simonsohn's d33 on the log-ratio scale: the size of effect (in the original's direction, as a
 * positive distance from no effect) that the original study had only a given power — a third — to
 * detect with its two-sided test.
 *
 * Formula in words: with z = Φ⁻¹(1 − α/2), solve Φ(d/σ_o − z) + Φ(−d/σ_o − z) = power for d ≥ 0
 * (both rejection regions of the two-sided test; the second adds about 2e-4 at a third). At
 * power 1/3 and α 0.05, d33 ≈ 1.528569·σ_o.
 * Reference: Simonsohn (2015), "Small telescopes: detectability and the evaluation of replication
 * results", Psychological Science 26:559.
 *
 * @param originalStandardError σ_o
 * @param power the original's power at d (default 1/3)
 * @param alpha the original test's two-sided level (default 0.05)
 * @example smallTelescopeEffect(1) // ≈ 1.528569 (R: uniroot(function(d) pnorm(d - qnorm(.975)) + pnorm(-d - qnorm(.975)) - 1/3, c(0, 5), tol = 1e-12)$root)
 */
export function smallTelescopeEffect(originalStandardError: number, power = 1 / 3, alpha = 0.05): number {
  const z = normalQuantile(1 - alpha / 2);
  const powerAt = (d: number): number => normalCdf(d - z) + normalCdf(-d - z) - power;
  // Power rises from α at d = 0 (below any power asked for) past `power` by d = z + Φ⁻¹(power) + 1.
  const upper = Math.max(z + normalQuantile(power), 0) + 1;
  return originalStandardError * findRoot(powerAt, 0, upper, 1e-14);
}

/**
 * The one-sided p-value of the replication against d33: small when the replication's estimate
 * is significantly closer to no effect than d33, i.e. when its one-sided upper bound rules d33
 * out. Ruling d33 out is Simonsohn's informative *failure* (the original could not have seen an
 * effect this small), so the replication succeeds by this criterion when p > level (d33 not ruled out).
 *
 * Formula in words: with d the original's direction, p = Φ((d·θ_r − d33)/σ_r); success when
 * p ≥ telescopeLevel, i.e. d·θ_r + Φ⁻¹(1 − telescopeLevel)·σ_r ≥ d33 (Simonsohn: the upper end
 * of the replication's 90% interval is not below d33).
 * Reference: as {@link smallTelescopeEffect}.
 *
 * @example
 * smallTelescopesPValue({ logEstimate: -0.5, standardError: 0.2 }, -0.1, 0.1, 1 / 3, 0.05)
 * // d33 = 0.3057137, p = Φ((0.1 − 0.3057137)/0.1) ≈ 0.0198365 → d33 ruled out: failure at 0.05
 */
export function smallTelescopesPValue(
  original: OriginalEstimate,
  replicationLogEstimate: number,
  replicationStandardError: number,
  power = 1 / 3,
  alpha = 0.05,
): number {
  if (!usableStandardError(replicationStandardError)) return Number.NaN;
  const d33 = smallTelescopeEffect(original.standardError, power, alpha);
  const direction = originalDirection(original.logEstimate);
  return normalCdf((direction * replicationLogEstimate - d33) / replicationStandardError);
}

/**
 * Prepares the small-telescopes criterion for one original (see {@link smallTelescopesPValue});
 * d33 is found once here.
 *
 * @example
 * // θ_o −0.5, σ_o 0.2: d33 = 0.3057137; a replication with σ̂_r 0.1 succeeds when θ_r ≤ −0.141228
 */
export function prepareSmallTelescopes(
  original: OriginalEstimate,
  settings: Pick<ReplicationSettings, 'telescopePower' | 'telescopeAlpha' | 'telescopeLevel'>,
): ReplicationJudge {
  const direction = originalDirection(original.logEstimate);
  const d33 = smallTelescopeEffect(original.standardError, settings.telescopePower, settings.telescopeAlpha);
  const bound = normalQuantile(1 - settings.telescopeLevel);
  return {
    criterion: 'small-telescopes',
    statistic: (estimate, standardError) =>
      usableStandardError(standardError) ? normalCdf((direction * estimate - d33) / standardError) : Number.NaN,
    succeeds: (estimate, standardError) =>
      usableStandardError(standardError) && direction * estimate + bound * standardError >= d33,
  };
}
