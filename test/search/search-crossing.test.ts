import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/core/distributions/normal.js';
import { searchCrossing } from '../../src/search/search-crossing.js';
import { sampleSizeTwoProportionsPooled } from '../../src/search/analytic/two-proportions.js';
import { sampleSizePoissonRates } from '../../src/search/analytic/poisson-rates.js';
import { exactPowerPoissonWald, exactPowerTwoProportionZ, noisyEvaluator } from './support/exact-power.js';

function smallestReaching(power: (n: number) => number, target: number, from: number): number {
  let n = from;
  while (power(n) < target) n++;
  return n;
}

describe('searchCrossing', () => {
  it('finds the exact-enumeration size for the pooled two-proportion z test inside its interval', async () => {
    const exact = (n: number) => exactPowerTwoProportionZ(0.65, 0.85, n);
    // Exact enumeration (support/exact-power.ts; SciPy gives the same): power 0.79689 at 70, 0.80373 at 71.
    const truth = smallestReaching(exact, 0.8, 40);
    expect(truth).toBe(71);
    const start = Math.ceil(sampleSizeTwoProportionsPooled({ p1: 0.65, p2: 0.85, alpha: 0.05, power: 0.8 }));
    const result = await searchCrossing(noisyEvaluator(exact, 11), { target: 0.8, min: 4, max: 2000, start });
    expect(result.status).toBe('found');
    expect(result.complete).toBe(true);
    expect(result.valueCI![0]).toBeLessThanOrEqual(truth);
    expect(result.valueCI![1]).toBeGreaterThanOrEqual(truth);
    // The chosen value's exact power is within 3 of the requested Monte Carlo SEs (0.01) of the target.
    expect(Math.abs(exact(result.value!) - 0.8)).toBeLessThan(0.03);
    expect(result.powerMcse!).toBeLessThanOrEqual(0.01);
  });

  it('finds the exact-enumeration size for the Poisson Wald test from a poor start', async () => {
    const exact = (n: number) => exactPowerPoissonWald(0.8, 0.7, 1, n);
    const analytic = sampleSizePoissonRates({ controlRate: 0.8, rateRatio: 0.7, exposure: 1, alpha: 0.05, power: 0.9 });
    const truth = smallestReaching(exact, 0.9, Math.floor(analytic * 0.8));
    // Start three times too low: the search must widen its grid.
    const result = await searchCrossing(noisyEvaluator(exact, 5), {
      target: 0.9,
      min: 2,
      max: 10_000,
      start: Math.round(analytic / 3),
    });
    expect(result.status).toBe('found');
    expect(result.valueCI![0]).toBeLessThanOrEqual(truth);
    expect(result.valueCI![1]).toBeGreaterThanOrEqual(truth);
    expect(Math.abs(exact(result.value!) - 0.9)).toBeLessThan(0.03);
  });

  it('is deterministic for a fixed seed', async () => {
    const power = (n: number) => normalCdf(0.2 * Math.sqrt(n) - 1.96);
    const first = await searchCrossing(noisyEvaluator(power, 3), { target: 0.8, min: 2, max: 5000, start: 150 });
    const second = await searchCrossing(noisyEvaluator(power, 3), { target: 0.8, min: 2, max: 5000, start: 150 });
    expect(second).toEqual(first);
  });

  it('reports an impossible target with its plateau, not the search bound', async () => {
    // Power levels off at 0.6 (e.g. a fixed number of sites caps the information).
    const power = (n: number) => 0.6 * (1 - Math.exp(-n / 40));
    const result = await searchCrossing(noisyEvaluator(power, 7), { target: 0.8, min: 4, max: 4000, start: 100 });
    expect(result.status).toBe('impossible');
    expect(result.value).toBeNull();
    // 4 binomial SEs at 0.6 with the 1600 trials the plateau check uses.
    expect(Math.abs(result.plateau!.power - 0.6)).toBeLessThan(4 * Math.sqrt((0.6 * 0.4) / 1600));
    expect(result.warnings.join(' ')).toMatch(/levels off/);
  });

  it('judges a plateau far below the target with the trials its own power needs, not the target’s', async () => {
    // Power levels off at 0.1 (as a cluster design with few sites does). The plateau check needs a
    // standard error of 0.01 at about 10% power: 0.1 × 0.9 / 0.01² = 900 trials, not the 1600 the
    // target's 80% would need; the top's first 200 trials estimate 10% within ±0.04 (2 SEs), so
    // between 0.06 × 0.94 / 0.01² = 564 and 0.14 × 0.86 / 0.01² = 1204 trials.
    const power = (n: number) => 0.1 * (1 - Math.exp(-n / 40));
    const result = await searchCrossing(noisyEvaluator(power, 7), { target: 0.8, min: 4, max: 4000, start: 100 });
    expect(result.status).toBe('impossible');
    const top = result.points[result.points.length - 1];
    expect(top.value).toBe(4000);
    expect(top.trials).toBeGreaterThanOrEqual(564);
    expect(top.trials).toBeLessThanOrEqual(1204);
    // 4 binomial SEs at 0.1 with the trials used.
    expect(Math.abs(result.plateau!.power - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / top.trials));
  });

  it('says the target lies beyond --max when power is still rising there', async () => {
    const power = (n: number) => normalCdf(0.05 * Math.sqrt(n) - 1.96);
    const result = await searchCrossing(noisyEvaluator(power, 9), { target: 0.8, min: 4, max: 800, start: 100 });
    expect(result.status).toBe('above-max');
    expect(result.plateau!.value).toBe(800);
  });

  it('warns about saw-tooth power when power falls by more than Monte Carlo error', async () => {
    // Smooth power with a deep dent at odd values, like an exact test on a discrete outcome.
    const power = (n: number) => normalCdf(0.2 * Math.sqrt(n) - 1.96) - (n % 2 === 1 ? 0.15 : 0);
    const result = await searchCrossing(noisyEvaluator(power, 4), { target: 0.8, min: 2, max: 5000, start: 150 });
    expect(result.warnings.join(' ')).toMatch(/saw-tooth/);
  });

  it('searches a continuous value on a linear scale to its resolution', async () => {
    // Power of a z test against effect size d with standard error 0.1: Φ(d/0.1 − 1.96); 80% at d = 0.2802.
    const power = (d: number) => normalCdf(d / 0.1 - 1.959964);
    const result = await searchCrossing(noisyEvaluator(power, 2), {
      target: 0.8,
      min: 0.01,
      max: 3,
      start: 0.5,
      scale: 'linear',
      integer: false,
      resolution: 1e-4,
    });
    expect(result.status).toBe('found');
    expect(result.valueCI![0]).toBeLessThanOrEqual(0.2802);
    expect(result.valueCI![1]).toBeGreaterThanOrEqual(0.2801);
  });
});

describe('searchCrossing on a falling curve', () => {
  it('warns that power falls as the value grows', async () => {
    // E.g. a larger caseload at a fixed size: more clustering, less power.
    const power = (n: number) => normalCdf(3 - 0.2 * Math.sqrt(n));
    const result = await searchCrossing(noisyEvaluator(power, 8), { target: 0.8, min: 2, max: 400, start: 50 });
    expect(result.warnings.join(' ')).toMatch(/power falls as the value grows/);
  });
});

describe('searchCrossing calibration', () => {
  it('its 95% value interval holds the exact answer in at least 90 of 100 seeded searches (Poisson Wald)', async () => {
    // Exact power by enumerating the two Poisson arm totals; 247 per arm first reaches 90%.
    const cache = new Map<number, number>();
    const exact = (n: number) => {
      if (!cache.has(n)) cache.set(n, exactPowerPoissonWald(0.8, 0.7, 1, n));
      return cache.get(n)!;
    };
    const truth = smallestReaching(exact, 0.9, 200);
    let covered = 0;
    for (let seed = 100; seed < 200; seed++) {
      const result = await searchCrossing(noisyEvaluator(exact, seed), { target: 0.9, min: 4, max: 5000, start: 80 });
      if (result.valueCI![0] <= truth && truth <= result.valueCI![1]) covered++;
    }
    // With true 95% coverage, fewer than 90 of 100 has probability 0.03 (binomial).
    expect(covered).toBeGreaterThanOrEqual(90);
  });
});
