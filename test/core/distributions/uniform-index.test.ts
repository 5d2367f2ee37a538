import { describe, expect, test } from 'vitest';
import { drawUniformIndex } from '../../../src/core/distributions/uniform-index.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { ALPHA, categoryFit } from './goodness-of-fit.js';

describe('drawUniformIndex', () => {
  test.each([2, 3, 7, 10, 97])('size %d: every index equally likely (chi-square, α = 0.001)', (size) => {
    const rng = trialStream(91, size);
    const observed = new Array<number>(size).fill(0);
    for (let i = 0; i < 200_000; i += 1) observed[drawUniformIndex(rng, size)] += 1;
    expect(categoryFit(observed, new Array<number>(size).fill(1 / size)).pValue).toBeGreaterThan(ALPHA);
  });

  test.each([1000, 2 ** 21, 2 ** 21 + 1, 1e12])('size %d: draws lie in 0…size−1 with tenths equally likely', (size) => {
    const rng = trialStream(92, size % 1000);
    const observed = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) {
      const index = drawUniformIndex(rng, size);
      expect(Number.isInteger(index) && index >= 0 && index < size).toBe(true);
      observed[Math.floor((index * 10) / size)] += 1;
    }
    expect(categoryFit(observed, new Array<number>(10).fill(0.1)).pValue).toBeGreaterThan(ALPHA);
  });

  test('rejects the 32-bit values that would over-represent low indices (Lemire)', () => {
    // size 3: 2^32 mod 3 = 1, so exactly the x with x·3 mod 2^32 = 0, i.e. x = 0, is redrawn.
    const values = [0, 0.5];
    const rng = { next: () => values.shift() ?? 0 };
    expect(drawUniformIndex(rng, 3)).toBe(1);
    expect(values).toHaveLength(0);
  });

  test('size 1 always gives 0; a size below 1 or fractional throws', () => {
    const rng = trialStream(93, 0);
    expect(drawUniformIndex(rng, 1)).toBe(0);
    expect(() => drawUniformIndex(rng, 0)).toThrow(RangeError);
    expect(() => drawUniformIndex(rng, 2.5)).toThrow(RangeError);
  });
});
