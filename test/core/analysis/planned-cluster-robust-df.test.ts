import { describe, expect, test } from 'vitest';
import { plannedClusterRobustDegreesOfFreedom } from '../../../src/core/analysis/planned-cluster-robust-df.js';

// Reference values: clubSandwich 0.5.8's Satterthwaite df for the treatment coefficient of a
// Poisson GLM on data whose arm means are both exactly 1 (the df depend only on the fitted means
// and the cluster sizes), fitted to convergence:
//   planned <- function(sizes, n0) {
//     n1 <- sum(sizes); tr <- c(rep(1, n1), rep(0, n0))
//     y <- c(rep(c(0, 2), length.out = n1), rep(c(0, 2), length.out = n0))
//     if (n1 %% 2 == 1) y[n1] <- 1; if (n0 %% 2 == 1) y[n1 + n0] <- 1   # arm means exactly 1
//     id <- c(rep(seq_along(sizes), sizes), 1000 + seq_len(n0))
//     fit <- glm(y ~ tr, family = poisson, control = glm.control(epsilon = 1e-15, maxit = 100))
//     coef_test(fit, vcov = "CR2", cluster = id, test = "Satterthwaite")$df_Satt[2]
//   }
//   planned(c(15, 15, 15), 120)   # 3.77233429409
//   planned(rep(22, 12), 264)     # 42.233576643
//   planned(c(22, 22), 44)        # 3.90909090974
//   planned(c(3, 5, 8, 2), 7)     # 8.29640370075
// R's IRLS leaves about 1e-10 in these; 1e-8 is asked.

describe('plannedClusterRobustDegreesOfFreedom', () => {
  test('matches clubSandwich on equal-mean data for the Milton Keynes layout (3 caseloads of 15, 120 controls)', () => {
    expect(
      plannedClusterRobustDegreesOfFreedom(
        { singletons: 0, clusterSizes: [15, 15, 15] },
        { singletons: 120, clusterSizes: [] },
      ),
    ).toBeCloseTo(3.77233429409, 8);
  });

  test('matches clubSandwich for 12 caseloads of 22 against 264 controls, 2 of 22 against 44, and unequal caseloads', () => {
    const layout = (sizes: number[], controls: number) =>
      plannedClusterRobustDegreesOfFreedom(
        { singletons: 0, clusterSizes: sizes },
        { singletons: controls, clusterSizes: [] },
      );
    expect(layout(Array(12).fill(22), 264)).toBeCloseTo(42.233576643, 8);
    expect(layout([22, 22], 44)).toBeCloseTo(3.90909090974, 8);
    expect(layout([3, 5, 8, 2], 7)).toBeCloseTo(8.29640370075, 8);
  });

  test('tends to G − 1 when the treated arm has G equal caseloads and the control arm is very large', () => {
    // Derivation (docs/clustered-analysis.md): one arm of G equal clusters gives Q = G²m²/(G − 1)
    // and E = Gm, so ν → G − 1 as the control arm's share of the variance vanishes.
    for (const caseworkers of [2, 3, 5, 10]) {
      const df = plannedClusterRobustDegreesOfFreedom(
        { singletons: 0, clusterSizes: Array(caseworkers).fill(20) },
        { singletons: 1e7, clusterSizes: [] },
      );
      expect(df).toBeCloseTo(caseworkers - 1, 3);
    }
  });

  test('equal clusters in both arms of a cluster-randomised design give k1 + k0 − 2, as the t test on cluster means', () => {
    // 5 treated and 5 control partnerships of 60: ν = 8 exactly (both arms' components are equal).
    expect(
      plannedClusterRobustDegreesOfFreedom(
        { singletons: 0, clusterSizes: Array(5).fill(60) },
        { singletons: 0, clusterSizes: Array(5).fill(60) },
      ),
    ).toBeCloseTo(8, 10);
  });
});
