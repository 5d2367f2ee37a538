import { mean, sampleVariance } from 'simple-statistics';
import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { studentCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import type { ClusterValues } from './analysis-input.js';
import { studentPValue } from './p-value.js';

/**
 * The cluster-level summary analysis of a cluster-randomised trial: each cluster (site) is reduced
 * to the mean outcome of its analysed people (clusters with none are dropped), and the treated
 * clusters' means are compared with the control clusters' means as two independent samples of
 * k1 and k0 numbers. With ȳ1, ȳ0 the arms' unweighted averages of cluster means and
 * s² = (Σ_treated (y − ȳ1)² + Σ_control (y − ȳ0)²) / (k1 + k0 − 2) the pooled variance of cluster
 * means:
 * - estimate: log(ȳ1 / ȳ0);
 * - p-value: the pooled two-sample t test, t = (ȳ1 − ȳ0) / (s·√(1/k1 + 1/k0)) on k1 + k0 − 2
 *   degrees of freedom (two-sided, or one-sided for a reduction);
 * - interval: log(ȳ1/ȳ0) ± t_{k1+k0−2, 1−α/2} · SE, with the delta-method
 *   SE = s·√(1/(k1·ȳ1²) + 1/(k0·ȳ0²)).
 * The unit of analysis is the unit of randomisation, so the test keeps its size whatever the
 * between-cluster variation, and the t reference keeps it with few clusters. The values may be
 * people (each cluster's are averaged) or already one mean per cluster (the cell form's). Fails
 * when there are no clusters (not a cluster design), a cluster has values in both arms, an arm
 * has fewer than 2 clusters, an arm mean is 0, or the cluster means do not vary within arms.
 *
 * Reference: Hayes & Moulton (2017) Cluster Randomised Trials, 2nd ed., ch. 9 (cluster-level
 * analysis: the unweighted t test on cluster summaries).
 *
 * @example treated clusters with means [2, 1.5, 3], control clusters with means [3, 4, 3.5]:
 *   ȳ1 = 2.1667, ȳ0 = 3.5, s² = 0.4167, t = −2.5298 on 4 df, p = 0.06468
 *   (R: t.test(c(2, 1.5, 3), c(3, 4, 3.5), var.equal = TRUE)$p.value), estimate
 *   log(2.1667/3.5) = −0.4796, SE 0.2023, 95% interval [−1.0412, 0.0821]
 */
export function testClusterSummary(clusters: ClusterValues | null, plan: AnalysisPlan): AnalysisResult {
  if (clusters === null) return failedResult('not a cluster-randomised design (no clusters)');
  const { values, treated, cluster } = clusters;
  let clusterCount = 0;
  for (let i = 0; i < cluster.length; i++) if (cluster[i] >= clusterCount) clusterCount = cluster[i] + 1;
  const sums = new Float64Array(clusterCount);
  const sizes = new Float64Array(clusterCount);
  // −1 = no analysed people yet; otherwise the arm (0/1) of the cluster's people.
  const arms = new Int8Array(clusterCount).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const c = cluster[i];
    if (arms[c] === -1) arms[c] = treated[i];
    else if (arms[c] !== treated[i]) return failedResult('a cluster has people in both arms');
    sums[c] += values[i];
    sizes[c] += 1;
  }
  const treatedMeans: number[] = [];
  const controlMeans: number[] = [];
  for (let c = 0; c < clusterCount; c++) {
    if (sizes[c] === 0) continue;
    (arms[c] === 1 ? treatedMeans : controlMeans).push(sums[c] / sizes[c]);
  }
  const k1 = treatedMeans.length;
  const k0 = controlMeans.length;
  if (k1 < 2 || k0 < 2) return failedResult('an arm has fewer than 2 clusters');
  const mean1 = mean(treatedMeans);
  const mean0 = mean(controlMeans);
  if (mean1 === 0 || mean0 === 0) return failedResult('an arm mean is 0');
  const df = k1 + k0 - 2;
  const pooledVariance = ((k1 - 1) * sampleVariance(treatedMeans) + (k0 - 1) * sampleVariance(controlMeans)) / df;
  if (!(pooledVariance > 0)) return failedResult('no variation between cluster means within arms');
  const s = Math.sqrt(pooledVariance);
  const t = (mean1 - mean0) / (s * Math.sqrt(1 / k1 + 1 / k0));
  const standardError = s * Math.sqrt(1 / (k1 * mean1 * mean1) + 1 / (k0 * mean0 * mean0));
  return logRatioResult(
    Math.log(mean1 / mean0),
    standardError,
    studentCriticalValue(plan.alpha, df),
    studentPValue(t, df, plan.sides),
  );
}
