import type { ClusteredArm, ClusteredArms } from './clustered-arms.js';

/** A log ratio of arm means with its cluster-robust variances and their degrees of freedom. */
export interface ClusterRobustEstimate {
  /** Why it could not be computed, in a few words ('' when it could). */
  readonly failure: string;
  /** log(ȳ1/ȳ0), treated over control. */
  readonly logEstimate: number;
  /** Bell–McCaffrey CR2 variance of `logEstimate`. */
  readonly varianceCR2: number;
  /** Satterthwaite degrees of freedom of the CR2 t statistic, under the working model. */
  readonly degreesOfFreedomCR2: number;
  /** CR1 variance, G/(G − 1)·(N − 1)/(N − 2) times the uncorrected sandwich (R's `sandwich::vcovCL(type = "HC1")`). */
  readonly varianceCR1: number;
  /** G − 1, the usual reference for CR1. */
  readonly degreesOfFreedomCR1: number;
  /** Clusters in each arm, each singleton counted as one. */
  readonly treatedClusters: number;
  readonly controlClusters: number;
}

/**
 * The log ratio of arm means with a cluster-robust (sandwich) variance, in closed form, for a
 * trial whose clusters each lie within one arm: caseworkers' caseloads in the treated arm with
 * every control a cluster of their own (a partially clustered trial), or randomised sites.
 *
 * The model is a GLM with log link, log E[y] = β0 + β1·treated, and working variance
 * φ(μ) = μ + α·μ²: α = 0 is Poisson or quasi-Poisson, α > 0 negative binomial (NB2, Var = μ + αμ²,
 * α = 1/θ of R's `MASS::glm.nb`), α = −1 binomial with log link (β1 is then the log risk ratio).
 *
 * Derivation (written out in `docs/clustered-analysis.md`). With only the arm in the model the fit
 * is saturated in arms: μ̂_a = ȳ_a = S_a/N_a whatever φ, so β̂1 = log(ȳ1/ȳ0). Take the arms'
 * log means γ1, γ0 as parameters (β1 = γ1 − γ0; sandwich variances are unchanged by this linear
 * reparametrisation). Everyone in arm a has the same fitted mean, so the same working weight
 * w_a = μ_a²/φ(μ_a) and score factor μ_a/φ(μ_a); the bread of γ_a is 1/(N_a·w_a) and a cluster's
 * score is (μ_a/φ(μ_a))·R_g with R_g = Σ_{i∈g} (y_i − ȳ_a) = T_g − n_g·ȳ_a. In the sandwich the
 * working variance cancels: the uncorrected (CR0) variance of γ̂_a is Σ_g R_g² / S_a². Clusters lie
 * within one arm, so the arms are independent blocks and Var(β̂1) = V_1 + V_0.
 * - CR2 (Bell & McCaffrey): each cluster's residuals are premultiplied by (I − H_gg)^(−1/2) in
 *   the weighted scale; here H_gg = J/N_a (J the n_g × n_g matrix of ones), whose only eigenvalue
 *   other than 0 is n_g/N_a, along the cluster's vector of ones — the direction the score sums
 *   over. So V_a = Σ_g R_g² / (1 − n_g/N_a) / S_a². A singleton gives (y − ȳ)²·N/(N − 1), so a
 *   control arm of singletons gives s²/(N_0·ȳ_0²), the delta method with the n − 1 variance; equal
 *   clusters give s²_means/(G·ȳ²), the variance of the mean of cluster means.
 * - Satterthwaite degrees of freedom: ν = 2E²/Var of the CR2 variance when the working model holds
 *   (people independent, Var y = φ(μ̂_a)). Writing each cluster's term as a linear form in y,
 *   E = Σ_a k_a·N_a and Var/2 = Σ_a k_a²·Q_a, with k_a = φ(ȳ_a)/S_a², Q_a = Σ_g n_g² + B_a² − Σ_g b_g²,
 *   b_g = n_g²/(N_a − n_g), B_a = Σ_g b_g. So ν = (Σ_a k_a N_a)² / Σ_a k_a² Q_a. (G equal clusters
 *   in one arm give G − 1, as they should.) Only this depends on the working model.
 * - CR1: G/(G − 1)·(N − 1)/(N − 2)·Σ_a Σ_g R_g²/S_a², G all clusters and N all people, referred
 *   to t with G − 1 degrees of freedom.
 * Everything is a sum over clusters: no matrices, and only singletons' totals for the controls.
 *
 * Fails when an arm is empty, an arm total is 0 (no log), an arm has fewer than 2 clusters (CR2
 * would divide by 1 − N_a/N_a), or nothing varies within the arms.
 *
 * Reference: Bell & McCaffrey (2002) Survey Methodology 28:169–181 (CR2, Satterthwaite df);
 * Pustejovsky & Tipton (2018) J. Bus. Econ. Stat. 36:672–683 (CR2 for weighted models, the
 * working-model Satterthwaite df, as R's `clubSandwich`); Zeileis, Köll & Graham (2020) J. Stat.
 * Softw. 95(1) (R's `sandwich::vcovCL`, CR1).
 *
 * @example treated 0, 2, 1 | 3, 0 (two caseworkers), controls 1, 0, 2, 4 (singletons), α = 0:
 *   log(1.2/1.75) = −0.37729, CR2 variance 0.27976 (SE 0.52893) on 2.7705 df; CR1 variance
 *   0.27233 on 5 df — as clubSandwich::coef_test(glm(y ~ treat, family = poisson),
 *   vcov = "CR2", cluster = id) and sandwich::vcovCL(fit, cluster = id, type = "HC1")
 */
export function estimateClusterRobustLogRatio(arms: ClusteredArms, workingDispersion: number): ClusterRobustEstimate {
  const treated = armComponents(arms.treated, workingDispersion);
  const control = armComponents(arms.control, workingDispersion);
  const failure = treated.failure || control.failure;
  const clusters = treated.clusters + control.clusters;
  const people = arms.treated.people + arms.control.people;
  const varianceCR2 = treated.varianceCR2 + control.varianceCR2;
  const noVariation = failure === '' && !(varianceCR2 > 0);
  return {
    failure: noVariation ? 'no variation within arms' : failure,
    logEstimate: Math.log(treated.mean / control.mean),
    varianceCR2,
    degreesOfFreedomCR2:
      (treated.scale * arms.treated.people + control.scale * arms.control.people) ** 2 /
      (treated.scale ** 2 * treated.spread + control.scale ** 2 * control.spread),
    varianceCR1:
      ((clusters / (clusters - 1)) * (people - 1) * (treated.varianceCR0 + control.varianceCR0)) / (people - 2),
    degreesOfFreedomCR1: clusters - 1,
    treatedClusters: treated.clusters,
    controlClusters: control.clusters,
  };
}

/** One arm's pieces of the variances and of the Satterthwaite degrees of freedom. */
interface ArmComponents {
  readonly failure: string;
  readonly mean: number;
  readonly clusters: number;
  /** Σ_g R_g² / S², and the same with each term divided by 1 − n_g/N. */
  readonly varianceCR0: number;
  readonly varianceCR2: number;
  /** k = φ(ȳ)/S² and Q = Σ n_g² + B² − Σ b_g² of the derivation. */
  readonly scale: number;
  readonly spread: number;
}

function armComponents(arm: ClusteredArm, workingDispersion: number): ArmComponents {
  const { people, total, singletons, clusterSizes, clusterTotals } = arm;
  const clusters = singletons + clusterSizes.length;
  const mean = total / people;
  const failure =
    people === 0
      ? 'an arm is empty'
      : total === 0
        ? 'an arm has no events'
        : clusters < 2
          ? 'an arm has fewer than 2 clusters'
          : '';
  // Singletons: Σ (y − ȳ)² from their totals, clamped at 0 against rounding; each has n_g = 1.
  const singletonSquares = Math.max(
    0,
    arm.singletonSumSquares - 2 * mean * arm.singletonTotal + singletons * mean * mean,
  );
  let squares0 = singletonSquares;
  let squares2 = (singletonSquares * people) / (people - 1);
  let sizeSquares = singletons;
  let b = singletons / (people - 1);
  let bSquares = singletons / ((people - 1) * (people - 1));
  for (let g = 0; g < clusterSizes.length; g++) {
    const size = clusterSizes[g];
    const residual = clusterTotals[g] - size * mean;
    squares0 += residual * residual;
    squares2 += (residual * residual * people) / (people - size);
    sizeSquares += size * size;
    const bg = (size * size) / (people - size);
    b += bg;
    bSquares += bg * bg;
  }
  const totalSquared = total * total;
  return {
    failure,
    mean,
    clusters,
    varianceCR0: squares0 / totalSquared,
    varianceCR2: squares2 / totalSquared,
    scale: (mean + workingDispersion * mean * mean) / totalSquared,
    spread: sizeSquares + b * b - bSquares,
  };
}
