import { describe, expect, test } from 'vitest';
import { normalCdf } from '../../../src/core/distributions/normal.js';
import { drawStandardNormal } from '../../../src/core/distributions/standard-normal.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments } from './expect-moments.js';
import { ALPHA, categoryFit, drawMany, kolmogorovSmirnov } from './goodness-of-fit.js';

describe('drawStandardNormal', () => {
  test('has mean 0 and variance 1 within 4 MC SEs', () => {
    const rng = trialStream(21, 0);
    expectMoments(
      drawMany(400_000, () => drawStandardNormal(rng)),
      0,
      1,
    );
  });

  test('fits Φ (Kolmogorov–Smirnov, α = 0.001)', () => {
    const rng = trialStream(22, 0);
    const sample = Array.from(drawMany(50_000, () => drawStandardNormal(rng)));
    expect(kolmogorovSmirnov(sample, normalCdf).pValue).toBeGreaterThan(ALPHA);
  });

  test('fills 400 equal-probability bins evenly (chi-square on 2,000,000 draws, α = 0.001)', () => {
    // Fine bins probe the ziggurat's layer edges, where a table error would show.
    const rng = trialStream(26, 0);
    const observed = new Array<number>(400).fill(0);
    for (let i = 0; i < 2_000_000; i += 1)
      observed[Math.min(399, Math.floor(400 * normalCdf(drawStandardNormal(rng))))] += 1;
    expect(categoryFit(observed, new Array<number>(400).fill(1 / 400)).pValue).toBeGreaterThan(ALPHA);
  });

  test('puts the right mass beyond ±3 (binomial count within 4 SEs of 0.0027)', () => {
    const rng = trialStream(23, 0);
    const n = 1_000_000;
    let beyond = 0;
    for (let i = 0; i < n; i += 1) if (Math.abs(drawStandardNormal(rng)) > 3) beyond += 1;
    const p = 2 * normalCdf(-3);
    expect(Math.abs(beyond - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
  });

  test('puts the right mass in the ziggurat tail beyond r = 3.442619855899 and beyond ±4.5', () => {
    const rng = trialStream(24, 0);
    const n = 2_000_000;
    let beyondR = 0;
    let beyondFourAndHalf = 0;
    for (let i = 0; i < n; i += 1) {
      const z = Math.abs(drawStandardNormal(rng));
      if (z > 3.442619855899) beyondR += 1;
      if (z > 4.5) beyondFourAndHalf += 1;
    }
    for (const [count, p] of [
      [beyondR, 2 * normalCdf(-3.442619855899)],
      [beyondFourAndHalf, 2 * normalCdf(-4.5)],
    ]) {
      expect(Math.abs(count - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
    }
  });

  test('is symmetric: the share of negative draws is ½ within 4 SEs', () => {
    const rng = trialStream(25, 0);
    const n = 1_000_000;
    let negative = 0;
    for (let i = 0; i < n; i += 1) if (drawStandardNormal(rng) < 0) negative += 1;
    expect(Math.abs(negative - n / 2)).toBeLessThanOrEqual(4 * Math.sqrt(n / 4));
  });
});
