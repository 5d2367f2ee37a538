import { describe, expect, test } from 'vitest';
import { normalCdf } from '../../../src/core/distributions/normal.js';
import { drawStandardNormal } from '../../../src/core/distributions/standard-normal.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, drawMany, kolmogorovSmirnov } from './goodness-of-fit.js';

describe('drawStandardNormal', () => {
  test('has mean 0 and variance 1 within 4 MC SEs', () => {
    const rng = trialStream(21, 0);
    expectMoments(drawMany(400_000, () => drawStandardNormal(rng)), 0, 1);
  });

  test('fits Φ (Kolmogorov–Smirnov, α = 0.001)', () => {
    const rng = trialStream(22, 0);
    const sample = Array.from(drawMany(50_000, () => drawStandardNormal(rng)));
    expect(kolmogorovSmirnov(sample, normalCdf).pValue).toBeGreaterThan(ALPHA);
  });

  test('puts the right mass beyond ±3 (binomial count within 4 SEs of 0.0027)', () => {
    const rng = trialStream(23, 0);
    const n = 1_000_000;
    let beyond = 0;
    for (let i = 0; i < n; i += 1) if (Math.abs(drawStandardNormal(rng)) > 3) beyond += 1;
    const p = 2 * normalCdf(-3);
    expect(Math.abs(beyond - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
  });

  test('inverts its uniform, skipping an exact 0', () => {
    const values = [0, 0.975];
    const rng = { next: () => values.shift() ?? 0.5 };
    expect(drawStandardNormal(rng)).toBeCloseTo(1.959963984540054, 14);
  });
});
