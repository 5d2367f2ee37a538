import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { drawPoisson } from '../../../src/core/distributions/poisson.js';
import { poissonCdf, poissonPmf } from '../../../src/core/distributions/poisson-probability.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, discreteFit, drawMany } from './goodness-of-fit.js';

const DRAWS = 100_000;
// Both sides of the switch from inversion (mean < 10) to PTRS rejection, tiny and huge means.
const MEANS = [0.001, 0.3, 1.2, 9.99, 10, 25.5, 1000, 1e7];

describe('drawPoisson', () => {
  test.each(MEANS)('mean %d: sample mean and variance equal the mean within 4 MC SEs', (mean) => {
    const rng = trialStream(101, Math.round(mean * 1000));
    expectMoments(
      drawMany(DRAWS, () => drawPoisson(rng, mean)),
      mean,
      mean,
    );
  });

  test.each(MEANS)('mean %d: draws fit the exact pmf (chi-square, α = 0.001)', (mean) => {
    const rng = trialStream(202, Math.round(mean * 1000));
    const draws = drawMany(DRAWS, () => drawPoisson(rng, mean));
    const spread = 8 * Math.sqrt(mean);
    const fit = discreteFit(
      draws,
      (k) => poissonPmf(k, mean),
      (k) => poissonCdf(k, mean),
      Math.max(0, Math.floor(mean - spread)),
      Math.ceil(mean + spread + 8),
    );
    expect(fit.degreesOfFreedom).toBeGreaterThan(0);
    expect(fit.pValue).toBeGreaterThan(ALPHA);
  });

  test('mean 0 always gives 0', () => {
    const rng = trialStream(1, 0);
    for (let i = 0; i < 100; i += 1) expect(drawPoisson(rng, 0)).toBe(0);
  });

  test('rejects a negative, NaN or infinite mean', () => {
    const rng = trialStream(1, 0);
    expect(() => drawPoisson(rng, -1)).toThrow(RangeError);
    expect(() => drawPoisson(rng, Number.NaN)).toThrow(RangeError);
    expect(() => drawPoisson(rng, Infinity)).toThrow(RangeError);
  });

  property.prop([fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0, max: 5000, noNaN: true })])(
    'draws are whole numbers ≥ 0, and the same stream state gives the same draw',
    (seed, mean) => {
      const first = drawPoisson(trialStream(seed, 3), mean);
      expect(Number.isInteger(first) && first >= 0).toBe(true);
      expect(drawPoisson(trialStream(seed, 3), mean)).toBe(first);
    },
  );
});
