/**
 * A rollout's per-step results: the effect at each exposure time (periods since a cluster crossed
 * over), from the cluster-period log means with cluster and period fixed effects and one treatment
 * indicator per exposure time (docs/sequential-and-stepped-wedge.md, "Per-step results").
 */
import type { AnalysisPlan } from '../design.js';
import { failedResult, type AnalysisResult } from './analysis-result.js';
import { clusterPeriodLogMeans, removeClusterAndPeriodMeans, type ClusterPeriods } from './cluster-periods.js';
import { studentCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import { studentPValue } from './p-value.js';

/** The effect at one exposure time in one trial, and the cluster-periods it rests on. */
export interface StepResult {
  /** The exposure-time effect on the log-ratio scale, with its interval and p-value. */
  readonly result: AnalysisResult;
  /** Present cluster-periods at this exposure time (treated for exactly this many periods). */
  readonly treatedCells: number;
  /** Present cluster-periods not yet treated (the controls every exposure time is compared with). */
  readonly controlCells: number;
}

/** The least-squares fit with one treatment indicator per exposure time. */
export interface ExposureTimeFit {
  /** θ̂_e per exposure time e (NaN where no cell has that exposure). */
  readonly estimates: Float64Array;
  /** Its standard error, √(s²·(X̃ᵀX̃)⁻¹_ee) (NaN likewise). */
  readonly standardErrors: Float64Array;
  /** Residual degrees of freedom: present cells − present clusters − present periods + 1 − fitted exposure times. */
  readonly df: number;
  /** Present cells at each exposure time, and present untreated cells. */
  readonly treatedCells: Float64Array;
  readonly controlCells: number;
}

/**
 * Least squares of y on cluster and period fixed effects and one indicator per exposure time
 * (D_e = 1 when period − crossover = e), by Frisch–Waugh–Lovell: the indicators and y are
 * residualised on the fixed effects (`removeClusterAndPeriodMeans`), then the E × E normal
 * equations X̃ᵀX̃ θ = X̃ᵀỹ are solved by Cholesky. Missing cells (NaN in y) are skipped; an
 * exposure time with no present cell is left out of the fit (its estimate NaN). Returns null when
 * the normal equations are singular or no residual degree of freedom is left.
 * Reference: Kenny, Voldal, Xia & Heagerty (2022) Stat Med 41:4311 (the exposure-time indicator
 * model of a stepped-wedge trial).
 *
 * @example y = log((S + 0.5)/n) of 4 clusters × 3 periods, crossover [1, 1, 2, 2], sums
 *   [3, 1, 2, 5, 2, 1, 4, 6, 2, 2, 3, 1], sizes [10, 10, 10, 12, 12, 12, 10, 9, 10, 11, 11, 11]
 *   → θ̂ = [−1.22266, −1.49123], SE [0.41276, 0.71492] on 4 df
 *   (R: lm(y ~ factor(cl) + factor(per) + factor(e)), test/core/analysis/exposure-time-effects.test.ts)
 */
export function fitExposureTimes(
  y: Float64Array,
  crossover: Uint8Array,
  clusters: number,
  periods: number,
  exposureTimes: number,
): ExposureTimeFit | null {
  const treatedCells = new Float64Array(exposureTimes);
  let controlCells = 0;
  const exposureOf = new Int32Array(y.length).fill(-1);
  for (let i = 0; i < clusters; i++)
    for (let j = 0; j < periods; j++) {
      const c = i * periods + j;
      if (Number.isNaN(y[c])) continue;
      const e = j - crossover[i];
      if (e < 0) controlCells++;
      else if (e < exposureTimes) {
        exposureOf[c] = e;
        treatedCells[e]++;
      }
    }
  // The fitted exposure times: those with a present cell.
  const fitted: number[] = [];
  for (let e = 0; e < exposureTimes; e++) if (treatedCells[e] > 0) fitted.push(e);
  const m = fitted.length;
  if (m === 0) return null;
  const yTilde = removeClusterAndPeriodMeans(Float64Array.from(y), clusters, periods);
  const xTilde = fitted.map((e) => {
    const x = new Float64Array(y.length);
    for (let c = 0; c < y.length; c++) x[c] = Number.isNaN(y[c]) ? NaN : exposureOf[c] === e ? 1 : 0;
    return removeClusterAndPeriodMeans(x, clusters, periods);
  });
  const gram = new Float64Array(m * m);
  const right = new Float64Array(m);
  let cells = 0;
  const clusterSeen = new Uint8Array(clusters);
  const periodSeen = new Uint8Array(periods);
  for (let c = 0; c < y.length; c++) {
    if (Number.isNaN(y[c])) continue;
    cells++;
    clusterSeen[Math.floor(c / periods)] = 1;
    periodSeen[c % periods] = 1;
    for (let a = 0; a < m; a++) {
      right[a] += xTilde[a][c] * yTilde[c];
      for (let b = 0; b <= a; b++) gram[a * m + b] += xTilde[a][c] * xTilde[b][c];
    }
  }
  const df = cells - clusterSeen.reduce((s, v) => s + v, 0) - periodSeen.reduce((s, v) => s + v, 0) + 1 - m;
  const inverse = invertSymmetric(gram, m);
  if (inverse === null || df < 1) return null;
  const theta = new Float64Array(m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) theta[a] += inverse[a * m + b] * right[b];
  let rss = 0;
  for (let c = 0; c < y.length; c++) {
    if (Number.isNaN(y[c])) continue;
    let residual = yTilde[c];
    for (let a = 0; a < m; a++) residual -= theta[a] * xTilde[a][c];
    rss += residual * residual;
  }
  const residualVariance = rss / df;
  const estimates = new Float64Array(exposureTimes).fill(NaN);
  const standardErrors = new Float64Array(exposureTimes).fill(NaN);
  fitted.forEach((e, a) => {
    estimates[e] = theta[a];
    standardErrors[e] = Math.sqrt(residualVariance * inverse[a * m + a]);
  });
  return { estimates, standardErrors, df, treatedCells, controlCells };
}

/**
 * The per-step results of one outcome of one rollout trial: for each exposure time e = 0 … E − 1
 * (E = the rollout's steps; e = 0 is a cluster's first treated period), the effect from
 * `fitExposureTimes` on the cluster-period log means y_ij = log((S_ij + 0.5)/n_ij)
 * (`clusterPeriodLogMeans`), with a t interval and p-value on the fit's residual degrees of freedom
 * at the analysis plan's α and sides — the same scale and test as `testSteppedWedgeWithin`, which
 * fits one indicator for every treated cell instead.
 *
 * @example the 4 × 3 example of `fitExposureTimes` at α 0.05, two-sided → step 0: log estimate
 *   −1.22266, interval −1.22266 ± 2.77645·0.41276, p 0.0415; 4 treated and 6 control cells; step 1: 2 treated
 */
export function estimateExposureTimeEffects(
  data: ClusterPeriods | null,
  plan: AnalysisPlan,
  exposureTimes: number,
): StepResult[] {
  const failedAll = (why: string): StepResult[] =>
    Array.from({ length: exposureTimes }, () => ({ result: failedResult(why), treatedCells: 0, controlCells: 0 }));
  if (data === null) return failedAll('not a rollout (no cluster-periods)');
  const y = clusterPeriodLogMeans(data);
  const fit = fitExposureTimes(y, data.crossover, data.clusters, data.periods, exposureTimes);
  if (fit === null) return failedAll('no exposure-time contrast or no residual degree of freedom');
  const critical = studentCriticalValue(plan.alpha, fit.df);
  return Array.from({ length: exposureTimes }, (_, e) => {
    const estimate = fit.estimates[e];
    const standardError = fit.standardErrors[e];
    const result =
      Number.isFinite(estimate) && standardError > 0
        ? logRatioResult(estimate, standardError, critical, studentPValue(estimate / standardError, fit.df, plan.sides))
        : failedResult('no cluster-period at this exposure time, or an exact fit');
    return { result, treatedCells: fit.treatedCells[e], controlCells: fit.controlCells };
  });
}

/**
 * The inverse of a symmetric positive-definite m × m matrix given by its lower triangle (row-major),
 * by Cholesky; null when a pivot is not clearly positive (singular or nearly so).
 *
 * @example [[4, ·], [2, 3]] → [[0.375, −0.25], [−0.25, 0.5]]
 */
function invertSymmetric(lower: Float64Array, m: number): Float64Array | null {
  const chol = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = lower[a * m + b];
      for (let k = 0; k < b; k++) sum -= chol[a * m + k] * chol[b * m + k];
      if (a === b) {
        if (!(sum > 1e-10 * Math.max(1, lower[a * m + a]))) return null;
        chol[a * m + a] = Math.sqrt(sum);
      } else chol[a * m + b] = sum / chol[b * m + b];
    }
  }
  // Columns of L⁻¹, then (L⁻¹)ᵀ L⁻¹.
  const invL = new Float64Array(m * m);
  for (let col = 0; col < m; col++) {
    for (let a = col; a < m; a++) {
      let sum = a === col ? 1 : 0;
      for (let k = col; k < a; k++) sum -= chol[a * m + k] * invL[k * m + col];
      invL[a * m + col] = sum / chol[a * m + a];
    }
  }
  const inverse = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) {
      let sum = 0;
      for (let k = Math.max(a, b); k < m; k++) sum += invL[k * m + a] * invL[k * m + b];
      inverse[a * m + b] = sum;
    }
  return inverse;
}
