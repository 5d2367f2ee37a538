import { normalCdf, normalQuantile } from '../../distributions/normal.js';
import type { OriginalEstimate } from '../../inquiry/original-result.js';
import { usableStandardError, type ReplicationJudge, type ReplicationSettings } from './replication-criterion.js';

/**
 * Agreement of effect sizes: does the replication estimate fall inside the prediction interval
 * the original gives for it — equivalently, is the original inside the replication's interval of
 * the same width? The statistic is the two-sided p-value of the difference θ_r − θ_o (the Q test
 * of two studies); success is p ≥ 1 − coverage. This criterion is not about direction: a
 * replication that finds a *larger* effect than the original can fail it.
 *
 * Formula in words: the difference's standard error is S = √(σ_o² + σ_r² + 2τ²) (each study
 * deviating from the overall effect by τ); p = 2Φ(−|θ_r − θ_o|/S); success when
 * |θ_r − θ_o| ≤ Φ⁻¹((1 + coverage)/2)·S, i.e. θ_r ∈ θ_o ± 1.96·S at 95%.
 * Reference: Patil, Peng & Leek (2016), Perspect Psychol Sci 11:539 (τ = 0); the τ term as in R
 * ReplicationSuccess's predictionInterval(designPrior = "predictive") and Qtest.
 *
 * @example
 * predictionIntervalPValue({ logEstimate: -0.5, standardError: 0.2 }, -0.1, 0.1, 0)
 * // |0.4|/√0.05 = 1.788854 → 2Φ(−1.788854) ≈ 0.0736382 (R: Qtest(-0.5, -0.1, 0.2, 0.1))
 */
export function predictionIntervalPValue(
  original: OriginalEstimate,
  replicationLogEstimate: number,
  replicationStandardError: number,
  heterogeneity: number,
): number {
  if (!usableStandardError(replicationStandardError)) return Number.NaN;
  const differenceVariance =
    original.standardError * original.standardError +
    replicationStandardError * replicationStandardError +
    2 * heterogeneity * heterogeneity;
  return 2 * normalCdf(-Math.abs(replicationLogEstimate - original.logEstimate) / Math.sqrt(differenceVariance));
}

/**
 * Prepares the prediction-interval criterion for one original (see {@link predictionIntervalPValue}).
 *
 * @example
 * preparePredictionInterval({ logEstimate: -0.5, standardError: 0.2 }, settings).succeeds(-0.1, 0.1)
 * // true at 95%: |−0.1 − (−0.5)| = 0.4 ≤ 1.959964·√0.05 ≈ 0.438261
 */
export function preparePredictionInterval(
  original: OriginalEstimate,
  settings: Pick<ReplicationSettings, 'heterogeneity' | 'predictionCoverage'>,
): ReplicationJudge {
  const halfWidthInSe = normalQuantile((1 + settings.predictionCoverage) / 2);
  const fixedVariance =
    original.standardError * original.standardError + 2 * settings.heterogeneity * settings.heterogeneity;
  return {
    criterion: 'prediction-interval',
    statistic: (estimate, standardError) =>
      predictionIntervalPValue(original, estimate, standardError, settings.heterogeneity),
    succeeds(estimate, standardError) {
      if (!usableStandardError(standardError)) return false;
      const difference = estimate - original.logEstimate;
      return difference * difference <= halfWidthInSe * halfWidthInSe * (fixedVariance + standardError * standardError);
    },
  };
}
