import { describe, expect, test } from 'vitest';
import {
  negativeBinomialCdf,
  negativeBinomialPmf,
  negativeBinomialSurvival,
} from '../../../src/core/distributions/negative-binomial-probability.js';
import { poissonCdf, poissonPmf } from '../../../src/core/distributions/poisson-probability.js';

// [k, mean, dispersion, pmf, cdf, survival] from mpmath at 50 digits with r = 1/α, p = r/(r+μ):
// pmf = exp(loggamma(k+r) − loggamma(r) − loggamma(k+1) + r·log p + k·log(1−p)),
// cdf = betainc(r, k+1, 0, p, regularized=True), survival = betainc(r, k+1, p, 1, regularized=True).
// Cross-check of the parametrisation with SciPy: nbinom.pmf(1, 0.8, 0.8/2.0) = 0.23061589132443...
const REFERENCE: Array<[number, number, number, number, number, number]> = [
  [0, 1.2, 1.25, 0.4804497735925725, 0.4804497735925725, 0.5195502264074275],
  [1, 1.2, 1.25, 0.2306158913244348, 0.7110656649170073, 0.2889343350829927],
  [2, 1.2, 1.25, 0.12453258131519479, 0.8355982462322021, 0.16440175376779792],
  [10, 1.2, 1.25, 0.001562007368495926, 0.9977505769292001, 0.0022494230707998733],
  [60, 1.2, 1.25, 8.881288885907777e-15, 0.9999999999999868, 1.3215752679679613e-14],
  [0, 0.96, 1.25, 0.5321840513476783, 0.5321840513476783, 0.4678159486523217],
  [5, 3, 0.1, 0.09504298378970887, 0.8906514532715107, 0.1093485467284893],
  [100, 50, 0.01, 2.1607272914986438e-7, 0.9999995909736653, 4.0902633473590545e-7],
  [3, 2, 1e-12, 0.18044704431530315, 0.8571234604983666, 0.1428765395016334],
  [0, 2, 1e-12, 0.13533528323688337, 0.13533528323688337, 0.8646647167631166],
  [20, 800, 2, 0.0030943779422136046, 0.1279317795252761, 0.8720682204747239],
  [1000, 800, 2, 0.00023868539603327172, 0.7365519328770908, 0.2634480671229092],
  [7, 4.5, 3, 0.024965101964937463, 0.8083491321411979, 0.19165086785880214],
  // Either side of the switch from summing to the incomplete beta (μ·α = 240 and 260), and far past it.
  [50, 200, 1.2, 0.0038754330250130183, 0.2653062124779876, 0.7346937875220124],
  [150, 200, 1.3, 0.002037622826579636, 0.561158970930332, 0.4388410290696681],
  [0, 1e6, 0.8, 4.179620375444784e-8, 4.179620375444784e-8, 0.9999999582037963],
];

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / expected;

describe('negative binomial probabilities (mean, dispersion)', () => {
  test.each(REFERENCE)(
    'k = %d, mean = %d, dispersion = %d: pmf, cdf, survival match mpmath',
    (k, mean, dispersion, pmf, cdf, survival) => {
      expect(relative(negativeBinomialPmf(k, mean, dispersion), pmf)).toBeLessThan(1e-13);
      expect(relative(negativeBinomialCdf(k, mean, dispersion), cdf)).toBeLessThan(1e-12);
      expect(relative(negativeBinomialSurvival(k, mean, dispersion), survival)).toBeLessThan(1e-12);
    },
  );

  test('k = 2,000,000, mean 1e6: cdf and survival within the documented 1e-10 of mpmath', () => {
    // The incomplete beta's continued fraction loses ~max(a, b)·1e-17 at b = k + 1 = 2e6
    // (see regularizedIncompleteBeta); reference as above.
    expect(relative(negativeBinomialPmf(2000000, 1e6, 0.8), 1.4234353946193939e-7)).toBeLessThan(1e-13);
    expect(relative(negativeBinomialCdf(2000000, 1e6, 0.8), 0.8769114110544435)).toBeLessThan(1e-10);
    expect(relative(negativeBinomialSurvival(2000000, 1e6, 0.8), 0.12308858894555648)).toBeLessThan(1e-10);
  });

  test('has mean μ and variance μ + α·μ² (summed over the support)', () => {
    for (const [mean, dispersion] of [
      [1.2, 1.25],
      [0.96, 1.25],
      [5, 0.3],
      [20, 2],
    ]) {
      let total = 0;
      let first = 0;
      let second = 0;
      for (let k = 0; k < 20000; k += 1) {
        const f = negativeBinomialPmf(k, mean, dispersion);
        total += f;
        first += k * f;
        second += k * k * f;
      }
      expect(total).toBeCloseTo(1, 12);
      expect(first).toBeCloseTo(mean, 10);
      expect(second - first * first).toBeCloseTo(mean + dispersion * mean * mean, 8);
    }
  });

  test('is the Poisson at dispersion 0', () => {
    for (const k of [0, 1, 4, 9]) {
      expect(negativeBinomialPmf(k, 2.5, 0)).toBe(poissonPmf(k, 2.5));
      expect(negativeBinomialCdf(k, 2.5, 0)).toBe(poissonCdf(k, 2.5));
    }
  });

  test('cdf + survival = 1 and the cdf is the running sum of the pmf', () => {
    let sum = 0;
    for (let k = 0; k < 40; k += 1) {
      sum += negativeBinomialPmf(k, 1.2, 1.25);
      expect(negativeBinomialCdf(k, 1.2, 1.25)).toBeCloseTo(sum, 14);
      expect(negativeBinomialCdf(k, 1.2, 1.25) + negativeBinomialSurvival(k, 1.2, 1.25)).toBeCloseTo(1, 14);
    }
  });
});
