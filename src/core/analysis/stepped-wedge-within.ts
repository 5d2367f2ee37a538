import type { AnalysisPlan } from '../design.js';
import { failedResult, type AnalysisResult } from './analysis-result.js';
import { clusterPeriodLogMeans, fitWithinCluster, treatmentIndicator, type ClusterPeriods } from './cluster-periods.js';
import { studentCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import { studentPValue } from './p-value.js';

/**
 * The cluster-period summary analysis of a stepped-wedge rollout: least squares on the
 * cluster-period log means y_ij = log((S_ij + 0.5)/n_ij) with cluster and period fixed effects and
 * the treatment indicator (`fitWithinCluster`).
 *
 * Formula in words: θ̂ = Σ x̃·ỹ / Σ x̃² (x̃, ỹ the treatment indicator and the log means with cluster
 * and period means removed), SE = √(s²/Σ x̃²) with s² the residual mean square on n − I − T
 * degrees of freedom (n present cells, I clusters, T periods); t = θ̂/SE against Student's t on
 * those degrees of freedom; interval θ̂ ± t_{df,1−α/2}·SE. The clusters are their own controls,
 * so no between-cluster variance is estimated: for a normal outcome with equal cell sizes the t test
 * is exact however few the clusters (docs/sequential-and-stepped-wedge.md §2). For counts the
 * cells' variances differ (they fall as rates rise), which the null run measures.
 * Reference: Hussey & Hughes (2007) eq. 8 as the cluster variance grows without bound
 * (`steppedWedgeWithinClusterVariance`); Thompson, Davey, Fielding, Hargreaves & Hayes (2018)
 * Stat Med 37(16) (cluster-period summaries with fixed effects in stepped-wedge trials).
 *
 * @example 4 clusters × 3 periods, crossover [1, 1, 2, 2], sums [3, 1, 2, 5, 2, 1, 4, 6, 2, 2, 3, 1],
 *   sizes [10, 10, 10, 12, 12, 12, 10, 9, 10, 11, 11, 11] → θ̂ −1.08837, SE 0.33622 on 5 df
 *   (R: lm(y ~ factor(cl) + factor(per) + x), test/core/analysis/stepped-wedge.test.ts)
 */
export function testSteppedWedgeWithin(data: ClusterPeriods | null, plan: AnalysisPlan): AnalysisResult {
  if (data === null) return failedResult('not a rollout (no cluster-periods)');
  const y = clusterPeriodLogMeans(data);
  const x = treatmentIndicator(data.crossover, data.periods, y);
  const fit = fitWithinCluster(y, x, data.clusters, data.periods);
  if (fit === null) return failedResult('no treatment contrast or no residual degree of freedom');
  if (!(fit.residualVariance > 0)) return failedResult('the cluster-period log means fit exactly');
  const standardError = Math.sqrt(fit.residualVariance / fit.treatmentSumSquares);
  return logRatioResult(
    fit.estimate,
    standardError,
    studentCriticalValue(plan.alpha, fit.df),
    studentPValue(fit.estimate / standardError, fit.df, plan.sides),
  );
}
