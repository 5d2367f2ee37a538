import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { drawBinomial } from '../../../src/core/distributions/binomial.js';
import { binomialPmf } from '../../../src/core/distributions/binomial-probability.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, discreteFit, drawMany } from './goodness-of-fit.js';

// Inversion (n·min(p, 1−p) < 10) and BTRS on both sides of the switch, reflected (p > ½),
// and n = 1e9.
const CASES: Array<[number, number]> = [
  [1, 0.5],
  [20, 0.2],
  [7, 0.999],
  [100, 0.0999],
  [50, 0.2],
  [1000, 0.3],
  [1000, 0.7],
  [1e9, 1e-9],
  [1e9, 0.5],
  [123456, 0.000123],
];

// P(X ≤ k) by summing the pmf from the nearer end (test-side, to keep the checks independent of
// any cdf in the code under test).
function binomialCdf(k: number, n: number, p: number): number {
  const mean = n * p;
  const spread = 40 * Math.sqrt(n * p * (1 - p)) + 40;
  let sum = 0;
  for (let j = Math.max(0, Math.floor(mean - spread)); j <= k; j += 1) sum += binomialPmf(j, n, p);
  return Math.min(sum, 1);
}

describe('drawBinomial', () => {
  test.each(CASES)('n = %d, p = %d: mean np and variance np(1−p) within 4 MC SEs', (n, p) => {
    const rng = trialStream(41, Math.round(n * p * 1000) % 100_000);
    expectMoments(
      drawMany(100_000, () => drawBinomial(rng, n, p)),
      n * p,
      n * p * (1 - p),
    );
  });

  test.each(CASES)('n = %d, p = %d: draws fit the exact pmf (chi-square, α = 0.001)', (n, p) => {
    const rng = trialStream(42, Math.round(n * p * 1000) % 100_000);
    const draws = drawMany(100_000, () => drawBinomial(rng, n, p));
    const sd = Math.sqrt(n * p * (1 - p));
    const first = Math.max(0, Math.floor(n * p - 8 * sd));
    const last = Math.min(n, Math.ceil(n * p + 8 * sd + 8));
    const fit = discreteFit(
      draws,
      (k) => binomialPmf(k, n, p),
      (k) => binomialCdf(k, n, p),
      first,
      last,
    );
    expect(fit.degreesOfFreedom).toBeGreaterThan(0);
    expect(fit.pValue).toBeGreaterThan(ALPHA);
  });

  test('p = 0, p = 1 and n = 0 are exact; invalid arguments throw', () => {
    const rng = trialStream(1, 0);
    expect(drawBinomial(rng, 10, 0)).toBe(0);
    expect(drawBinomial(rng, 10, 1)).toBe(10);
    expect(drawBinomial(rng, 0, 0.4)).toBe(0);
    expect(() => drawBinomial(rng, 2.5, 0.4)).toThrow(RangeError);
    expect(() => drawBinomial(rng, -1, 0.4)).toThrow(RangeError);
    expect(() => drawBinomial(rng, 10, 1.1)).toThrow(RangeError);
    expect(() => drawBinomial(rng, 10, Number.NaN)).toThrow(RangeError);
  });

  property.prop([
    fc.integer({ min: 0, max: 2 ** 31 }),
    fc.integer({ min: 0, max: 1e9 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])('draws lie in 0…n, and the same stream state gives the same draw', (seed, n, p) => {
    const first = drawBinomial(trialStream(seed, 0), n, p);
    expect(Number.isInteger(first) && first >= 0 && first <= n).toBe(true);
    expect(drawBinomial(trialStream(seed, 0), n, p)).toBe(first);
  });
});
