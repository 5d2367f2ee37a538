import { describe, expect, test } from 'vitest';
import { sampleWithoutReplacement, shuffleInPlace } from '../../../src/core/distributions/shuffle.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { ALPHA, categoryFit } from './goodness-of-fit.js';

describe('shuffleInPlace', () => {
  test('all 24 orders of 4 items are equally likely (chi-square, α = 0.001)', () => {
    const rng = trialStream(95, 0);
    const tally = new Map<string, number>();
    for (let i = 0; i < 120_000; i += 1) {
      const key = shuffleInPlace(rng, ['a', 'b', 'c', 'd']).join('');
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    expect(tally.size).toBe(24);
    expect(categoryFit([...tally.values()], new Array<number>(24).fill(1 / 24)).pValue).toBeGreaterThan(ALPHA);
  });

  test('keeps the elements, works on typed arrays, and repeats for the same stream state', () => {
    const a = shuffleInPlace(
      trialStream(96, 1),
      Int32Array.from({ length: 100 }, (_, i) => i),
    );
    const b = shuffleInPlace(
      trialStream(96, 1),
      Int32Array.from({ length: 100 }, (_, i) => i),
    );
    expect([...a]).toEqual([...b]);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('sampleWithoutReplacement', () => {
  test('draws distinct items, each included with probability count/size', () => {
    const rng = trialStream(97, 0);
    const items = Array.from({ length: 10 }, (_, i) => i);
    const included = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i += 1) {
      const sample = sampleWithoutReplacement(rng, items, 3);
      expect(new Set(sample).size).toBe(3);
      for (const item of sample) included[item] += 1;
    }
    expect(categoryFit(included, new Array<number>(10).fill(0.1)).pValue).toBeGreaterThan(ALPHA);
    expect(items).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  test('a count outside 0…size throws', () => {
    expect(() => sampleWithoutReplacement(trialStream(1, 0), [1, 2], 3)).toThrow(RangeError);
  });
});
