import { describe, expect, it } from 'vitest';
import {
  powerSteppedWedge,
  steppedWedgeEffectVariance,
  steppedWedgeTreatment,
  steppedWedgeWithinClusterVariance,
} from '../../../src/search/analytic/hussey-hughes.js';
import { varianceComponentsFromCorrelations } from '../../../src/search/analytic/stepped-wedge-variance-components.js';

// Independent reference: the GLS variance built from the full design and covariance matrices in R
// (4.x), with no closed form:
//   sw <- function(I, S) {  # clusters spread over S sequences as evenly as possible, T = S + 1
//     sizes <- rep(I %/% S, S) + c(rep(1, I %% S), rep(0, S - I %% S))
//     t(sapply(rep(1:S, sizes), function(s) as.numeric(1:(S + 1) > s))) }
//   glsVar <- function(X, m, tau2, gamma2, zeta2, sigma2) {
//     I <- nrow(X); T <- ncol(X)
//     Vi <- (gamma2 + sigma2 / m) * diag(T) + (tau2 + zeta2 / m) * matrix(1, T, T)
//     D <- do.call(rbind, lapply(1:I, function(i) cbind(diag(T), X[i, ])))  # periods + treatment
//     V <- kronecker(diag(I), Vi)
//     solve(t(D) %*% solve(V) %*% D)[T + 1, T + 1] }
//   pw <- function(v, theta, alpha) pnorm(abs(theta)/sqrt(v) - qnorm(1 - alpha/2)) +
//     pnorm(-abs(theta)/sqrt(v) - qnorm(1 - alpha/2))
// R's solve() is exact to about 1e-13 here, so 1e-10 relative is a safe tolerance.
const cases = [
  // cross-sectional, cluster-by-period effect (CAC = 2/3)
  { I: 12, S: 4, m: 20, tau2: 0.02, gamma2: 0.01, zeta2: 0, sigma2: 1, theta: 0.3, alpha: 0.05 },
  // closed cohort
  { I: 12, S: 3, m: 15, tau2: 0.05, gamma2: 0.02, zeta2: 0.4, sigma2: 0.6, theta: 0.25, alpha: 0.05 },
  // Hussey & Hughes' model, clusters not divisible by steps (3, 3, 2, 2)
  { I: 10, S: 4, m: 25, tau2: 0.1, gamma2: 0, zeta2: 0, sigma2: 2, theta: 0.5, alpha: 0.01 },
  // ICC 0.05, CAC 0.8, IAC 0.5 on total variance 1
  { I: 15, S: 5, m: 10, tau2: 0.04, gamma2: 0.01, zeta2: 0.475, sigma2: 0.475, theta: 0.2, alpha: 0.05 },
  // more steps than clusters per step, a negative effect
  { I: 7, S: 6, m: 50, tau2: 0.3, gamma2: 0.05, zeta2: 0.2, sigma2: 1.5, theta: -0.4, alpha: 0.05 },
];
// R: v <- glsVar(sw(I, S), m, tau2, gamma2, zeta2, sigma2); c(v, pw(v, theta, alpha)) for each case
const expected = [
  { variance: 0.0106666666666667, power: 0.82761331772079 },
  { variance: 0.0163907284768212, power: 0.49715735641863 },
  { variance: 0.0199312714776633, power: 0.832926641171444 },
  { variance: 0.00767325315005728, power: 0.626745355344779 },
  { variance: 0.020020725388601, power: 0.807029505488187 },
];

const components = (c: (typeof cases)[number]) => ({
  clusterVariance: c.tau2,
  clusterPeriodVariance: c.gamma2,
  personVariance: c.zeta2,
  residualVariance: c.sigma2,
});

describe('stepped-wedge treatment matrix', () => {
  it('starts every cluster in control and ends every cluster treated, one sequence crossing per step', () => {
    expect(steppedWedgeTreatment(4, 2)).toEqual([
      [0, 1, 1],
      [0, 1, 1],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    const uneven = steppedWedgeTreatment(10, 4);
    expect(uneven.map((row) => row.indexOf(1))).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
  });
});

describe('Hussey & Hughes closed form', () => {
  it('reproduces the published example: 24 clusters, 4 steps, 120 per cluster-period → power 0.7861896', () => {
    // swCRTdesign README (Hughes et al.): swPwr(swDsn(c(6,6,6,6)), distn = "binomial", n = 120,
    // mu0 = 0.05, mu1 = 0.035, tau = 0.01, eta = 0, rho = 0, gamma = 0, alpha = 0.05) = 0.7861896,
    // the binomial outcome taken as normal with σ² = p̄(1 − p̄), p̄ = 0.0425.
    // R GLS: glsVar(sw(24, 4), 120, 0.01^2, 0, 0, 0.0425 * 0.9575) = 2.96823135961933e-05,
    // pw(., 0.015, 0.05) = 0.786189592502730.
    const variance = {
      clusterVariance: 1e-4,
      clusterPeriodVariance: 0,
      personVariance: 0,
      residualVariance: 0.0425 * 0.9575,
    };
    const v = steppedWedgeEffectVariance(steppedWedgeTreatment(24, 4), 120, variance);
    expect(Math.abs(v / 2.96823135961933e-5 - 1)).toBeLessThan(1e-10);
    const power = powerSteppedWedge({
      clusters: 24,
      steps: 4,
      peoplePerClusterPeriod: 120,
      variance,
      effect: -0.015,
      alpha: 0.05,
    });
    expect(power).toBeCloseTo(0.7861896, 7);
    expect(Math.abs(power - 0.78618959250273)).toBeLessThan(1e-10);
  });

  it.each(cases.map((c, k) => [JSON.stringify(c), c, expected[k]] as const))(
    'equals the GLS variance from the full matrices in R: %s',
    (_label, c, reference) => {
      const v = steppedWedgeEffectVariance(steppedWedgeTreatment(c.I, c.S), c.m, components(c));
      expect(Math.abs(v / reference.variance - 1)).toBeLessThan(1e-10);
      const power = powerSteppedWedge({
        clusters: c.I,
        steps: c.S,
        peoplePerClusterPeriod: c.m,
        variance: components(c),
        effect: c.theta,
        alpha: c.alpha,
      });
      expect(Math.abs(power - reference.power)).toBeLessThan(1e-10);
    },
  );

  it("gives lme4's standard error at lme4's own REML variance estimates (large simulated trials)", () => {
    // test/search/analytic/hussey-hughes-lme4.R: one simulated cross-sectional trial (40 clusters,
    // 4 steps, 30 per cluster-period) fitted with
    //   lmer(y ~ factor(period) + treat + (1 | cluster) + (1 | cluster:period))
    // → τ² 0.0460712727050574, γ² 0.0254106705144056, σ² 0.9894917412484712, SE 0.0585698447334279;
    // one closed cohort (20 clusters, 4 steps, 20 people followed every period) with + (1 | id)
    // → τ² 0.0591800697055643, γ² 0.0279434600718311, ζ² 0.4756684060726266,
    //   σ² 0.5195718229912648, SE 0.0817159921439688.
    // lme4's vcov is the GLS variance at its estimates, so they agree to its optimiser's
    // tolerance (xtol/ftol 1e-12): 1e-6 relative.
    const crossSectional = steppedWedgeEffectVariance(steppedWedgeTreatment(40, 4), 30, {
      clusterVariance: 0.0460712727050574,
      clusterPeriodVariance: 0.0254106705144056,
      personVariance: 0,
      residualVariance: 0.9894917412484712,
    });
    expect(Math.abs(Math.sqrt(crossSectional) / 0.0585698447334279 - 1)).toBeLessThan(1e-6);
    const cohort = steppedWedgeEffectVariance(steppedWedgeTreatment(20, 4), 20, {
      clusterVariance: 0.0591800697055643,
      clusterPeriodVariance: 0.0279434600718311,
      personVariance: 0.4756684060726266,
      residualVariance: 0.5195718229912648,
    });
    expect(Math.abs(Math.sqrt(cohort) / 0.0817159921439688 - 1)).toBeLessThan(1e-6);
  });

  it('shows what the cluster-by-period effect and the closed cohort do to the variance', () => {
    const treatment = steppedWedgeTreatment(12, 4);
    const base = { clusterVariance: 0.03, clusterPeriodVariance: 0, personVariance: 0, residualVariance: 1 };
    const hh = steppedWedgeEffectVariance(treatment, 20, base);
    // Moving part of the cluster variance into a period-by-period effect (CAC < 1) removes
    // information the within-cluster comparison relied on: the variance grows.
    const decaying = steppedWedgeEffectVariance(treatment, 20, {
      ...base,
      clusterVariance: 0.02,
      clusterPeriodVariance: 0.01,
    });
    expect(decaying).toBeGreaterThan(hh);
    // Following the same people (part of σ² becomes a person effect) lets each person act as
    // their own control: the variance falls.
    const cohort = steppedWedgeEffectVariance(treatment, 20, { ...base, personVariance: 0.5, residualVariance: 0.5 });
    expect(cohort).toBeLessThan(hh);
  });
});

describe('within-cluster (cluster fixed effects) analysis of cluster-period means', () => {
  it('has the variance of least squares with cluster and period fixed effects', () => {
    // R: X <- sw(12, 4); d <- expand.grid(period = 1:5, cluster = 1:12)
    //    d$treat <- X[cbind(d$cluster, d$period)]
    //    M <- model.matrix(~ factor(cluster) + factor(period) + treat, d)
    //    0.06 * solve(t(M) %*% M)["treat", "treat"]  # = 0.0133333333333333, a = 0.01 + 1/20
    const variance = { clusterVariance: 0.5, clusterPeriodVariance: 0.01, personVariance: 0.3, residualVariance: 1 };
    const v = steppedWedgeWithinClusterVariance(steppedWedgeTreatment(12, 4), 20, variance);
    expect(Math.abs(v / 0.0133333333333333 - 1)).toBeLessThan(1e-12);
  });

  it('is the limit of the GLS variance as the between-cluster variance grows', () => {
    const treatment = steppedWedgeTreatment(10, 4);
    const base = { clusterPeriodVariance: 0.02, personVariance: 0, residualVariance: 1 };
    const within = steppedWedgeWithinClusterVariance(treatment, 15, { ...base, clusterVariance: 0 });
    const gls = steppedWedgeEffectVariance(treatment, 15, { ...base, clusterVariance: 1e6 });
    expect(Math.abs(gls / within - 1)).toBeLessThan(1e-6);
    expect(steppedWedgeEffectVariance(treatment, 15, { ...base, clusterVariance: 0.05 })).toBeLessThan(within);
  });
});

describe('variance components from ICC, CAC and IAC', () => {
  it('splits the total variance as the correlations say', () => {
    const v = varianceComponentsFromCorrelations({ totalVariance: 1, icc: 0.05, cac: 0.8, iac: 0.5 });
    expect(v.clusterVariance).toBeCloseTo(0.04, 15);
    expect(v.clusterPeriodVariance).toBeCloseTo(0.01, 15);
    expect(v.personVariance).toBeCloseTo(0.475, 15);
    expect(v.residualVariance).toBeCloseTo(0.475, 15);
    const total = v.clusterVariance + v.clusterPeriodVariance + v.personVariance + v.residualVariance;
    expect((v.clusterVariance + v.clusterPeriodVariance) / total).toBeCloseTo(0.05, 15);
    expect(v.clusterVariance / (v.clusterVariance + v.clusterPeriodVariance)).toBeCloseTo(0.8, 15);
  });

  it('is cross-sectional (no person effect) without an IAC', () => {
    expect(varianceComponentsFromCorrelations({ totalVariance: 2, icc: 0.1, cac: 1 })).toEqual({
      clusterVariance: 0.2,
      clusterPeriodVariance: 0,
      personVariance: 0,
      residualVariance: 1.8,
    });
  });
});
