import { describe, expect, test } from 'vitest';
import { regularizedLowerGamma, regularizedUpperGamma } from '../../../src/core/distributions/incomplete-gamma.js';
import { poissonCdf } from '../../../src/core/distributions/poisson-probability.js';

describe('regularized incomplete gamma', () => {
  test('a = 1 is the exponential: P = 1 − e^−x and Q = e^−x, each in its own tail', () => {
    for (const x of [1e-6, 0.01, 0.5, 1.9])
      expect(Math.abs(regularizedLowerGamma(1, x) + Math.expm1(-x)) / -Math.expm1(-x)).toBeLessThan(1e-14);
    for (const x of [2, 10, 40, 700])
      expect(Math.abs(regularizedUpperGamma(1, x) - Math.exp(-x)) / Math.exp(-x)).toBeLessThan(1e-13);
  });

  test('whole a gives Poisson tails: Q(k + 1, μ) = P(Poisson(μ) ≤ k)', () => {
    for (const [k, mean] of [
      [0, 0.3],
      [3, 1.2],
      [12, 8],
      [40, 55.5],
      [250, 230],
    ]) {
      const expected = poissonCdf(k, mean);
      expect(Math.abs(regularizedUpperGamma(k + 1, mean) - expected) / expected).toBeLessThan(1e-13);
      expect(regularizedLowerGamma(k + 1, mean) + regularizedUpperGamma(k + 1, mean)).toBeCloseTo(1, 15);
    }
  });

  test('a = ½ gives the normal: P(½, z²/2) = 2Φ(z) − 1 = erf(z/√2)', () => {
    // mpmath at 40 digits: erf(1/sqrt(2)) = 0.6826894921370859, erfc(3/sqrt(2)) = 0.002699796063260189
    expect(Math.abs(regularizedLowerGamma(0.5, 0.5) - 0.6826894921370859) / 0.6826894921370859).toBeLessThan(1e-14);
    expect(Math.abs(regularizedUpperGamma(0.5, 4.5) - 0.002699796063260189) / 0.002699796063260189).toBeLessThan(1e-13);
  });

  test('edges: 0 at x = 0, 1 at x = ∞, NaN for a ≤ 0', () => {
    expect(regularizedLowerGamma(2, 0)).toBe(0);
    expect(regularizedUpperGamma(2, 0)).toBe(1);
    expect(regularizedLowerGamma(2, Infinity)).toBe(1);
    expect(regularizedLowerGamma(0, 1)).toBeNaN();
  });
});
