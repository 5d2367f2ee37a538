import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { shardRange } from '../../src/runner/shard-range.js';

describe('shardRange', () => {
  test.prop([fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 64 })])(
    'shards 1/N … N/N cover every trial index exactly once, in order, with sizes that differ by at most one',
    (trials, count) => {
      const ranges = Array.from({ length: count }, (_, i) => shardRange(trials, i + 1, count));
      expect(ranges[0][0]).toBe(0);
      expect(ranges[count - 1][1]).toBe(trials);
      for (let i = 1; i < count; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
      const sizes = ranges.map(([from, to]) => to - from);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    },
  );

  test('splits 10 trials into three as [0,3), [3,6), [6,10)', () => {
    expect([1, 2, 3].map((i) => shardRange(10, i, 3))).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
  });

  test('rejects a shard number outside 1…N and a shard count below 1', () => {
    expect(() => shardRange(10, 0, 3)).toThrow(RangeError);
    expect(() => shardRange(10, 4, 3)).toThrow(/from 1 to 3/);
    expect(() => shardRange(10, 1, 0)).toThrow(/at least 1|≥ 1/);
  });
});
