import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { estimateClusterRobustLogRatio } from '../../../src/core/analysis/cluster-robust-log-ratio.js';
import { testClusterRobust, type ClusterRobustOptions } from '../../../src/core/analysis/cluster-robust.js';
import { summariseClusteredArms, type ClusteredArms } from '../../../src/core/analysis/clustered-arms.js';
import { logRatioOfMeansResult } from '../../../src/core/analysis/log-ratio-of-means.js';
import { testNegativeBinomial } from '../../../src/core/analysis/negative-binomial.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { ONE_SIDED, TWO_SIDED } from './fixtures.js';

// Reference values: R 4.x with MASS, sandwich 3.0.2 and clubSandwich 0.5.8. Each dataset is a
// partially clustered trial (treated people share a caseworker, controls are singletons) drawn
// once by this script; its output (data and results) is pasted below.
//
//   library(MASS); library(sandwich); library(clubSandwich)
//   ctl <- glm.control(epsilon = 1e-14, maxit = 100)
//   # IRLS started at the exact solution (the arm means), so R's values carry no iteration error
//   exact <- function(v, tr) c(log(mean(v[tr == 0])), log(mean(v[tr == 1]) / mean(v[tr == 0])))
//   report <- function(name, fit, id, tr) {
//     ct <- coef_test(fit, vcov = "CR2", cluster = id, test = "Satterthwaite")
//     est <- ct$beta[2]; se <- ct$SE[2]; df <- ct$df_Satt[2]
//     cr1 <- sqrt(vcovCL(fit, cluster = id, type = "HC1")[2, 2]); G <- length(unique(id))
//     # est, CR2 se, Satterthwaite df, two-sided p, one-sided (reduction) p, CR1 se, CR1 p on G - 1
//     print(c(est, se, df, ct$p_Satt[2], pt(est / se, df), cr1, 2 * pt(-abs(est / cr1), G - 1)), digits = 12)
//   }
//   set.seed(20240611)
//   for (d in list(list("A", c(4, 6, 9), 12), list("B", c(2, 3, 5, 7, 4), 20),
//                  list("C", c(3, 1, 5, 2, 6, 4, 2, 3, 5, 1, 4, 6), 30))) {
//     sizes <- d[[2]]; n0 <- d[[3]]; G1 <- length(sizes); cw <- rep(seq_len(G1), sizes)
//     u <- rgamma(G1, shape = 4, rate = 4)[cw]                      # caseworker multipliers
//     y <- c(rnbinom(sum(sizes), size = 1, mu = 1.2 * u), rnbinom(n0, size = 1, mu = 1.6))
//     tr <- c(rep(1, sum(sizes)), rep(0, n0)); id <- c(cw, 100 + seq_len(n0))
//     harm <- round(y * rlnorm(length(y), log(30), 0.7), 2); b <- as.integer(y > 0)
//     report("poisson", glm(y ~ tr, family = poisson, control = ctl, start = exact(y, tr)), id, tr)
//     nb <- glm.nb(y ~ tr, control = ctl); print(nb$theta, digits = 12)
//     report("glm.nb", nb, id, tr)
//     report("quasipoisson harm", glm(harm ~ tr, family = quasipoisson, control = ctl,
//            start = exact(harm, tr)), id, tr)
//     report("log-binomial", glm(b ~ tr, family = binomial(link = "log"), control = ctl,
//            start = exact(b, tr)), id, tr)
//   }
//   # D: cluster randomised, 3 treated sites (5, 8, 6 people) and 4 control sites (7, 4, 6, 5)
//   s1 <- c(5, 8, 6); s0 <- c(7, 4, 6, 5); site <- c(rep(1:3, s1), rep(4:7, s0))
//   tr <- c(rep(1, sum(s1)), rep(0, sum(s0))); m <- rgamma(7, shape = 5, rate = 5)[site]
//   y <- rnbinom(length(site), size = 2, mu = 1.5 * m * ifelse(tr == 1, 0.8, 1))
//   report("D poisson", glm(y ~ tr, family = poisson, control = ctl, start = exact(y, tr)), site, tr)
//
// Agreement: the closed forms and R agree to rounding (≤ 1e-12) on estimates and SEs, since R's IRLS
// starts at its solution; the Student t tail and quantile are accurate to about 1e-12
// (src/core/distributions/student-t.ts). Degrees of freedom and p-values are asked to 5e-9, those
// of the negative-binomial working model to 5e-7 (they carry the tool's own ML θ, whose search
// stops near 1e-8 relative, against glm.nb's) — all inside the 1e-6 required.

interface Dataset {
  readonly y: readonly number[];
  readonly harm: readonly number[];
  /** Caseworker of each treated person (0-based), −1 for each control. */
  readonly caseworker: readonly number[];
}

const A: Dataset = {
  y: [0, 0, 0, 1, 4, 2, 1, 1, 0, 3, 0, 2, 4, 1, 1, 0, 4, 0, 3, 3, 4, 1, 0, 2, 1, 1, 4, 5, 0, 1, 0],
  harm: [
    0, 0, 0, 17.39, 70.86, 76.17, 99.8, 44.81, 0, 446.57, 0, 12.2, 118.5, 27.33, 12.56, 0, 112.04, 0, 134.04, 54.85,
    253.86, 14.68, 0, 60.93, 35.44, 39.35, 243.71, 127.43, 0, 44.46, 0,
  ],
  caseworker: [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1],
};

const B: Dataset = {
  y: [
    2, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 2, 1, 1, 1, 2, 3, 1, 0, 0, 0, 2, 4, 0, 6, 0, 1, 2, 0, 0, 7, 5, 0, 1, 4, 1, 0, 4, 0,
    0, 2,
  ],
  harm: [
    104.01, 47.51, 17.75, 0, 68.7, 0, 0, 0, 0, 0, 0, 68.15, 39.53, 55.45, 110.27, 99.99, 65.98, 21.52, 0, 0, 0, 35.21,
    94.44, 0, 35.17, 0, 27.9, 83.74, 0, 0, 376.4, 196.73, 0, 79.17, 90.7, 34.97, 0, 72.67, 0, 0, 17.98,
  ],
  caseworker: [
    0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1,
  ],
};

const C: Dataset = {
  y: [
    0, 1, 2, 1, 1, 1, 2, 0, 0, 1, 1, 3, 0, 13, 0, 6, 0, 2, 0, 0, 3, 0, 0, 0, 0, 0, 3, 1, 3, 2, 6, 1, 0, 0, 0, 0, 0, 0,
    1, 0, 1, 0, 3, 3, 5, 0, 1, 2, 1, 0, 3, 1, 4, 0, 1, 0, 0, 0, 0, 5, 2, 0, 1, 1, 4, 1, 2, 0, 0, 2, 1, 2,
  ],
  harm: [
    0, 29.47, 133.85, 21.19, 13.76, 19.55, 56.28, 0, 0, 60.13, 26.9, 365.21, 0, 165.77, 0, 296.53, 0, 402.58, 0, 0,
    167.48, 0, 0, 0, 0, 0, 127.28, 19, 72.89, 59.77, 289.85, 21.59, 0, 0, 0, 0, 0, 0, 57.35, 0, 23.52, 0, 430.78, 51.95,
    431.06, 0, 49.86, 44, 19, 0, 71.84, 8.45, 63.13, 0, 38.23, 0, 0, 0, 0, 444.25, 86.42, 0, 69.38, 10.4, 75.77, 27.41,
    49.14, 0, 0, 29.9, 132.89, 402.21,
  ],
  caseworker: [
    0, 0, 0, 1, 2, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 8, 9, 10, 10, 10, 10, 11,
    11, 11, 11, 11, 11, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1,
  ],
};

/** One R reference row: estimate, CR2 SE, Satterthwaite df, two-sided p, one-sided p, CR1 SE, CR1 p on G − 1. */
type Reference = readonly [number, number, number, number, number, number, number];

function arms(values: readonly number[], caseworker: readonly number[]): ClusteredArms {
  return summariseClusteredArms(
    Float64Array.from(values),
    Uint8Array.from(caseworker, (c) => (c >= 0 ? 1 : 0)),
    Int32Array.from(caseworker),
  )!;
}

const CR2_POISSON: ClusterRobustOptions = { workingDispersion: 0, correction: 'CR2' };

function expectReference(data: ClusteredArms, workingDispersion: number, reference: Reference, dfDigits = 8): void {
  const [estimate, se, df, pTwo, pOne, seCR1, pCR1] = reference;
  const cr2 = testClusterRobust(data, TWO_SIDED, { workingDispersion, correction: 'CR2' });
  expect(cr2.logEstimate).toBeCloseTo(estimate, 10);
  expect(cr2.standardError).toBeCloseTo(se, 10);
  expect(cr2.degreesOfFreedom).toBeCloseTo(df, dfDigits);
  expect(cr2.pValue).toBeCloseTo(pTwo, dfDigits + 1);
  expect(testClusterRobust(data, ONE_SIDED, { workingDispersion, correction: 'CR2' }).pValue).toBeCloseTo(
    pOne,
    dfDigits,
  );
  const cr1 = testClusterRobust(data, TWO_SIDED, { workingDispersion, correction: 'CR1' });
  expect(cr1.standardError).toBeCloseTo(seCR1, 9);
  expect(cr1.pValue).toBeCloseTo(pCR1, 9);
}

/** The working α of a negative-binomial working model, fitted by the tool's own glm.nb (ML θ, α = 1/θ). */
function fittedAlpha(dataset: Dataset): number {
  const treated = Uint8Array.from(dataset.caseworker, (c) => (c >= 0 ? 1 : 0));
  const data = {
    values: Float64Array.from(dataset.y),
    treated,
    cluster: null,
    prior: null,
    integerValued: true,
    rerandomise: null,
  };
  return testNegativeBinomial(summariseArms(data), TWO_SIDED).dispersion!;
}

describe('cluster-robust log ratio against R (clubSandwich CR2 + Satterthwaite, sandwich::vcovCL HC1)', () => {
  test('dataset A (3 caseworkers of 4, 6, 9; 12 controls): Poisson, glm.nb, quasi-Poisson harm, log-binomial', () => {
    // A poisson: -0.254737916732 0.372841883866 7.149589069849 0.515982581199 0.257991290599 0.356638433157 0.486796512821
    expectReference(
      arms(A.y, A.caseworker),
      0,
      [-0.254737916732, 0.372841883866, 7.149589069849, 0.515982581199, 0.257991290599, 0.356638433157, 0.486796512821],
    );
    // A theta 2.23085420966 (alpha 0.448258786104)
    // A glm.nb: -0.254737916732 0.372841883866 7.704110540960 0.514476870358 0.257238435179 0.356638433157 0.486796512821
    const alpha = fittedAlpha(A);
    expect(1 / alpha).toBeCloseTo(2.23085420966, 7);
    expectReference(
      arms(A.y, A.caseworker),
      alpha,
      [-0.254737916732, 0.372841883866, 7.70411054096, 0.514476870358, 0.257238435179, 0.356638433157, 0.486796512821],
      6,
    );
    // A quasipoisson harm: -0.166727413199 0.587060005619 7.604028156638 0.783986399560 0.391993199780 0.542873794902 0.763272832033
    expectReference(
      arms(A.harm, A.caseworker),
      0,
      [-0.166727413199, 0.587060005619, 7.604028156638, 0.78398639956, 0.39199319978, 0.542873794902, 0.763272832033],
    );
    // A log-binomial: -0.171850256927 0.258812561488 5.746687617295 0.532411591281 0.266205795641 0.246507889299 0.497129924123
    expectReference(
      arms(
        A.y.map((v) => (v > 0 ? 1 : 0)),
        A.caseworker,
      ),
      -1,
      [-0.171850256927, 0.258812561488, 5.746687617295, 0.532411591281, 0.266205795641, 0.246507889299, 0.497129924123],
    );
  });

  test('dataset B (5 caseworkers of 2, 3, 5, 7, 4; 20 controls)', () => {
    // B poisson: -0.9397630880593 0.5469154560730 6.4435768668946 0.1331282549468 0.0665641274734 0.4964712968578 0.0704938562868
    expectReference(
      arms(B.y, B.caseworker),
      0,
      [
        -0.9397630880593, 0.546915456073, 6.4435768668946, 0.1331282549468, 0.0665641274734, 0.4964712968578,
        0.0704938562868,
      ],
    );
    // B theta 1.24072963652 (alpha 0.805977362488)
    // B glm.nb: -0.9397630880593 0.5469154560730 8.4849958590664 0.1219071067638 0.0609535533819 0.4964712968578 0.0704938562868
    const alpha = fittedAlpha(B);
    expect(1 / alpha).toBeCloseTo(1.24072963652, 7);
    expectReference(
      arms(B.y, B.caseworker),
      alpha,
      [
        -0.9397630880593, 0.546915456073, 8.4849958590664, 0.1219071067638, 0.0609535533819, 0.4964712968578,
        0.0704938562868,
      ],
      6,
    );
    // B quasipoisson harm: -0.542569510662 0.614996523031 8.118758484334 0.403015573104 0.201507786552 0.568994598094 0.349813406006
    expectReference(
      arms(B.harm, B.caseworker),
      0,
      [-0.542569510662, 0.614996523031, 8.118758484334, 0.403015573104, 0.201507786552, 0.568994598094, 0.349813406006],
    );
    // B log-binomial: -0.135801541159 0.446416786220 9.464987143708 0.767555194006 0.383777597003 0.405551441658 0.740642368013
    expectReference(
      arms(
        B.y.map((v) => (v > 0 ? 1 : 0)),
        B.caseworker,
      ),
      -1,
      [-0.135801541159, 0.44641678622, 9.464987143708, 0.767555194006, 0.383777597003, 0.405551441658, 0.740642368013],
    );
  });

  test('dataset C (12 caseworkers of 1 to 6, two of them with one person; 30 controls)', () => {
    // C poisson: -0.135801541159 0.416592056669 29.678329280094 0.746725391018 0.373362695509 0.400636440702 0.736366456644
    expectReference(
      arms(C.y, C.caseworker),
      0,
      [
        -0.135801541159, 0.416592056669, 29.678329280094, 0.746725391018, 0.373362695509, 0.400636440702,
        0.736366456644,
      ],
    );
    // C theta 0.851116311552 (alpha 1.17492754683)
    // C glm.nb: -0.135801541159 0.416592056669 30.867028674974 0.746637716049 0.373318858024 0.400636440702 0.736366456644
    const alpha = fittedAlpha(C);
    expect(1 / alpha).toBeCloseTo(0.851116311552, 7);
    expectReference(
      arms(C.y, C.caseworker),
      alpha,
      [
        -0.135801541159, 0.416592056669, 30.867028674974, 0.746637716049, 0.373318858024, 0.400636440702,
        0.736366456644,
      ],
      6,
    );
    // C quasipoisson harm: -0.379217194330 0.463277933303 26.166194756414 0.420434485311 0.210217242655 0.452204666210 0.406558557468
    expectReference(
      arms(C.harm, C.caseworker),
      0,
      [-0.37921719433, 0.463277933303, 26.166194756414, 0.420434485311, 0.210217242655, 0.45220466621, 0.406558557468],
    );
    // C log-binomial: -0.287682072452 0.242221618350 21.930748000285 0.247663642026 0.123831821013 0.237048803816 0.231846191221
    expectReference(
      arms(
        C.y.map((v) => (v > 0 ? 1 : 0)),
        C.caseworker,
      ),
      -1,
      [-0.287682072452, 0.24222161835, 21.930748000285, 0.247663642026, 0.123831821013, 0.237048803816, 0.231846191221],
    );
  });

  test('dataset D (cluster randomised: 3 treated sites, 4 control sites, no singletons)', () => {
    // D poisson: -0.629925315307 0.473960107787 3.585434729287 0.262082521452 0.131041260726 0.429358711095 0.192709085025
    const y = [
      0, 0, 0, 0, 3, 6, 0, 1, 3, 1, 0, 0, 3, 0, 2, 2, 0, 0, 2, 11, 1, 3, 4, 5, 3, 0, 0, 5, 0, 1, 8, 0, 0, 4, 0, 4, 1, 0,
      0, 0, 0,
    ];
    const site = [
      0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6,
      6, 6, 6,
    ];
    const data = summariseClusteredArms(
      Float64Array.from(y),
      Uint8Array.from(site, (s) => (s < 3 ? 1 : 0)),
      Int32Array.from(site),
    )!;
    expectReference(
      data,
      0,
      [-0.629925315307, 0.473960107787, 3.585434729287, 0.262082521452, 0.131041260726, 0.429358711095, 0.192709085025],
    );
  });
});

describe('cluster-robust log ratio: structure', () => {
  test('with every person their own cluster, CR2 is the delta-method variance with n − 1 sample variances', () => {
    // An independent formula (log-ratio-of-means.ts): s1²/(n1·m1²) + s0²/(n0·m0²).
    const treatedValues = [0, 1, 2, 5, 3];
    const controlValues = [1, 3, 4, 6, 0, 2];
    const delta = logRatioOfMeansResult(
      summariseArms({
        values: Float64Array.from([...treatedValues, ...controlValues]),
        treated: Uint8Array.from([...treatedValues.map(() => 1), ...controlValues.map(() => 0)]),
        integerValued: true,
      }),
      0.05,
      NaN,
    );
    const treated = Uint8Array.from([...treatedValues.map(() => 1), ...controlValues.map(() => 0)]);
    const data = summariseClusteredArms(
      Float64Array.from([...treatedValues, ...controlValues]),
      treated,
      new Int32Array(treated.length).fill(-1),
    )!;
    const estimate = estimateClusterRobustLogRatio(data, 0);
    expect(estimate.logEstimate).toBeCloseTo(delta.logEstimate, 14);
    expect(Math.sqrt(estimate.varianceCR2)).toBeCloseTo(delta.standardError, 14);
  });

  property.prop([
    fc.array(fc.tuple(fc.nat(8), fc.integer({ min: 0, max: 4 })), { minLength: 4, maxLength: 30 }),
    fc.array(fc.nat(8), { minLength: 2, maxLength: 20 }),
    fc.integer(),
  ])(
    'does not depend on the order of people or the numbering of clusters',
    (treatedPeople, controlValues, shuffleSeed) => {
      const values = [...treatedPeople.map(([v]) => v), ...controlValues];
      const cluster = [...treatedPeople.map(([, c]) => c), ...controlValues.map(() => -1)];
      const order = values.map((_, i) => i);
      let state = shuffleSeed >>> 0;
      for (let i = order.length - 1; i > 0; i--) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        const j = state % (i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const relabel = (c: number) => (c < 0 ? -1 : 10 - c);
      const original = estimateClusterRobustLogRatio(arms(values, cluster), 0.5);
      const shuffled = estimateClusterRobustLogRatio(
        arms(
          order.map((i) => values[i]),
          order.map((i) => relabel(cluster[i])),
        ),
        0.5,
      );
      expect(shuffled.failure).toBe(original.failure);
      if (original.failure !== '') return;
      expect(shuffled.logEstimate).toBeCloseTo(original.logEstimate, 12);
      expect(shuffled.varianceCR2).toBeCloseTo(original.varianceCR2, 12);
      expect(shuffled.degreesOfFreedomCR2).toBeCloseTo(original.degreesOfFreedomCR2, 9);
      expect(shuffled.varianceCR1).toBeCloseTo(original.varianceCR1, 12);
    },
  );

  test('the 95% interval is the estimate ± the t quantile on its degrees of freedom times the SE', () => {
    // R: qt(0.975, 7.14958907108) = 2.35463176021 (CR2, dataset A); qt(0.975, 14) = 2.14478668792 (CR1, G − 1 = 14)
    const data = arms(A.y, A.caseworker);
    const cr2 = testClusterRobust(data, TWO_SIDED, CR2_POISSON);
    expect(cr2.upper - cr2.logEstimate).toBeCloseTo(2.35463176021 * 0.372841883848, 8);
    expect(cr2.logEstimate - cr2.lower).toBeCloseTo(2.35463176021 * 0.372841883848, 8);
    const cr1 = testClusterRobust(data, TWO_SIDED, { workingDispersion: 0, correction: 'CR1' });
    expect(cr1.degreesOfFreedom).toBe(14);
    expect(cr1.upper - cr1.logEstimate).toBeCloseTo(2.14478668792 * 0.356638433157, 8);
  });

  test('fails, with the reason, when an arm has one cluster, no events or nobody', () => {
    expect(testClusterRobust(arms([1, 2, 3, 1, 0, 2], [0, 0, 0, -1, -1, -1]), TWO_SIDED, CR2_POISSON)).toMatchObject({
      failed: true,
      failure: 'an arm has fewer than 2 clusters',
      treatedClusters: 1,
    });
    expect(testClusterRobust(arms([0, 0, 0, 1, 0, 2], [0, 1, 1, -1, -1, -1]), TWO_SIDED, CR2_POISSON)).toMatchObject({
      failed: true,
      failure: 'an arm has no events',
    });
    expect(testClusterRobust(arms([1, 2, 3], [0, 1, 1]), TWO_SIDED, CR2_POISSON)).toMatchObject({
      failed: true,
      failure: 'an arm is empty',
    });
    expect(testClusterRobust(arms([1, 1, 1, 2, 2, 2], [0, 1, 1, -1, -1, -1]), TWO_SIDED, CR2_POISSON)).toMatchObject({
      failed: true,
      failure: 'no variation within arms',
    });
  });
});
