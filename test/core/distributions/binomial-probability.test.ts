import { describe, expect, test } from 'vitest';
import { binomialPmf, logBinomialPmf } from '../../../src/core/distributions/binomial-probability.js';

// [k, n, p, pmf] from mpmath at 50 digits:
// exp(loggamma(n+1) − loggamma(k+1) − loggamma(n−k+1) + k·log p + (n−k)·log(1−p))
const REFERENCE: Array<[number, number, number, number]> = [
  [3, 10, 0.5, 0.1171875],
  [0, 1e9, 1e-9, 0.3678794409875026],
  [1, 1e9, 1e-9, 0.36787944135538203],
  [300, 1000, 0.3, 0.027521003821268385],
  [12, 1000, 0.3, 9.401727931498582e-133],
  [500000000, 1e9, 0.5, 2.5231325213893768e-5],
  [1, 7, 0.999, 6.993000000000037e-18],
  [7, 7, 0.999, 0.993020965034979],
  [0, 20, 0.05, 0.3584859224085422],
  [999999, 1e6, 0.999999, 0.3678796251112702],
];

describe('binomial probabilities', () => {
  test.each(REFERENCE)('P(X = %d) for n = %d, p = %d matches mpmath to 1e-13 relative', (k, n, p, expected) => {
    expect(Math.abs(binomialPmf(k, n, p) - expected) / expected).toBeLessThan(1e-13);
  });

  test('sums to 1 and has mean n·p over the support', () => {
    for (const [n, p] of [
      [10, 0.5],
      [57, 0.03],
      [400, 0.77],
    ]) {
      let total = 0;
      let mean = 0;
      for (let k = 0; k <= n; k += 1) {
        total += binomialPmf(k, n, p);
        mean += k * binomialPmf(k, n, p);
      }
      expect(total).toBeCloseTo(1, 13);
      expect(mean).toBeCloseTo(n * p, 11);
    }
  });

  test('is 0 outside the support and at fractional k, and exact at p = 0 or 1', () => {
    expect(binomialPmf(-1, 5, 0.5)).toBe(0);
    expect(binomialPmf(6, 5, 0.5)).toBe(0);
    expect(binomialPmf(2.5, 5, 0.5)).toBe(0);
    expect(binomialPmf(0, 5, 0)).toBe(1);
    expect(binomialPmf(5, 5, 1)).toBe(1);
    expect(binomialPmf(4, 5, 1)).toBe(0);
    expect(logBinomialPmf(0, 0, 0.3)).toBe(0);
  });
});
