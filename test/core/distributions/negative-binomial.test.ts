import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { drawNegativeBinomial } from '../../../src/core/distributions/negative-binomial.js';
import {
  negativeBinomialCdf,
  negativeBinomialPmf,
} from '../../../src/core/distributions/negative-binomial-probability.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, discreteFit, drawMany } from './goodness-of-fit.js';

// [mean, dispersion]: the REF arms, a near-Poisson case, a very overdispersed one (shape 0.25) and
// a large mean that sends the Poisson step through rejection.
const CASES: Array<[number, number]> = [
  [1.2, 1.25],
  [0.96, 1.25],
  [3, 0.01],
  [0.5, 4],
  [40, 0.3],
  [200, 0.05],
];

describe('drawNegativeBinomial', () => {
  test.each(CASES)('mean %d, dispersion %d: mean μ and variance μ + αμ² within 4 MC SEs', (mean, dispersion) => {
    const rng = trialStream(61, Math.round(mean * 100 + dispersion * 10));
    expectMoments(
      drawMany(200_000, () => drawNegativeBinomial(rng, mean, dispersion)),
      mean,
      mean + dispersion * mean * mean,
    );
  });

  test.each(CASES)('mean %d, dispersion %d: draws fit the exact pmf (chi-square, α = 0.001)', (mean, dispersion) => {
    const rng = trialStream(62, Math.round(mean * 100 + dispersion * 10));
    const draws = drawMany(100_000, () => drawNegativeBinomial(rng, mean, dispersion));
    const sd = Math.sqrt(mean + dispersion * mean * mean);
    const fit = discreteFit(
      draws,
      (k) => negativeBinomialPmf(k, mean, dispersion),
      (k) => negativeBinomialCdf(k, mean, dispersion),
      Math.max(0, Math.floor(mean - 6 * sd)),
      Math.ceil(mean + 12 * sd + 10),
    );
    expect(fit.pValue).toBeGreaterThan(ALPHA);
  });

  test('dispersion 0 is the Poisson: the same draws from the same stream state', () => {
    const a = trialStream(63, 0);
    const b = trialStream(63, 0);
    for (let i = 0; i < 1000; i += 1) {
      const poisson = drawNegativeBinomial(a, 2.5, 0);
      expect(drawNegativeBinomial(b, 2.5, 0)).toBe(poisson);
    }
    const rng = trialStream(64, 0);
    expectMoments(
      drawMany(100_000, () => drawNegativeBinomial(rng, 2.5, 0)),
      2.5,
      2.5,
    );
  });

  test('mean 0 gives 0; negative parameters throw', () => {
    const rng = trialStream(1, 0);
    expect(drawNegativeBinomial(rng, 0, 1.25)).toBe(0);
    expect(() => drawNegativeBinomial(rng, -1, 1)).toThrow(RangeError);
    expect(() => drawNegativeBinomial(rng, 1, -1)).toThrow(RangeError);
  });

  property.prop([
    fc.integer({ min: 0, max: 2 ** 31 }),
    fc.double({ min: 0, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 10, noNaN: true }),
  ])('draws are whole numbers ≥ 0, and the same stream state gives the same draw', (seed, mean, dispersion) => {
    const first = drawNegativeBinomial(trialStream(seed, 0), mean, dispersion);
    expect(Number.isInteger(first) && first >= 0).toBe(true);
    expect(drawNegativeBinomial(trialStream(seed, 0), mean, dispersion)).toBe(first);
  });
});
