import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { allocateTreated, expectedAllocation } from '../../../src/core/assignment/allocate-treated.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';

describe('allocateTreated', () => {
  it("spreads the MK design's 45 treated as 20 youth (of 73) and 25 adults (of 92)", () => {
    expect(Array.from(allocateTreated(Int32Array.of(73, 92), 45, trialStream(1, 0)))).toEqual([20, 25]);
  });

  test.prop([
    fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: 0, max: 1000 }),
  ])('adds up to the treated count with every part within one place of its quota', (sizes, share, seed) => {
    const total = sizes.reduce((a, b) => a + b, 0);
    const treated = Math.round(share * total);
    const counts = allocateTreated(Int32Array.from(sizes), treated, trialStream(seed, 0));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(treated);
    counts.forEach((count, p) => {
      expect(count).toBeLessThanOrEqual(sizes[p]);
      expect(Math.abs(count - (total > 0 ? (sizes[p] * treated) / total : 0))).toBeLessThan(1);
    });
  });

  it('breaks ties at random, matching its exact expectation', () => {
    // Three parts of 5 and one of 7 share 9 places: quotas 2.045… ×3 and 2.864 — the three 5s tie.
    const sizes = Int32Array.of(5, 5, 5, 7);
    const expected = expectedAllocation(sizes, 9);
    expect(expected.reduce((a, b) => a + b, 0)).toBeCloseTo(9, 12);
    const draws = 6000;
    const sums = new Float64Array(4);
    for (let t = 0; t < draws; t++) allocateTreated(sizes, 9, trialStream(3, t)).forEach((c, p) => (sums[p] += c));
    sums.forEach((sum, p) => {
      const mean = sum / draws;
      // Each count takes two adjacent values: variance f(1 − f) with f its fractional expectation.
      const f = expected[p] - Math.floor(expected[p]);
      expect(Math.abs(mean - expected[p])).toBeLessThanOrEqual(4 * Math.sqrt((f * (1 - f)) / draws) + 1e-12);
    });
  });
});
