import { normalCdf, normalQuantile } from '../../distributions/normal.js';
import type { OriginalEstimate } from '../../inquiry/original-result.js';
import {
  originalDirection,
  usableStandardError,
  type ReplicationJudge,
  type ReplicationSettings,
} from './replication-criterion.js';

/**
 * The one-sided p-value, in the original's direction, of the inverse-variance (fixed-effect)
 * meta-analysis of the original and the replication. With a heterogeneity τ, τ² is added to
 * each study's variance (the weights of a random-effects meta-analysis with τ known), which
 * widens the pooled interval.
 *
 * Formula in words: weights w_o = 1/(σ_o² + τ²), w_r = 1/(σ_r² + τ²); pooled estimate
 * θ_m = (w_o·θ_o + w_r·θ_r)/(w_o + w_r) with standard error 1/√(w_o + w_r); with d the original's
 * direction, p_m = Φ(−d·θ_m·√(w_o + w_r)); success when p_m ≤ level.
 * Reference: Borenstein, Hedges, Higgins & Rothstein, Introduction to Meta-Analysis (2009),
 * ch. 11 and 12; Held (2020), JRSS A 183:431, §2 (meta-analysis as a replication criterion).
 *
 * @example
 * metaAnalysisPValue({ logEstimate: -0.5, standardError: 0.2 }, -0.2, 0.1, 0)
 * // w 25 and 100: θ_m = −0.26, SE 0.0894427 → Φ(−2.906888) ≈ 0.0018253 (R: pnorm(-0.26/sqrt(1/125)))
 */
export function metaAnalysisPValue(
  original: OriginalEstimate,
  replicationLogEstimate: number,
  replicationStandardError: number,
  heterogeneity: number,
): number {
  if (!usableStandardError(replicationStandardError)) return Number.NaN;
  const tauSquared = heterogeneity * heterogeneity;
  const originalWeight = 1 / (original.standardError * original.standardError + tauSquared);
  const replicationWeight = 1 / (replicationStandardError * replicationStandardError + tauSquared);
  const weightedSum = originalWeight * original.logEstimate + replicationWeight * replicationLogEstimate;
  const z = weightedSum / Math.sqrt(originalWeight + replicationWeight);
  return normalCdf(-originalDirection(original.logEstimate) * z);
}

/**
 * Prepares the meta-analysis criterion for one original (see {@link metaAnalysisPValue}).
 *
 * @example
 * prepareMetaAnalysis({ logEstimate: -0.5, standardError: 0.2 }, settings).succeeds(-0.2, 0.1) // true at 0.025
 */
export function prepareMetaAnalysis(
  original: OriginalEstimate,
  settings: Pick<ReplicationSettings, 'level' | 'heterogeneity'>,
): ReplicationJudge {
  const direction = originalDirection(original.logEstimate);
  const critical = normalQuantile(1 - settings.level);
  const tauSquared = settings.heterogeneity * settings.heterogeneity;
  const originalWeight = 1 / (original.standardError * original.standardError + tauSquared);
  const originalWeighted = originalWeight * original.logEstimate;
  return {
    criterion: 'meta-analysis',
    statistic: (estimate, standardError) =>
      metaAnalysisPValue(original, estimate, standardError, settings.heterogeneity),
    succeeds(estimate, standardError) {
      if (!usableStandardError(standardError)) return false;
      const replicationWeight = 1 / (standardError * standardError + tauSquared);
      const z = (originalWeighted + replicationWeight * estimate) / Math.sqrt(originalWeight + replicationWeight);
      return direction * z >= critical;
    },
  };
}
