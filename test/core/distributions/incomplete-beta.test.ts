import { describe, expect, test } from 'vitest';
import { regularizedIncompleteBeta } from '../../../src/core/distributions/incomplete-beta.js';
import { binomialPmf } from '../../../src/core/distributions/binomial-probability.js';

// [x, a, b, I_x(a, b)] from mpmath at 40 digits: betainc(a, b, 0, x, regularized=True).
const REFERENCE: Array<[number, number, number, number]> = [
  [0.5, 2, 3, 0.6875],
  [0.1, 0.5, 0.5, 0.20483276469913345],
  [0.999, 1000, 0.5, 0.15724727426672383],
  [0.5, 1e-3, 1e-3, 0.5],
  [0.2, 30, 70, 0.009692085749007045],
  [0.9, 2.5, 0.7, 0.6239321729007937],
  [1e-5, 0.3, 4, 0.05200329609819231],
];

describe('regularizedIncompleteBeta', () => {
  test.each(REFERENCE)('I_%d(%d, %d) matches mpmath to 1e-13 relative', (x, a, b, expected) => {
    expect(Math.abs(regularizedIncompleteBeta(x, a, b) - expected) / expected).toBeLessThan(1e-13);
  });

  test('gives binomial tails: P(X ≥ k) = I_p(k, n − k + 1) for X ~ Bin(n, p)', () => {
    const [n, p] = [40, 0.3];
    for (const k of [1, 5, 12, 20, 35]) {
      let tail = 0;
      for (let j = k; j <= n; j += 1) tail += binomialPmf(j, n, p);
      expect(Math.abs(regularizedIncompleteBeta(p, k, n - k + 1) - tail) / tail).toBeLessThan(1e-13);
    }
  });

  test('is 0 at x = 0, 1 at x = 1, and NaN for bad arguments', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(1.5, 2, 3)).toBeNaN();
  });
});
