import type { AnalysisPlan } from '../design.js';
import type { Rng } from '../rng/rng.js';
import { failedResult, type AnalysisResult } from './analysis-result.js';
import {
  clusterPeriodLogMeans,
  fitWithinCluster,
  removeClusterAndPeriodMeans,
  treatmentIndicator,
  type ClusterPeriods,
} from './cluster-periods.js';
import { studentCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';

/** Ties between a re-randomised and the observed statistic are decided with this slack. */
const TOLERANCE = 1e-12;

/**
 * The design-based test of a stepped-wedge rollout: the permutation of crossover times. The
 * statistic is the within-cluster estimate θ̂ (`testSteppedWedgeWithin`); the clusters' crossover
 * periods are redrawn `plan.permutations` times by the design's own scheme (a uniform permutation
 * of the planned sequences, `drawCrossover`), and θ̂* recomputed from the same cluster-period log
 * means each time.
 *
 * Formula in words: with ỹ the log means less their cluster and period means (fixed across redraws)
 * and x̃* a redrawn treatment indicator less its means, θ̂* = Σ x̃*·ỹ / Σ x̃*²;
 * p = (1 + #{|θ̂*| ≥ |θ̂|})/(R + 1) two-sided, (1 + #{θ̂* ≤ θ̂})/(R + 1) one-sided (a reduction),
 * with a 1e-12 relative slack so exact ties count. Under the sharp null of no effect the redraws
 * are the statistic's exact reference distribution, whatever the outcome's law, the trend or the
 * correlation between periods — so its size is α (to the grain of the permutations) with any
 * number of clusters. The estimate and interval are the within analysis's.
 * Reference: Ji, Fink, Robyn & Small (2017) Ann Appl Stat 11:1–20 (randomisation inference for
 * stepped-wedge trials); Wang & De Gruttola (2017) Stat Med 36(18); Phipson & Smyth (2010).
 *
 * @example 3 clusters, 2 steps: only 3 orders of crossover exist, so the smallest possible p is
 *   about 1/3 however strong the effect — a design-based test needs enough clusters to reject
 */
export function testSteppedWedgePermutation(data: ClusterPeriods | null, plan: AnalysisPlan, rng: Rng): AnalysisResult {
  if (data === null) return failedResult('not a rollout (no cluster-periods)');
  const { clusters, periods } = data;
  const y = clusterPeriodLogMeans(data);
  const x = treatmentIndicator(data.crossover, periods, y);
  const fit = fitWithinCluster(y, x, clusters, periods);
  if (fit === null) return failedResult('no treatment contrast or no residual degree of freedom');
  if (!(fit.residualVariance > 0)) return failedResult('the cluster-period log means fit exactly');
  const yTilde = removeClusterAndPeriodMeans(Float64Array.from(y), clusters, periods);
  const observed = fit.estimate;
  const slack = TOLERANCE * Math.max(1, Math.abs(observed));
  const oneSided = plan.sides === 'one';
  const crossover = new Uint8Array(clusters);
  const xStar = new Float64Array(y.length);
  let extreme = 0;
  for (let r = 0; r < plan.permutations; r++) {
    data.redrawCrossover(rng, crossover);
    treatmentIndicator(crossover, periods, y, xStar);
    removeClusterAndPeriodMeans(xStar, clusters, periods);
    let sxx = 0;
    let sxy = 0;
    for (let c = 0; c < y.length; c++) {
      if (Number.isNaN(y[c])) continue;
      sxx += xStar[c] * xStar[c];
      sxy += xStar[c] * yTilde[c];
    }
    if (!(sxx > 1e-12)) {
      extreme++;
      continue;
    }
    const statistic = sxy / sxx;
    if (oneSided ? statistic <= observed + slack : Math.abs(statistic) >= Math.abs(observed) - slack) extreme++;
  }
  const pValue = (1 + extreme) / (plan.permutations + 1);
  const standardError = Math.sqrt(fit.residualVariance / fit.treatmentSumSquares);
  return logRatioResult(observed, standardError, studentCriticalValue(plan.alpha, fit.df), pValue);
}
