import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { AleaStream } from '../../../src/core/rng/alea-stream.js';
import { subStream, trialStream } from '../../../src/core/rng/trial-stream.js';
import type { Rng } from '../../../src/core/rng/rng.js';
import { ALPHA, categoryFit } from '../distributions/goodness-of-fit.js';

function take(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.next());
}

function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('trialStream', () => {
  test('trials asked for in order (seeded four at a time) get the streams of their own seed texts', () => {
    // Runs across 9 → 10, 99 → 100 and 999,999 → 1,000,000, where the four of a batch differ in digits.
    const indices = [
      ...Array.from({ length: 130 }, (_, i) => i),
      ...Array.from({ length: 30 }, (_, i) => 999_985 + i),
      5,
      3,
      1_000_002,
    ];
    for (const seed of [1, 2024, 123456789]) {
      for (const index of indices) {
        expect(take(trialStream(seed, index), 3)).toEqual(take(new AleaStream(`${seed}:${index}`), 3));
      }
    }
  });

  test('the same seed and trial index give the same sequence', () => {
    expect(take(trialStream(2024, 17), 1000)).toEqual(take(trialStream(2024, 17), 1000));
  });

  test('matches seedrandom alea seeded with "seed:index" (the documented derivation)', async () => {
    const { default: seedrandom } = await import('seedrandom');
    expect(take(trialStream(2024, 17), 50)).toEqual(take({ next: seedrandom.alea('2024:17') }, 50));
  });

  test('a different seed or a different index gives a different sequence', () => {
    const base = take(trialStream(2024, 17), 20);
    expect(take(trialStream(2025, 17), 20)).not.toEqual(base);
    expect(take(trialStream(2024, 18), 20)).not.toEqual(base);
    // "1:23" and "12:3" must not collide.
    expect(take(trialStream(1, 23), 20)).not.toEqual(take(trialStream(12, 3), 20));
  });

  test('changing the seed changes every trial: 1000 seeds give 1000 distinct first draws for trial 0', () => {
    const firsts = new Set(Array.from({ length: 1000 }, (_, seed) => trialStream(seed, 0).next()));
    expect(firsts.size).toBe(1000);
  });

  test('draws lie in [0, 1) on a 2^-32 grid (32 random bits each)', () => {
    const rng = trialStream(7, 0);
    for (let i = 0; i < 100_000; i += 1) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      expect(Number.isInteger(u * 2 ** 32)).toBe(true);
    }
  });

  test('draws are uniform over 100 bins (chi-square on 1,000,000 draws, α = 0.001)', () => {
    const rng = trialStream(8, 0);
    const observed = new Array<number>(100).fill(0);
    for (let i = 0; i < 1_000_000; i += 1) observed[Math.floor(rng.next() * 100)] += 1;
    expect(categoryFit(observed, new Array<number>(100).fill(0.01)).pValue).toBeGreaterThan(ALPHA);
  });

  test('first draws of adjacent trial streams are uncorrelated (|r| < 4/√n over 10,000 trials)', () => {
    const n = 10_000;
    const firsts = Array.from({ length: n + 1 }, (_, i) => trialStream(99, i).next());
    const seconds = Array.from({ length: n }, (_, i) => {
      const rng = trialStream(99, i);
      rng.next();
      return rng.next();
    });
    const bound = 4 / Math.sqrt(n);
    expect(Math.abs(correlation(firsts.slice(0, n), firsts.slice(1)))).toBeLessThan(bound);
    expect(Math.abs(correlation(firsts.slice(0, n), seconds))).toBeLessThan(bound);
    // Adjacent seeds, same trial, too.
    const bySeed = Array.from({ length: n + 1 }, (_, seed) => trialStream(seed, 5).next());
    expect(Math.abs(correlation(bySeed.slice(0, n), bySeed.slice(1)))).toBeLessThan(bound);
    // And the first draws across trials are themselves uniform.
    const observed = new Array<number>(20).fill(0);
    for (const u of firsts) observed[Math.floor(u * 20)] += 1;
    expect(categoryFit(observed, new Array<number>(20).fill(0.05)).pValue).toBeGreaterThan(ALPHA);
  });

  test('rejects a non-finite seed and a negative or fractional index', () => {
    expect(() => trialStream(Number.NaN, 0)).toThrow(RangeError);
    expect(() => trialStream(Infinity, 0)).toThrow(RangeError);
    expect(() => trialStream(1, -1)).toThrow(RangeError);
    expect(() => trialStream(1, 0.5)).toThrow(RangeError);
  });

  property.prop([fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.nat({ max: 1e9 })])(
    'is a pure function of (seed, index)',
    (seed, index) => {
      expect(take(trialStream(seed, index), 5)).toEqual(take(trialStream(seed, index), 5));
    },
  );
});

describe('subStream', () => {
  test('differs from its trial stream, from other purposes and from other trials', () => {
    const main = take(trialStream(5, 3), 20);
    const permutation = take(subStream(5, 3, 1), 20);
    expect(permutation).not.toEqual(main);
    expect(take(subStream(5, 3, 2), 20)).not.toEqual(permutation);
    expect(take(subStream(5, 4, 1), 20)).not.toEqual(permutation);
    expect(take(subStream(6, 3, 1), 20)).not.toEqual(permutation);
  });

  test('is reproducible and independent of how much of the main stream was used', () => {
    const main = trialStream(5, 3);
    take(main, 1234);
    expect(take(subStream(5, 3, 1), 20)).toEqual(take(subStream(5, 3, 1), 20));
  });

  test('its first draws are uncorrelated with the main stream first draws over 10,000 trials', () => {
    const n = 10_000;
    const main = Array.from({ length: n }, (_, i) => trialStream(3, i).next());
    const sub = Array.from({ length: n }, (_, i) => subStream(3, i, 1).next());
    expect(Math.abs(correlation(main, sub))).toBeLessThan(4 / Math.sqrt(n));
  });

  test('rejects a negative or fractional purpose', () => {
    expect(() => subStream(1, 0, -1)).toThrow(RangeError);
    expect(() => subStream(1, 0, 1.5)).toThrow(RangeError);
  });
});
