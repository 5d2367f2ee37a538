import { describe, expect, test } from 'vitest';
import { hypergeometricPmf } from '../../../src/core/distributions/hypergeometric-probability.js';

// [k, successes, failures, draws, pmf] from mpmath at 50 digits with lc(n, r) the log binomial
// coefficient via loggamma: exp(lc(S, k) + lc(F, d − k) − lc(S + F, d))
const REFERENCE: Array<[number, number, number, number, number]> = [
  [1, 5, 5, 3, 0.4166666666666667],
  [30, 100, 200, 90, 0.10623257466988432],
  [500, 1000000, 1000000000, 1000000, 5.343973728123402e-69],
  [0, 3, 1000000000, 1000000000, 5.999999964e-27],
  [3, 3, 7, 3, 0.008333333333333333],
  [0, 50, 50, 10, 0.0005934196725858287],
  [12, 20, 30, 25, 0.11934242489318986],
];

function choose(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 0; i < k; i += 1) result = (result * BigInt(n - i)) / BigInt(i + 1);
  return result;
}

describe('hypergeometric probabilities', () => {
  test.each(REFERENCE)(
    'P(X = %d) for S = %d, F = %d, d = %d matches mpmath to 1e-13 relative',
    (k, s, f, d, expected) => {
      expect(Math.abs(hypergeometricPmf(k, s, f, d) - expected) / expected).toBeLessThan(1e-13);
    },
  );

  test('equals exact enumeration with big integers for a small urn', () => {
    const [successes, failures, draws] = [13, 21, 17];
    const total = choose(successes + failures, draws);
    for (let k = 0; k <= draws; k += 1) {
      const exact = k > successes || draws - k > failures ? 0n : choose(successes, k) * choose(failures, draws - k);
      const scale = 10n ** 30n;
      const expected = Number((exact * scale) / total) / 1e30;
      expect(hypergeometricPmf(k, successes, failures, draws)).toBeCloseTo(expected, 14);
    }
  });

  test('is 0 outside the support', () => {
    expect(hypergeometricPmf(4, 3, 10, 5)).toBe(0);
    expect(hypergeometricPmf(0, 3, 1, 3)).toBe(0);
    expect(hypergeometricPmf(-1, 3, 10, 5)).toBe(0);
  });
});
