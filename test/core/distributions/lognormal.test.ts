import { describe, expect, test } from 'vitest';
import { drawLognormal } from '../../../src/core/distributions/lognormal.js';
import { normalCdf } from '../../../src/core/distributions/normal.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, drawMany, kolmogorovSmirnov } from './goodness-of-fit.js';

describe('drawLognormal', () => {
  test.each([
    [1, 0.25],
    [2, 0.7],
    [150, 1.2],
  ])('median %d, sdLog %d: fits Φ(log(x/median)/sdLog) (KS, α = 0.001)', (median, sdLog) => {
    const rng = trialStream(31, Math.round(sdLog * 100));
    const sample = Array.from(drawMany(30_000, () => drawLognormal(rng, median, sdLog)));
    const fit = kolmogorovSmirnov(sample, (x) => normalCdf(Math.log(x / median) / sdLog));
    expect(fit.pValue).toBeGreaterThan(ALPHA);
  });

  test('has mean median·e^(σ²/2) and variance mean²·(e^(σ²) − 1) within 4 MC SEs', () => {
    const rng = trialStream(32, 0);
    const [median, sdLog] = [2, 0.5];
    const mean = median * Math.exp((sdLog * sdLog) / 2);
    expectMoments(
      drawMany(400_000, () => drawLognormal(rng, median, sdLog)),
      mean,
      mean * mean * Math.expm1(sdLog * sdLog),
    );
  });

  test('sdLog 0 gives the median; invalid parameters throw', () => {
    const rng = trialStream(1, 0);
    expect(drawLognormal(rng, 3, 0)).toBe(3);
    expect(() => drawLognormal(rng, 0, 1)).toThrow(RangeError);
    expect(() => drawLognormal(rng, 1, -1)).toThrow(RangeError);
  });
});
