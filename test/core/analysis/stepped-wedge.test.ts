import { describe, expect, test } from 'vitest';
import { fitWithinCluster, treatmentIndicator } from '../../../src/core/analysis/cluster-periods.js';
import { estimateVarianceMoments, fitSteppedWedgeGls } from '../../../src/core/analysis/stepped-wedge-mixed.js';
import { drawCrossover, planRollout } from '../../../src/core/assignment/rollout.js';
import { normalCdf, normalQuantile } from '../../../src/core/distributions/normal.js';
import { drawStandardNormal } from '../../../src/core/distributions/standard-normal.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import {
  steppedWedgeEffectVariance,
  steppedWedgeTreatment,
  steppedWedgeWithinClusterVariance,
} from '../../../src/search/analytic/hussey-hughes.js';

/** Normal cluster-period means of the Hussey & Hughes model: y_ij = 0.1·j + θ·X_ij + α_i + e_ij. */
function drawNormalRollout(
  clusters: number,
  steps: number,
  a: number,
  b: number,
  theta: number,
  trial: number,
): { y: Float64Array; x: Float64Array; periods: number } {
  const rng = trialStream(2026, trial);
  const plan = planRollout(clusters, steps);
  const crossover = drawCrossover(plan, rng);
  const periods = steps + 1;
  const y = new Float64Array(clusters * periods);
  for (let i = 0; i < clusters; i++) {
    const alpha = Math.sqrt(b) * drawStandardNormal(rng);
    for (let j = 0; j < periods; j++) {
      const treated = j >= crossover[i] ? 1 : 0;
      y[i * periods + j] = 0.1 * j + theta * treated + alpha + Math.sqrt(a) * drawStandardNormal(rng);
    }
  }
  return { y, x: treatmentIndicator(crossover, periods, y), periods };
}

describe('stepped-wedge analyses against R', () => {
  // R (see the calls in each test):
  //   sums <- c(3,1,2, 5,2,1, 4,6,2, 2,3,1); sizes <- c(10,10,10, 12,12,12, 10,9,10, 11,11,11)
  //   cl <- rep(1:4, each=3); per <- rep(1:3, 4); cross <- c(1,1,2,2)
  //   x <- as.numeric((per-1) >= cross[cl]); y <- log((sums+0.5)/sizes)
  const sums = [3, 1, 2, 5, 2, 1, 4, 6, 2, 2, 3, 1];
  const sizes = [10, 10, 10, 12, 12, 12, 10, 9, 10, 11, 11, 11];
  const y = Float64Array.from(sums, (s, c) => Math.log((s + 0.5) / sizes[c]));
  const crossover = Uint8Array.from([1, 1, 2, 2]);

  test('the within-cluster fit is lm(y ~ factor(cl) + factor(per) + x)', () => {
    // coef(summary(lm(y ~ factor(cl) + factor(per) + x)))["x", ] → −1.08837064356, SE 0.33621644329; df 5
    const fit = fitWithinCluster(y, treatmentIndicator(crossover, 3, y), 4, 3)!;
    expect(fit.estimate).toBeCloseTo(-1.08837064356, 10);
    expect(Math.sqrt(fit.residualVariance / fit.treatmentSumSquares)).toBeCloseTo(0.33621644329, 10);
    expect(fit.df).toBe(5);
  });

  test('with a missing cell, the within fit is lm(..., subset = keep) and GLS is the matrix formula', () => {
    // keep <- !(cl == 3 & per == 2); lm(y ~ factor(cl) + factor(per) + x, subset = keep):
    //   x → −1.00082385369, SE 0.454097430154, df 4
    // a <- 0.05; b <- 0.02; D <- cbind(model.matrix(~ factor(per) - 1), x)[keep, ];
    // V <- a·I + b·(same cluster); M <- solve(t(D) %*% solve(V) %*% D); M %*% t(D) %*% solve(V) %*% y[keep]
    //   → θ̂ −0.771330405584, M[4, 4] 0.0916666666667
    const missing = Float64Array.from(y);
    missing[2 * 3 + 1] = NaN;
    const x = treatmentIndicator(crossover, 3, missing);
    const within = fitWithinCluster(missing, x, 4, 3)!;
    expect(within.estimate).toBeCloseTo(-1.00082385369, 9);
    expect(Math.sqrt(within.residualVariance / within.treatmentSumSquares)).toBeCloseTo(0.454097430154, 9);
    expect(within.df).toBe(4);
    const gls = fitSteppedWedgeGls(missing, x, 4, 3, 0.05, 0.02)!;
    expect(gls.estimate).toBeCloseTo(-0.771330405584, 10);
    expect(gls.variance).toBeCloseTo(0.0916666666667, 10);
  });

  test('GLS at known components has exactly the Hussey & Hughes closed-form variance', () => {
    const clusters = 12;
    const steps = 4;
    const { y, x } = drawNormalRollout(clusters, steps, 0.04, 0.01, 0, 0);
    // x from a random crossover; the closed form needs only the treatment sums, the same for every order.
    const fit = fitSteppedWedgeGls(y, x, clusters, steps + 1, 0.04, 0.01)!;
    const closed = steppedWedgeEffectVariance(steppedWedgeTreatment(clusters, steps), 1, {
      clusterVariance: 0.01,
      clusterPeriodVariance: 0.04,
      personVariance: 0,
      residualVariance: 0,
    });
    expect(fit.variance).toBeCloseTo(closed, 12);
  });
});

describe('simulated power of a normal stepped-wedge trial matches Hussey & Hughes', () => {
  // 12 clusters crossing in 4 steps (5 periods); cluster-period means with own variance a and
  // cluster variance b; θ chosen for a closed-form power near 0.7. Tolerance: 4 Monte Carlo SEs of
  // the simulated power, √(p(1 − p)/trials).
  const clusters = 12;
  const steps = 4;
  const a = 0.04;
  const b = 0.01;
  const theta = 0.2;
  const trials = 4000;
  const treatment = steppedWedgeTreatment(clusters, steps);
  const components = { clusterVariance: b, clusterPeriodVariance: a, personVariance: 0, residualVariance: 0 };
  const z = normalQuantile(0.975);

  test("GLS at the true components (the closed form's own analysis)", () => {
    const se = Math.sqrt(steppedWedgeEffectVariance(treatment, 1, components));
    const closed = normalCdf(theta / se - z) + normalCdf(-theta / se - z);
    let rejections = 0;
    for (let t = 0; t < trials; t++) {
      const { y, x, periods } = drawNormalRollout(clusters, steps, a, b, theta, t);
      const fit = fitSteppedWedgeGls(y, x, clusters, periods, a, b)!;
      if (Math.abs(fit.estimate / Math.sqrt(fit.variance)) > z) rejections++;
    }
    const power = rejections / trials;
    expect(Math.abs(power - closed)).toBeLessThan(4 * Math.sqrt((closed * (1 - closed)) / trials));
  });

  test('the within-cluster t test (exact: a noncentral t)', () => {
    // Var(θ̂) = steppedWedgeWithinClusterVariance = 0.0088889, ncp = 0.2/√0.0088889 = 2.1213203436;
    // R: q <- qt(0.975, 43) → 2.0166922; 1 - pt(q, 43, ncp) + pt(-q, 43, ncp) → 0.5453480647
    const ncp = theta / Math.sqrt(steppedWedgeWithinClusterVariance(treatment, 1, components));
    expect(ncp).toBeCloseTo(2.1213203436, 9);
    const exact = 0.5453480647;
    let rejections = 0;
    for (let t = 0; t < trials; t++) {
      const { y, x, periods } = drawNormalRollout(clusters, steps, a, b, theta, t);
      const fit = fitWithinCluster(y, x, clusters, periods)!;
      expect(fit.df).toBe(43);
      const se = Math.sqrt(fit.residualVariance / fit.treatmentSumSquares);
      if (Math.abs(fit.estimate / se) > 2.0166922) rejections++;
    }
    const power = rejections / trials;
    expect(Math.abs(power - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / trials));
  });

  test('GLS at the moment estimates of the components, with 48 clusters', () => {
    // With 48 clusters (12 per step) the components are well estimated, so the Wald test of the
    // mixed-model analysis should reach the closed-form power, and its type I error α. (With 12
    // clusters it does not: docs/sequential-and-stepped-wedge.md reports the measured excess.)
    const many = 48;
    const manyTheta = 0.1;
    const se = Math.sqrt(steppedWedgeEffectVariance(steppedWedgeTreatment(many, steps), 1, components));
    const closed = normalCdf(manyTheta / se - z) + normalCdf(-manyTheta / se - z);
    let rejections = 0;
    let nullRejections = 0;
    for (let t = 0; t < trials; t++) {
      for (const effect of [manyTheta, 0]) {
        const { y, x, periods } = drawNormalRollout(many, steps, a, b, effect, t);
        const moments = estimateVarianceMoments(y, x, many, periods)!;
        const fit = fitSteppedWedgeGls(y, x, many, periods, moments.a, moments.b)!;
        if (Math.abs(fit.estimate / Math.sqrt(fit.variance)) > z) {
          if (effect === 0) nullRejections++;
          else rejections++;
        }
      }
    }
    expect(Math.abs(rejections / trials - closed)).toBeLessThan(4 * Math.sqrt((closed * (1 - closed)) / trials));
    expect(Math.abs(nullRejections / trials - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / trials));
  });
});
