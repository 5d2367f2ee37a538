import type { AnalysisPlan } from '../design.js';
import { failedResult, type AnalysisResult } from './analysis-result.js';
import { clusterPeriodLogMeans, fitWithinCluster, treatmentIndicator, type ClusterPeriods } from './cluster-periods.js';
import { normalCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import { normalPValue } from './p-value.js';

/** A GLS fit of the treatment effect: the estimate and its variance at the given components. */
export interface GlsFit {
  readonly estimate: number;
  readonly variance: number;
}

/**
 * Generalised least squares of the cluster-period values y on period fixed effects and the
 * treatment indicator x, with each cluster's values exchangeable: covariance a·I + b·J within a
 * cluster (a: the cell's own variance, b: the variance shared by a cluster's periods), clusters
 * independent. Missing cells (NaN) are left out.
 *
 * Formula in words: for exchangeable covariance, GLS is least squares after quasi-demeaning each
 * cluster: every column z (y, x and each period dummy) becomes z_ij − λ_i·z̄_i with
 * λ_i = 1 − √(a/(a + T_i·b)), T_i the cluster's present cells; then θ̂ is the x coefficient of
 * the least-squares fit without intercept and Var(θ̂) = a·[(Z*ᵀZ*)⁻¹]_θθ. With every cell present
 * the variance equals Hussey & Hughes' closed form (`steppedWedgeEffectVariance`).
 * Reference: Fuller & Battese (1973) J Econometrics 1:43 (the transformation); Hussey & Hughes
 * (2007) Contemp Clin Trials 28:182–191 (the model).
 *
 * @example the 12 × 5 standard design, a = 0.05, b = 0.02: variance equals
 *   steppedWedgeEffectVariance(steppedWedgeTreatment(12, 4), 1, { clusterVariance: 0.02,
 *   clusterPeriodVariance: 0.05, personVariance: 0, residualVariance: 0 }) (the test checks it)
 */
export function fitSteppedWedgeGls(
  y: Float64Array,
  x: Float64Array,
  clusters: number,
  periods: number,
  a: number,
  b: number,
): GlsFit | null {
  const columns = periods + 1; // period dummies, then x
  const matrix = new Float64Array(columns * columns);
  const right = new Float64Array(columns);
  const row = new Float64Array(columns);
  const means = new Float64Array(columns);
  for (let i = 0; i < clusters; i++) {
    let present = 0;
    let yMean = 0;
    means.fill(0);
    for (let j = 0; j < periods; j++) {
      const c = i * periods + j;
      if (Number.isNaN(y[c])) continue;
      present++;
      yMean += y[c];
      means[j] += 1;
      means[periods] += x[c];
    }
    if (present === 0) continue;
    yMean /= present;
    for (let k = 0; k < columns; k++) means[k] /= present;
    const lambda = 1 - Math.sqrt(a / (a + present * b));
    for (let j = 0; j < periods; j++) {
      const c = i * periods + j;
      if (Number.isNaN(y[c])) continue;
      for (let k = 0; k < periods; k++) row[k] = (k === j ? 1 : 0) - lambda * means[k];
      row[periods] = x[c] - lambda * means[periods];
      const yStar = y[c] - lambda * yMean;
      for (let k = 0; k < columns; k++) {
        right[k] += row[k] * yStar;
        for (let l = 0; l < columns; l++) matrix[k * columns + l] += row[k] * row[l];
      }
    }
  }
  const unit = new Float64Array(columns);
  unit[periods] = 1;
  const v = solveSymmetric(matrix, unit, columns);
  if (v === null || !(v[periods] > 0)) return null;
  let estimate = 0;
  for (let k = 0; k < columns; k++) estimate += v[k] * right[k];
  return { estimate, variance: a * v[periods] };
}

/** Moment estimates of the two variance components of `fitSteppedWedgeGls`. */
export interface VarianceMoments {
  /** The cell's own variance: the within-cluster fit's residual mean square. */
  readonly a: number;
  /** The cluster's shared variance, truncated at 0. */
  readonly b: number;
}

/**
 * Moment (ANOVA-type) estimates of a and b from cluster-period values.
 *
 * Formula in words: a is the residual mean square of the within-cluster fit (cluster and period
 * fixed effects and treatment), unbiased whatever b is. For b, fit period effects and treatment
 * without cluster effects, average each cluster's residuals (r̄_i over its T_i cells); their
 * spread between clusters, s² = Σ(r̄_i − r̄)²/(I − 1), estimates b + a·mean(1/T_i), so
 * b̂ = max(0, s² − a·mean(1/T_i)). The pooled fit's estimated effects make s² slightly low (by
 * about (T + 1)/(I·T) of the total variance), which matters only with very few clusters.
 * Reference: Searle, Casella & McCulloch (1992) Variance Components §3.5 (ANOVA estimators);
 * Swamy & Arora (1972) Econometrica 40:261.
 *
 * @example values with no cluster effect → b̂ near 0; with a cluster effect of variance 0.02 and
 *   many clusters → b̂ ≈ 0.02 (see the test)
 */
export function estimateVarianceMoments(
  y: Float64Array,
  x: Float64Array,
  clusters: number,
  periods: number,
): VarianceMoments | null {
  const within = fitWithinCluster(y, x, clusters, periods);
  if (within === null) return null;
  const a = within.residualVariance;
  // Pooled fit: period effects and θ, by removing period means from y and x.
  const yTilde = removePeriodMeans(y, periods);
  const xTilde = removePeriodMeans(x, periods);
  let sxx = 0;
  let sxy = 0;
  for (let c = 0; c < y.length; c++) {
    if (Number.isNaN(y[c])) continue;
    sxx += xTilde[c] * xTilde[c];
    sxy += xTilde[c] * yTilde[c];
  }
  const theta = sxx > 0 ? sxy / sxx : 0;
  const clusterMeans: number[] = [];
  let inverseCells = 0;
  for (let i = 0; i < clusters; i++) {
    let sum = 0;
    let present = 0;
    for (let j = 0; j < periods; j++) {
      const c = i * periods + j;
      if (Number.isNaN(y[c])) continue;
      sum += yTilde[c] - theta * xTilde[c];
      present++;
    }
    if (present === 0) continue;
    clusterMeans.push(sum / present);
    inverseCells += 1 / present;
  }
  const count = clusterMeans.length;
  if (count < 2) return null;
  const grand = clusterMeans.reduce((s, m) => s + m, 0) / count;
  const spread = clusterMeans.reduce((s, m) => s + (m - grand) * (m - grand), 0) / (count - 1);
  return { a, b: Math.max(0, spread - a * (inverseCells / count)) };
}

/**
 * The mixed-model (Hussey & Hughes) analysis of a stepped-wedge rollout on the cluster-period log
 * means y_ij = log((S_ij + 0.5)/n_ij): GLS with period fixed effects and exchangeable
 * within-cluster covariance (`fitSteppedWedgeGls`) at the moment estimates of its variance
 * components (`estimateVarianceMoments`), the Wald z test, as Hussey & Hughes (2007) do.
 *
 * Formula in words: θ̂ and Var(θ̂) from GLS at (â, b̂); z = θ̂/√Var; p from the standard normal
 * (two-sided, or one-sided for a reduction); interval θ̂ ± z_{1−α/2}·SE. It uses the between-cluster
 * information the within analysis throws away, so it is more powerful when b is small; but its
 * variance components are estimated and its reference is normal, so with few clusters its real
 * type I error exceeds α (the null run measures by how much). Exact GLS at the true components
 * is the closed form the test checks; REML (lme4) differs from these moments by little when there
 * are enough clusters, and costs an iterative fit per trial.
 * Reference: Hussey & Hughes (2007) Contemp Clin Trials 28:182–191; Fuller & Battese (1973).
 *
 * @example a run of milton-keynes-rollout with knife analysed this way: power 12.0%, real type I
 *   error 6.7% (the within analysis: 8.9%, 5.5%; docs/guide-commissioner.md)
 */
export function testSteppedWedgeMixed(data: ClusterPeriods | null, plan: AnalysisPlan): AnalysisResult {
  if (data === null) return failedResult('not a rollout (no cluster-periods)');
  const y = clusterPeriodLogMeans(data);
  const x = treatmentIndicator(data.crossover, data.periods, y);
  const moments = estimateVarianceMoments(y, x, data.clusters, data.periods);
  if (moments === null) return failedResult('no treatment contrast or no residual degree of freedom');
  if (!(moments.a > 0)) return failedResult('the cluster-period log means fit exactly');
  const fit = fitSteppedWedgeGls(y, x, data.clusters, data.periods, moments.a, moments.b);
  if (fit === null) return failedResult('the GLS normal equations are singular');
  const standardError = Math.sqrt(fit.variance);
  return logRatioResult(
    fit.estimate,
    standardError,
    normalCriticalValue(plan.alpha),
    normalPValue(fit.estimate / standardError, plan.sides),
  );
}

function removePeriodMeans(values: Float64Array, periods: number): Float64Array {
  const sums = new Float64Array(periods);
  const counts = new Float64Array(periods);
  for (let c = 0; c < values.length; c++) {
    if (Number.isNaN(values[c])) continue;
    sums[c % periods] += values[c];
    counts[c % periods]++;
  }
  return Float64Array.from(values, (value, c) => value - sums[c % periods] / counts[c % periods]);
}

/** Solves M·v = r for a small symmetric matrix by Gaussian elimination with partial pivoting; null when singular. */
function solveSymmetric(matrix: Float64Array, right: Float64Array, n: number): Float64Array | null {
  const m = Float64Array.from(matrix);
  const v = Float64Array.from(right);
  const scale = Math.max(...Array.from({ length: n }, (_, k) => Math.abs(m[k * n + k])));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[pivot * n + col])) pivot = r;
    if (!(Math.abs(m[pivot * n + col]) > 1e-12 * scale)) return null;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const swap = m[col * n + k];
        m[col * n + k] = m[pivot * n + k];
        m[pivot * n + k] = swap;
      }
      const swap = v[col];
      v[col] = v[pivot];
      v[pivot] = swap;
    }
    for (let r = col + 1; r < n; r++) {
      const factor = m[r * n + col] / m[col * n + col];
      if (factor === 0) continue;
      for (let k = col; k < n; k++) m[r * n + k] -= factor * m[col * n + k];
      v[r] -= factor * v[col];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let sum = v[r];
    for (let k = r + 1; k < n; k++) sum -= m[r * n + k] * v[k];
    v[r] = sum / m[r * n + r];
  }
  return v;
}
