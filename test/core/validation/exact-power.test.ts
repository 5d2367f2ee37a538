/**
 * Simulated power against exact enumeration (validation.md, "Exact checks that need no formula"):
 * the two-proportion z test's power at fixed arm sizes is a sum over both binomial distributions,
 * and the Poisson Wald test's a sum over both Poisson arm totals. The enumerations here are
 * written independently of src/ (their own pmf recurrences), and the simulated power must agree
 * within 4 Monte Carlo standard errors.
 */
import { describe, expect, it } from 'vitest';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { binaryOn, countOn, oneGroupDesign } from '../../support/one-group-design.js';

const Z = 1.959963984540054; // qnorm(0.975), R 4.x

/** Binomial(n, p) probabilities for 0..n by the ratio recurrence, in log space for stability. */
function binomialProbabilities(n: number, p: number): number[] {
  const logs: number[] = [n * Math.log1p(-p)];
  for (let k = 1; k <= n; k++) logs.push(logs[k - 1] + Math.log((n - k + 1) / k) + Math.log(p / (1 - p)));
  return logs.map(Math.exp);
}

/** Poisson(mean) probabilities for 0..max. */
function poissonProbabilities(mean: number, max: number): number[] {
  const logs: number[] = [-mean];
  for (let k = 1; k <= max; k++) logs.push(logs[k - 1] + Math.log(mean / k));
  return logs.map(Math.exp);
}

function exactPooledZPower(n1: number, p1: number, n0: number, p0: number): number {
  const b1 = binomialProbabilities(n1, p1);
  const b0 = binomialProbabilities(n0, p0);
  let power = 0;
  for (let x1 = 0; x1 <= n1; x1++) {
    for (let x0 = 0; x0 <= n0; x0++) {
      const pooled = (x1 + x0) / (n1 + n0);
      if (pooled === 0 || pooled === 1) continue; // the statistic is undefined: no finding
      const z = (x1 / n1 - x0 / n0) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
      if (Math.abs(z) > Z) power += b1[x1] * b0[x0];
    }
  }
  return power;
}

function exactPoissonWaldPower(n1: number, mean1: number, n0: number, mean0: number): number {
  const max1 = Math.ceil(n1 * mean1 + 12 * Math.sqrt(n1 * mean1) + 20);
  const max0 = Math.ceil(n0 * mean0 + 12 * Math.sqrt(n0 * mean0) + 20);
  const s1 = poissonProbabilities(n1 * mean1, max1);
  const s0 = poissonProbabilities(n0 * mean0, max0);
  let power = 0;
  for (let a = 1; a <= max1; a++) {
    for (let b = 1; b <= max0; b++) {
      const z = Math.log(a / n1 / (b / n0)) / Math.sqrt(1 / a + 1 / b);
      if (Math.abs(z) > Z) power += s1[a] * s0[b];
    }
  }
  return power;
}

function simulatedPower(design: ReturnType<typeof oneGroupDesign>, trials: number): number {
  return simulateBlock(prepareDesign(design), 0, trials, { withNull: false }).outcomes[0].rejections / trials;
}

describe('simulated power equals exact enumeration', () => {
  const trials = 3000;

  it.each([
    [45, 120, 0.6, 0.8],
    [70, 70, 0.65, 0.85 / 0.65],
    [30, 30, 0.5, 0.5],
    [100, 50, 0.3, 1.5],
  ])(
    'two-proportion z: %i treated vs %i control, control prevalence %f, risk ratio %f',
    (treated, control, prevalence, riskRatio) => {
      const design = oneGroupDesign({
        treated,
        control,
        outcomes: [binaryOn('any', prevalence, riskRatio, 'two-proportion-z')],
      });
      const exact = exactPooledZPower(treated, prevalence * riskRatio, control, prevalence);
      const standardError = Math.sqrt((exact * (1 - exact)) / trials);
      expect(Math.abs(simulatedPower(design, trials) - exact)).toBeLessThan(4 * standardError + 1e-9);
    },
  );

  it.each([
    [45, 120, 1.2, 0.7],
    [20, 20, 0.5, 0.5],
    [200, 200, 0.8, 0.85],
    [45, 120, 0.6, 1],
  ])('Poisson Wald: %i treated vs %i control, control rate %f, rate ratio %f', (treated, control, rate, rateRatio) => {
    const design = oneGroupDesign({ treated, control, outcomes: [countOn('count', rate, rateRatio, 'poisson-wald')] });
    const exact = exactPoissonWaldPower(treated, rate * rateRatio, control, rate);
    const standardError = Math.sqrt((exact * (1 - exact)) / trials);
    expect(Math.abs(simulatedPower(design, trials) - exact)).toBeLessThan(4 * standardError + 1e-9);
  });

  it('follow-up months scale the Poisson mean (6 months halves a yearly rate)', () => {
    const design = oneGroupDesign({
      treated: 45,
      control: 120,
      followUpMonths: 6,
      outcomes: [countOn('count', 1.2, 0.7, 'poisson-wald')],
    });
    const exact = exactPoissonWaldPower(45, 0.6 * 0.7, 120, 0.6);
    const standardError = Math.sqrt((exact * (1 - exact)) / trials);
    expect(Math.abs(simulatedPower(design, trials) - exact)).toBeLessThan(4 * standardError);
  });
});
