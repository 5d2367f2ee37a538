import { describe, expect, it } from 'vitest';
import { findRoot } from '../../../../src/core/analysis/group-sequential/find-root.js';

describe('findRoot (Brent)', () => {
  it('finds √2 and ln 3 to the tolerance asked for', () => {
    expect(Math.abs(findRoot((x) => x * x - 2, 0, 2, 1e-12) - Math.SQRT2)).toBeLessThan(1e-12);
    expect(Math.abs(findRoot((x) => Math.exp(x) - 3, -5, 10, 1e-12) - Math.log(3))).toBeLessThan(1e-12);
  });

  it('handles a root at a bracket end and a function that is flat on one side', () => {
    expect(findRoot((x) => x - 1, 1, 3, 1e-12)).toBe(1);
    // max(0, x − 0.3) − 0.1 has its root at 0.4 and is flat below 0.3: bisection steps carry it.
    expect(Math.abs(findRoot((x) => Math.max(0, x - 0.3) - 0.1, 0, 10, 1e-12) - 0.4)).toBeLessThan(1e-12);
  });

  it('refuses a bracket without a sign change', () => {
    expect(() => findRoot((x) => x * x + 1, -1, 1, 1e-12)).toThrow(/no sign change/);
  });
});
