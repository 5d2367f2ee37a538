import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { drawHypergeometric } from '../../../src/core/distributions/hypergeometric.js';
import { hypergeometricPmf } from '../../../src/core/distributions/hypergeometric-probability.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, discreteFit, drawMany } from './goodness-of-fit.js';

// [successes, failures, draws]: inversion (mean < 10) and ratio-of-uniforms, each symmetry
// (more successes than failures; more than half drawn), and a population of a billion.
const CASES: Array<[number, number, number]> = [
  [5, 50, 20],
  [3, 1, 2],
  [100, 200, 90],
  [200, 100, 90],
  [100, 200, 250],
  [40, 60, 99],
  [1_000_000, 1_000_000_000, 1_000_000],
  [20, 1_000_000_000, 500_000_000],
];

function moments(successes: number, failures: number, draws: number): [number, number] {
  const population = successes + failures;
  const share = successes / population;
  const variance = (draws * share * (1 - share) * (population - draws)) / (population - 1);
  return [draws * share, variance];
}

function cdf(k: number, successes: number, failures: number, draws: number): number {
  let sum = 0;
  const lowest = Math.max(0, draws - failures);
  const [mean, variance] = moments(successes, failures, draws);
  for (let j = Math.max(lowest, Math.floor(mean - 40 * Math.sqrt(variance) - 40)); j <= k; j += 1) {
    sum += hypergeometricPmf(j, successes, failures, draws);
  }
  return Math.min(sum, 1);
}

describe('drawHypergeometric', () => {
  test.each(CASES)('S = %d, F = %d, d = %d: mean and variance within 4 MC SEs', (successes, failures, draws) => {
    const rng = trialStream(51, successes % 1000);
    const [mean, variance] = moments(successes, failures, draws);
    expectMoments(
      drawMany(100_000, () => drawHypergeometric(rng, successes, failures, draws)),
      mean,
      variance,
    );
  });

  test.each(CASES)(
    'S = %d, F = %d, d = %d: draws fit the exact pmf (chi-square, α = 0.001)',
    (successes, failures, draws) => {
      const rng = trialStream(52, successes % 1000);
      const sample = drawMany(100_000, () => drawHypergeometric(rng, successes, failures, draws));
      const [mean, variance] = moments(successes, failures, draws);
      const sd = Math.sqrt(variance);
      const first = Math.max(0, draws - failures, Math.floor(mean - 8 * sd));
      const last = Math.min(draws, successes, Math.ceil(mean + 8 * sd + 8));
      const fit = discreteFit(
        sample,
        (k) => hypergeometricPmf(k, successes, failures, draws),
        (k) => cdf(k, successes, failures, draws),
        first,
        last,
      );
      expect(fit.degreesOfFreedom).toBeGreaterThan(0);
      expect(fit.pValue).toBeGreaterThan(ALPHA);
    },
  );

  test('degenerate urns give the only possible count; invalid arguments throw', () => {
    const rng = trialStream(1, 0);
    expect(drawHypergeometric(rng, 5, 0, 3)).toBe(3);
    expect(drawHypergeometric(rng, 0, 5, 3)).toBe(0);
    expect(drawHypergeometric(rng, 4, 6, 10)).toBe(4);
    expect(drawHypergeometric(rng, 4, 6, 0)).toBe(0);
    expect(() => drawHypergeometric(rng, 4, 6, 11)).toThrow(RangeError);
    expect(() => drawHypergeometric(rng, -1, 6, 2)).toThrow(RangeError);
    expect(() => drawHypergeometric(rng, 1.5, 6, 2)).toThrow(RangeError);
  });

  property.prop([
    fc.integer({ min: 0, max: 2 ** 31 }),
    fc.integer({ min: 0, max: 1e6 }),
    fc.integer({ min: 0, max: 1e6 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])('draws lie in the support, and the same stream state gives the same draw', (seed, successes, failures, share) => {
    const draws = Math.floor(share * (successes + failures));
    const first = drawHypergeometric(trialStream(seed, 0), successes, failures, draws);
    expect(first).toBeGreaterThanOrEqual(Math.max(0, draws - failures));
    expect(first).toBeLessThanOrEqual(Math.min(draws, successes));
    expect(drawHypergeometric(trialStream(seed, 0), successes, failures, draws)).toBe(first);
  });
});
