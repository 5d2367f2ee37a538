import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { estimateClusterRobustLogRatio } from './cluster-robust-log-ratio.js';
import type { ClusteredArms } from './clustered-arms.js';
import { studentCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import { studentPValue } from './p-value.js';

/** Which small-sample correction the cluster-robust test uses. */
export type ClusterRobustCorrection = 'CR2' | 'CR1';

/** How the cluster-robust test is run on one outcome. */
export interface ClusterRobustOptions {
  /**
   * α of the working variance μ + αμ²: 0 for counts under a Poisson working model and for harm
   * (quasi-Poisson), the fitted negative-binomial α (= 1/θ of R's glm.nb) for counts under a
   * negative-binomial working model, −1 for binary outcomes (log-binomial: a risk ratio). Only
   * the CR2 degrees of freedom depend on it.
   */
  readonly workingDispersion: number;
  /** 'CR2' (recommended): Bell–McCaffrey variance, Satterthwaite df. 'CR1': R's vcovCL HC1, t(G − 1). */
  readonly correction: ClusterRobustCorrection;
}

/** A cluster-robust result: the analysis result with its degrees of freedom (NaN when failed) and cluster counts. */
export interface ClusterRobustResult extends AnalysisResult {
  readonly degreesOfFreedom: number;
  readonly treatedClusters: number;
  readonly controlClusters: number;
}

/**
 * Cluster-robust Wald t test of the log ratio of arm means (log rate ratio for counts and harm,
 * log risk ratio for binaries), for trials whose clusters each lie within one arm — above all
 * partially clustered trials, where treated people share a caseworker and controls are
 * singletons. t = log(ȳ1/ȳ0)/SE with the cluster-robust SE of
 * {@link estimateClusterRobustLogRatio}: with CR2, a t reference on the Satterthwaite degrees of
 * freedom; with CR1, t on G − 1 (G all clusters). The interval is estimate ± t quantile × SE.
 * Fails when the estimate fails (empty arm, zero arm total, an arm with fewer than 2 clusters,
 * no variation within arms). Too few caseworkers for the interval to be trusted is a property of
 * the design, judged before a run by {@link plannedClusterRobustDegreesOfFreedom}.
 *
 * Reference: Bell & McCaffrey (2002) Survey Methodology 28:169–181; Pustejovsky & Tipton (2018)
 * J. Bus. Econ. Stat. 36:672–683; see `docs/clustered-analysis.md`.
 *
 * @example treated 0, 2, 1 | 3, 0 (two caseworkers), controls 1, 0, 2, 4, Poisson working model,
 *   CR2: estimate −0.37729, SE 0.52893, t −0.71332 on 2.7705 df, p = 0.53101 (R:
 *   clubSandwich::coef_test(glm(y ~ treat, family = poisson), vcov = "CR2", cluster = id))
 */
export function testClusterRobust(
  arms: ClusteredArms,
  plan: AnalysisPlan,
  options: ClusterRobustOptions,
): ClusterRobustResult {
  const estimate = estimateClusterRobustLogRatio(arms, options.workingDispersion);
  const clusters = { treatedClusters: estimate.treatedClusters, controlClusters: estimate.controlClusters };
  if (estimate.failure !== '') return { ...failedResult(estimate.failure), degreesOfFreedom: NaN, ...clusters };
  const cr2 = options.correction === 'CR2';
  const variance = cr2 ? estimate.varianceCR2 : estimate.varianceCR1;
  const degreesOfFreedom = cr2 ? estimate.degreesOfFreedomCR2 : estimate.degreesOfFreedomCR1;
  const standardError = Math.sqrt(variance);
  const pValue = studentPValue(estimate.logEstimate / standardError, degreesOfFreedom, plan.sides);
  return {
    ...logRatioResult(estimate.logEstimate, standardError, studentCriticalValue(plan.alpha, degreesOfFreedom), pValue),
    degreesOfFreedom,
    ...clusters,
  };
}
