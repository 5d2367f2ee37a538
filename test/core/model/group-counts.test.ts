import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { countGroups } from '../../../src/core/model/group-counts.js';

const groups = (shares: number[]) => shares.map((share, g) => ({ id: `g${g}`, label: `g${g}`, share }));

describe('countGroups', () => {
  it('splits the MK cohort of 165 into 73 youth and 92 adults (quotas 72.6 and 92.4)', () => {
    expect(Array.from(countGroups(groups([0.44, 0.56]), 165))).toEqual([73, 92]);
  });

  test.prop([
    fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 0, max: 5000 }),
  ])('adds up to the total with every group within one person of its quota', (weights, total) => {
    const sum = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => w / sum);
    const counts = countGroups(groups(shares), total);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    counts.forEach((count, g) => expect(Math.abs(count - shares[g] * total)).toBeLessThan(1 + 1e-9));
  });
});
