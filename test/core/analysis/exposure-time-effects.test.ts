import { describe, expect, test } from 'vitest';
import { estimateExposureTimeEffects, fitExposureTimes } from '../../../src/core/analysis/exposure-time-effects.js';
import { studentCriticalValue } from '../../../src/core/analysis/critical-value.js';
import { drawCrossover, planRollout } from '../../../src/core/assignment/rollout.js';
import { drawStandardNormal } from '../../../src/core/distributions/standard-normal.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';

const PLAN = { alpha: 0.05, sides: 'two', multiplicity: 'none', adjustForPrior: false, permutations: 0 } as const;

describe('exposure-time effects against R', () => {
  // R:
  //   S <- c(3,1,2,5,2,1,4,6,2,2,3,1); n <- c(10,10,10,12,12,12,10,9,10,11,11,11)
  //   cl <- rep(1:4, each=3); per <- rep(0:2, 4); cr <- c(1,1,2,2)[cl]
  //   y <- log((S+0.5)/n); e <- per - cr; d0 <- as.numeric(e==0); d1 <- as.numeric(e==1)
  //   f <- lm(y ~ factor(cl) + factor(per) + d0 + d1); summary(f)$coefficients[c("d0","d1"),]
  //   → d0 −1.22265637658 (SE 0.41275881150), d1 −1.49122784262 (SE 0.71491923279); df 4
  const sums = [3, 1, 2, 5, 2, 1, 4, 6, 2, 2, 3, 1];
  const sizes = [10, 10, 10, 12, 12, 12, 10, 9, 10, 11, 11, 11];
  const y = Float64Array.from(sums, (s, c) => Math.log((s + 0.5) / sizes[c]));
  const crossover = Uint8Array.from([1, 1, 2, 2]);

  test('the fit is lm(y ~ factor(cl) + factor(per) + d0 + d1)', () => {
    const fit = fitExposureTimes(y, crossover, 4, 3, 2)!;
    expect(fit.estimates[0]).toBeCloseTo(-1.22265637658, 10);
    expect(fit.estimates[1]).toBeCloseTo(-1.49122784262, 10);
    expect(fit.standardErrors[0]).toBeCloseTo(0.4127588115, 10);
    expect(fit.standardErrors[1]).toBeCloseTo(0.71491923279, 10);
    expect(fit.df).toBe(4);
    expect([...fit.treatedCells]).toEqual([4, 2]);
    expect(fit.controlCells).toBe(6);
  });

  test('with a missing cell it is lm(..., subset = keep)', () => {
    // keep <- !(cl == 3 & per == 1); lm(y ~ factor(cl) + factor(per) + d0 + d1, subset = keep)
    //   → d0 −1.13510958671 (SE 0.550433511697), d1 −1.40368105275 (SE 0.862363579282); df 3
    const missing = Float64Array.from(y);
    missing[7] = NaN;
    const fit = fitExposureTimes(missing, crossover, 4, 3, 2)!;
    expect(fit.estimates[0]).toBeCloseTo(-1.13510958671, 8);
    expect(fit.estimates[1]).toBeCloseTo(-1.40368105275, 8);
    expect(fit.standardErrors[0]).toBeCloseTo(0.550433511697, 8);
    expect(fit.standardErrors[1]).toBeCloseTo(0.862363579282, 8);
    expect(fit.df).toBe(3);
    expect(fit.controlCells).toBe(5);
  });

  test('the per-step results read the cluster-period sums and give t intervals and p-values', () => {
    // 2·pt(-abs(-1.22265637658/0.41275881150), 4) → 0.0414655677048; qt(0.975, 4) → 2.776445105
    const steps = estimateExposureTimeEffects(
      {
        clusters: 4,
        periods: 3,
        sums: Float64Array.from(sums),
        sizes: Float64Array.from(sizes),
        crossover,
        redrawCrossover: () => undefined,
      },
      PLAN,
      2,
    );
    expect(steps[0].result.pValue).toBeCloseTo(0.0414655677048, 8);
    expect(steps[0].result.upper).toBeCloseTo(-1.22265637658 + 2.776445105 * 0.4127588115, 8);
    expect(steps[1].result.pValue).toBeCloseTo(0.1053214253341, 8);
    expect(steps.map((s) => s.treatedCells)).toEqual([4, 2]);
  });

  test('a rollout with no cluster-periods fails every step rather than throwing', () => {
    const steps = estimateExposureTimeEffects(null, PLAN, 3);
    expect(steps).toHaveLength(3);
    expect(steps.every((s) => s.result.failed)).toBe(true);
  });
});

describe('exposure-time effects on simulated normal rollouts', () => {
  // Normal cluster-period means y_ij = 0.1·j + θ_e·[j − crossover_i = e] + α_i + ε_ij, α_i ~ N(0, 0.02),
  // ε_ij ~ N(0, 0.05): the exposure-time model holds exactly with normal homoscedastic errors, so
  // least squares is unbiased for each θ_e and its t interval covers with probability exactly 0.95.
  // Tolerances: 4 Monte Carlo SEs — for a mean, the estimates' sample SD / √trials; for coverage,
  // √(0.95·0.05/trials) = 0.0049 at 2,000 trials.
  const clusters = 12;
  const steps = 4;
  const periods = steps + 1;
  const theta = [0.1, 0.2, 0.3, 0.45];
  const trials = 2000;
  const plan = planRollout(clusters, steps);

  test('each step is unbiased for its own effect and its 95% t interval covers 95% of the time', () => {
    const sum = new Float64Array(steps);
    const sumSquares = new Float64Array(steps);
    const covered = new Float64Array(steps);
    for (let t = 0; t < trials; t++) {
      const rng = trialStream(77, t);
      const crossover = drawCrossover(plan, rng);
      const y = new Float64Array(clusters * periods);
      for (let i = 0; i < clusters; i++) {
        const alpha = Math.sqrt(0.02) * drawStandardNormal(rng);
        for (let j = 0; j < periods; j++) {
          const e = j - crossover[i];
          y[i * periods + j] = 0.1 * j + (e >= 0 ? theta[e] : 0) + alpha + Math.sqrt(0.05) * drawStandardNormal(rng);
        }
      }
      const fit = fitExposureTimes(y, crossover, clusters, periods, steps)!;
      const critical = studentCriticalValue(0.05, fit.df);
      for (let e = 0; e < steps; e++) {
        const estimate = fit.estimates[e];
        sum[e] += estimate;
        sumSquares[e] += estimate * estimate;
        if (Math.abs(estimate - theta[e]) <= critical * fit.standardErrors[e]) covered[e]++;
      }
    }
    for (let e = 0; e < steps; e++) {
      const mean = sum[e] / trials;
      const sd = Math.sqrt(sumSquares[e] / trials - mean * mean);
      expect(Math.abs(mean - theta[e])).toBeLessThan((4 * sd) / Math.sqrt(trials));
      expect(Math.abs(covered[e] / trials - 0.95)).toBeLessThan(4 * Math.sqrt((0.95 * 0.05) / trials));
    }
  });
});
