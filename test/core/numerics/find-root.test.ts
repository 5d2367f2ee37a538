import { describe, expect, test } from 'vitest';
import { findRoot } from '../../../src/core/numerics/find-root.js';

describe("findRoot (Brent's method)", () => {
  test('finds √2 as the root of x² − 2 on [0, 2]', () => {
    expect(findRoot((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 13);
  });

  test('finds the root of cos x − x (the Dottie number) whichever way the bracket is given', () => {
    // mpmath: findroot(lambda x: cos(x) - x, 0.7) = 0.739085133215160641655312087673873
    expect(findRoot((x) => Math.cos(x) - x, 0, 1)).toBeCloseTo(0.7390851332151607, 13);
    expect(findRoot((x) => Math.cos(x) - x, 1, 0)).toBeCloseTo(0.7390851332151607, 13);
  });

  test('handles a root at an end of the bracket and a flat, badly scaled function', () => {
    expect(findRoot((x) => x - 3, 3, 5)).toBe(3);
    // (x − 1)⁵ is flat near its root; the bracket still shrinks to the tolerance.
    expect(findRoot((x) => (x - 1) ** 5, 0, 3, 1e-10)).toBeCloseTo(1, 2);
    expect(Math.abs(findRoot((x) => 1e-12 * (x - 0.25), 0, 1) - 0.25)).toBeLessThan(1e-12);
  });

  test('refuses a bracket whose ends have the same sign', () => {
    expect(() => findRoot((x) => x * x + 1, -1, 1)).toThrow(/do not bracket/);
  });
});
