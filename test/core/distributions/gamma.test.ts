import { fc, test as property } from '@fast-check/vitest';
import jstatModule from 'jstat';
import { describe, expect, test } from 'vitest';
import { drawGamma } from '../../../src/core/distributions/gamma.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, drawMany, kolmogorovSmirnov } from './goodness-of-fit.js';

const { jStat } = jstatModule;

// The boost (shape < 1) through exp/log (0.05, 0.3) and through roots (0.8: U·∜U, 0.4: U²·√U),
// the boundary at 1, and Marsaglia–Tsang proper.
const SHAPES = [0.05, 0.3, 0.4, 0.8, 1, 1.25, 5, 80];

describe('drawGamma', () => {
  test.each(SHAPES)('shape %d: mean kθ and variance kθ² within 4 MC SEs', (shape) => {
    const rng = trialStream(11, Math.round(shape * 100));
    const scale = 1.25;
    expectMoments(
      drawMany(200_000, () => drawGamma(rng, shape, scale)),
      shape * scale,
      shape * scale * scale,
    );
  });

  // The reference cdf is jstat's regularized incomplete gamma (accurate to ~1e-12, far below
  // the KS statistic's resolution at n = 20,000).
  test.each(SHAPES)('shape %d: draws fit the gamma cdf (Kolmogorov–Smirnov, α = 0.001)', (shape) => {
    const rng = trialStream(12, Math.round(shape * 100));
    const sample = Array.from(drawMany(20_000, () => drawGamma(rng, shape, 2)));
    const fit = kolmogorovSmirnov(sample, (x) => jStat.gamma.cdf(x, shape, 2));
    expect(fit.pValue).toBeGreaterThan(ALPHA);
  });

  test('the REF frailty (shape 0.8, scale 1.25) has mean 1 and variance 1.25', () => {
    const rng = trialStream(13, 0);
    expectMoments(
      drawMany(200_000, () => drawGamma(rng, 0.8, 1.25)),
      1,
      1.25,
    );
  });

  test('shape 0 gives 0; invalid shapes or scales throw', () => {
    const rng = trialStream(1, 0);
    expect(drawGamma(rng, 0, 3)).toBe(0);
    expect(() => drawGamma(rng, -1, 1)).toThrow(RangeError);
    expect(() => drawGamma(rng, Number.NaN, 1)).toThrow(RangeError);
    expect(() => drawGamma(rng, 2, -1)).toThrow(RangeError);
    expect(() => drawGamma(rng, Infinity, 1)).toThrow(RangeError);
  });

  property.prop([fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0.01, max: 1000, noNaN: true })])(
    'draws are finite and ≥ 0, and the same stream state gives the same draw',
    (seed, shape) => {
      const first = drawGamma(trialStream(seed, 0), shape, 1);
      expect(first >= 0 && Number.isFinite(first)).toBe(true);
      expect(drawGamma(trialStream(seed, 0), shape, 1)).toBe(first);
    },
  );
});
