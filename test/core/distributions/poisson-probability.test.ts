import { describe, expect, test } from 'vitest';
import {
  logPoissonPmf,
  poissonCdf,
  poissonPmf,
  poissonSurvival,
} from '../../../src/core/distributions/poisson-probability.js';

// [k, mean, pmf, cdf, survival] from mpmath at 50 digits:
// pmf = exp(−μ + k·log μ − loggamma(k+1)), cdf = gammainc(k+1, μ, inf, regularized=True),
// survival = gammainc(k+1, 0, μ, regularized=True)
const REFERENCE: Array<[number, number, number, number, number]> = [
  [0, 1.2, 0.30119421191220214, 0.30119421191220214, 0.6988057880877979],
  [2, 1.2, 0.2168598325767855, 0.8794870987836302, 0.12051290121636987],
  [10, 1.2, 5.139206272356826e-7, 0.9999999377638169, 6.22361830745634e-8],
  [30, 1.2, 2.695404370462482e-31, 1.0, 1.0839839659593885e-32],
  [0, 1e-6, 0.9999990000005, 0.9999990000005, 9.999995000001667e-7],
  [1, 1e-6, 9.999990000004999e-7, 0.9999999999995, 4.999996666667916e-13],
  [50, 10.5, 1.0382406316684745e-18, 1.0, 2.675215790183487e-19],
  [3, 10.5, 0.005312813696416842, 0.007147429634343747, 0.9928525703656562],
  [900, 1000, 7.516954352125952e-5, 0.0006977673277963068, 0.9993022326722036],
  [1000, 1000, 0.012614611348721499, 0.508409367168506, 0.491590632831494],
  [1100, 1000, 9.498944242299507e-5, 0.9991323590365564, 0.000867640963443562],
  [1000000, 1000003.3, 0.000398940074926401, 0.4989494544601062, 0.5010505455398938],
];

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / expected;

describe('Poisson probabilities', () => {
  test.each(REFERENCE)('k = %d, mean = %d: pmf, cdf and survival match mpmath', (k, mean, pmf, cdf, survival) => {
    expect(relative(poissonPmf(k, mean), pmf)).toBeLessThan(1e-13);
    expect(relative(poissonCdf(k, mean), cdf)).toBeLessThan(1e-12);
    expect(relative(poissonSurvival(k, mean), survival)).toBeLessThan(1e-12);
  });

  test('cdf is the running sum of the pmf and cdf + survival = 1', () => {
    for (const mean of [0.3, 1.2, 7.5, 42]) {
      let sum = 0;
      for (let k = 0; k < 3 * mean + 30; k += 1) {
        sum += poissonPmf(k, mean);
        expect(poissonCdf(k, mean)).toBeCloseTo(sum, 14);
        expect(poissonCdf(k, mean) + poissonSurvival(k, mean)).toBeCloseTo(1, 14);
      }
    }
  });

  test('handles mean 0, negative and fractional k', () => {
    expect(poissonPmf(0, 0)).toBe(1);
    expect(poissonPmf(1, 0)).toBe(0);
    expect(poissonPmf(-1, 2)).toBe(0);
    expect(poissonPmf(1.5, 2)).toBe(0);
    expect(logPoissonPmf(0, 2)).toBe(-2);
    expect(poissonCdf(-1, 2)).toBe(0);
    expect(poissonCdf(2.7, 2)).toBe(poissonCdf(2, 2));
    expect(poissonCdf(3, 0)).toBe(1);
    expect(poissonSurvival(3, 0)).toBe(0);
    expect(poissonSurvival(-0.5, 2)).toBe(1);
  });
});
