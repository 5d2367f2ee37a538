/**
 * A rollout's outcome reduced to its cluster-periods — what the stepped-wedge analyses read — and
 * the two-way (cluster and period) within transformation they share.
 */
import type { Rng } from '../rng/rng.js';

/** One outcome of one rollout trial, by cluster-period (index cluster × periods + period). */
export interface ClusterPeriods {
  readonly clusters: number;
  readonly periods: number;
  /** Analysed people (person-periods) in each cluster-period. */
  readonly sizes: Float64Array;
  /** Their outcome total. */
  readonly sums: Float64Array;
  /** Period at which each cluster crossed to treatment (treated in periods ≥ it). */
  readonly crossover: Uint8Array;
  /** Redraws every cluster's crossover period by the design's scheme into `into` (permutation tests). */
  readonly redrawCrossover: (rng: Rng, into: Uint8Array) => void;
}

/**
 * The cluster-period log means the stepped-wedge analyses model: y_ij = log((S_ij + 0.5)/n_ij),
 * with S_ij the total and n_ij the analysed people of cluster i in period j; NaN (a missing cell)
 * when n_ij = 0. The 0.5 keeps a cell with no events finite (the empirical logit's correction,
 * Cox 1970); on a log rate it shifts y by about 0.5/S_ij, which the period and cluster effects
 * largely absorb. The log makes a multiplicative model (rate = trend × cluster × effect) additive,
 * so the treatment coefficient estimates the log rate ratio.
 * Reference: Cox DR (1970) The Analysis of Binary Data, §3.2; Hussey & Hughes (2007) fit
 * cluster-period summaries.
 *
 * @example sums [0, 4], sizes [10, 10] → [log(0.05), log(0.45)]
 */
export function clusterPeriodLogMeans(data: Pick<ClusterPeriods, 'sizes' | 'sums'>): Float64Array {
  const y = new Float64Array(data.sizes.length);
  for (let c = 0; c < y.length; c++) y[c] = data.sizes[c] > 0 ? Math.log((data.sums[c] + 0.5) / data.sizes[c]) : NaN;
  return y;
}

/**
 * Fills `x` with the treatment indicator of each cluster-period (1 when period ≥ the cluster's
 * crossover; NaN where `y` is missing) and returns it.
 *
 * @example crossover [1, 2], 3 periods → [0, 1, 1, 0, 0, 1]
 */
export function treatmentIndicator(
  crossover: Uint8Array,
  periods: number,
  y: Float64Array,
  x = new Float64Array(y.length),
): Float64Array {
  for (let i = 0; i < crossover.length; i++)
    for (let j = 0; j < periods; j++) {
      const c = i * periods + j;
      x[c] = Number.isNaN(y[c]) ? NaN : j >= crossover[i] ? 1 : 0;
    }
  return x;
}

/** Convergence of the alternating projections (largest change of a value in one sweep). */
const SWEEP_TOLERANCE = 1e-13;
const MAX_SWEEPS = 10_000;

/**
 * Removes cluster and period means from `values` in place (missing cells, NaN, are skipped): the
 * residual of a least-squares fit on cluster and period fixed effects. With every cell present one
 * sweep (subtract cluster means, then period means) is exact; with missing cells the sweeps are
 * repeated until they converge (the method of alternating projections).
 * Reference: Guimarães & Portugal (2010) Stata J 10:628–649; Gaure (2013) Comput Stat Data Anal
 * 66:8–18 (alternating projections for fixed effects).
 *
 * @example 2 × 2 values [1, 2, 3, 5] → [0.25, −0.25, −0.25, 0.25]
 */
export function removeClusterAndPeriodMeans(values: Float64Array, clusters: number, periods: number): Float64Array {
  const periodSums = new Float64Array(periods);
  const periodCounts = new Float64Array(periods);
  let complete = true;
  for (let c = 0; c < values.length && complete; c++) if (Number.isNaN(values[c])) complete = false;
  // Balanced cells: one sweep is exact (period means of cluster-demeaned values are orthogonal to clusters).
  const sweeps = complete ? 1 : MAX_SWEEPS;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let change = 0;
    for (let i = 0; i < clusters; i++) {
      let sum = 0;
      let count = 0;
      for (let j = 0; j < periods; j++) {
        const value = values[i * periods + j];
        if (Number.isNaN(value)) continue;
        sum += value;
        count++;
      }
      if (count === 0) continue;
      const mean = sum / count;
      change = Math.max(change, Math.abs(mean));
      for (let j = 0; j < periods; j++) values[i * periods + j] -= mean;
    }
    periodSums.fill(0);
    periodCounts.fill(0);
    for (let c = 0; c < values.length; c++) {
      if (Number.isNaN(values[c])) continue;
      periodSums[c % periods] += values[c];
      periodCounts[c % periods]++;
    }
    for (let j = 0; j < periods; j++) {
      if (periodCounts[j] === 0) continue;
      const mean = periodSums[j] / periodCounts[j];
      change = Math.max(change, Math.abs(mean));
      for (let i = 0; i < clusters; i++) values[i * periods + j] -= mean;
    }
    if (change < SWEEP_TOLERANCE) break;
  }
  return values;
}

/** The within-cluster fit's parts: the estimate, the residual variance, Σx̃² and the degrees of freedom. */
export interface WithinFit {
  readonly estimate: number;
  readonly residualVariance: number;
  /** Σ x̃² over cells: Var(estimate) = residualVariance / it. */
  readonly treatmentSumSquares: number;
  readonly df: number;
  /** Present cells. */
  readonly cells: number;
}

/**
 * Least squares of y on cluster and period fixed effects and the treatment indicator, by
 * Frisch–Waugh–Lovell: with ỹ and x̃ the residuals of y and x on the fixed effects,
 * θ̂ = Σ x̃·ỹ / Σ x̃², residual variance Σ(ỹ − θ̂·x̃)² / (n − I − T), n the present cells.
 * Returns null when there is no treatment contrast (Σx̃² ≈ 0) or no residual degree of freedom.
 * Reference: Frisch & Waugh (1933) Econometrica 1:387; Lovell (1963) JASA 58:993.
 *
 * @example y = log((S + 0.5)/n) of 4 clusters × 3 periods, crossover [1, 1, 2, 2], sums [3, 1, 2, 5, 2, 1, 4, 6, 2, 2, 3, 1],
 *   sizes [10, 10, 10, 12, 12, 12, 10, 9, 10, 11, 11, 11] → θ̂ −1.08837, SE 0.33622 on 5 df
 *   (R: lm(y ~ factor(cl) + factor(per) + x), test/core/analysis/stepped-wedge.test.ts)
 */
export function fitWithinCluster(
  y: Float64Array,
  x: Float64Array,
  clusters: number,
  periods: number,
): WithinFit | null {
  const yTilde = removeClusterAndPeriodMeans(Float64Array.from(y), clusters, periods);
  const xTilde = removeClusterAndPeriodMeans(Float64Array.from(x), clusters, periods);
  let sxx = 0;
  let sxy = 0;
  let cells = 0;
  const clusterSeen = new Uint8Array(clusters);
  const periodSeen = new Uint8Array(periods);
  for (let c = 0; c < y.length; c++) {
    if (Number.isNaN(y[c])) continue;
    cells++;
    clusterSeen[Math.floor(c / periods)] = 1;
    periodSeen[c % periods] = 1;
    sxx += xTilde[c] * xTilde[c];
    sxy += xTilde[c] * yTilde[c];
  }
  // Parameters: one per present cluster, one per present period less the shared level, and θ.
  const df = cells - clusterSeen.reduce((a, b) => a + b, 0) - periodSeen.reduce((a, b) => a + b, 0);
  if (!(sxx > 1e-12) || df < 1) return null;
  const estimate = sxy / sxx;
  let rss = 0;
  for (let c = 0; c < y.length; c++) {
    if (Number.isNaN(y[c])) continue;
    const residual = yTilde[c] - estimate * xTilde[c];
    rss += residual * residual;
  }
  return { estimate, residualVariance: rss / df, treatmentSumSquares: sxx, df, cells };
}
