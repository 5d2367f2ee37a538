import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { hypergeometricPmf } from '../../../src/core/distributions/hypergeometric-probability.js';
import { drawMultivariateHypergeometric } from '../../../src/core/distributions/multivariate-hypergeometric.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, discreteFit } from './goodness-of-fit.js';

describe('drawMultivariateHypergeometric', () => {
  test('each kind is hypergeometric: moments within 4 MC SEs and the middle kind fits its pmf', () => {
    const rng = trialStream(81, 0);
    const counts = [30, 120, 45, 5];
    const population = 200;
    const draws = 80;
    const trials = 50_000;
    const byKind = counts.map(() => new Float64Array(trials));
    const out = new Float64Array(counts.length);
    for (let t = 0; t < trials; t += 1) {
      drawMultivariateHypergeometric(rng, counts, draws, out);
      for (let i = 0; i < counts.length; i += 1) byKind[i][t] = out[i];
    }
    counts.forEach((count, i) => {
      const share = count / population;
      const variance = (draws * share * (1 - share) * (population - draws)) / (population - 1);
      expectMoments(byKind[i], draws * share, variance);
    });
    const pmf = (k: number) => hypergeometricPmf(k, 45, 155, draws);
    let running = 0;
    const cdfTable = Array.from({ length: draws + 1 }, (_, k) => (running += pmf(k)));
    const fit = discreteFit(byKind[2], pmf, (k) => cdfTable[k], 5, 30);
    expect(fit.pValue).toBeGreaterThan(ALPHA);
  });

  test('drawing everything returns the counts; empty kinds get nothing', () => {
    const rng = trialStream(82, 0);
    expect(drawMultivariateHypergeometric(rng, [3, 0, 2], 5, [0, 0, 0])).toEqual([3, 0, 2]);
    for (let t = 0; t < 200; t += 1) expect(drawMultivariateHypergeometric(rng, [3, 0, 2], 4, [0, 0, 0])[1]).toBe(0);
  });

  test('invalid input throws', () => {
    const rng = trialStream(1, 0);
    expect(() => drawMultivariateHypergeometric(rng, [3, 2], 6, [0, 0])).toThrow(RangeError);
    expect(() => drawMultivariateHypergeometric(rng, [3, -2], 1, [0, 0])).toThrow(RangeError);
    expect(() => drawMultivariateHypergeometric(rng, [], 0, [])).toThrow(RangeError);
  });

  property.prop([
    fc.integer({ min: 0, max: 2 ** 31 }),
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])('counts sum to draws, never exceed their kind, and repeat for the same stream state', (seed, counts, share) => {
    const draws = Math.floor(share * counts.reduce((a, b) => a + b, 0));
    const out = drawMultivariateHypergeometric(trialStream(seed, 0), counts, draws, new Array<number>(counts.length));
    expect(out.reduce((a, b) => a + b, 0)).toBe(draws);
    out.forEach((value, i) => expect(value >= 0 && value <= counts[i]).toBe(true));
    expect(
      drawMultivariateHypergeometric(trialStream(seed, 0), counts, draws, new Array<number>(counts.length)),
    ).toEqual(out);
  });
});
