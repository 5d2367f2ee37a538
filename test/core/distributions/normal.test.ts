import { describe, expect, test } from 'vitest';
import { normalCdf, normalQuantile } from '../../../src/core/distributions/normal.js';

// Reference values from mpmath at 50 digits, rounded to doubles:
// python3 -c "import mpmath as mp; mp.mp.dps=50; print([(x, float(mp.ncdf(x))) for x in XS])"
const CDF_REFERENCE: Array<[number, number]> = [
  [-37.5, 4.605353009581955e-308],
  [-30, 4.906713927148187e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-8, 6.220960574271784e-16],
  [-6, 9.86587645037698e-10],
  [-5.7, 5.990371401063528e-9],
  [-3, 0.0013498980316300946],
  [-1.5, 0.06680720126885807],
  [-0.66291, 0.25369409838973994],
  [-0.5, 0.3085375387259869],
  [-0.001, 0.49960105778608893],
  [0, 0.5],
  [0.3, 0.6179114221889527],
  [0.66291, 0.7463059016102601],
  [0.7, 0.758036347776927],
  [1, 0.8413447460685429],
  [1.959963984540054, 0.975],
  [3, 0.9986501019683699],
  [5.656854249492381, 0.999999992291371],
  [6, 0.9999999990134123],
  [8, 0.9999999999999993],
];

// python3: mp.findroot(lambda x: mp.ncdf(x) - mp.mpf(p), scipy.stats.norm.ppf(p)) at 50 digits.
const QUANTILE_REFERENCE: Array<[number, number]> = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965326],
  [1e-20, -9.262340089798407],
  [1e-10, -6.361340902404057],
  [1e-5, -4.264890793922825],
  [0.001, -3.0902323061678136],
  [0.01, -2.326347874040841],
  [0.025, -1.9599639845400543],
  [0.075, -1.439531470938456],
  [0.0750001, -1.4395307645017297],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080408],
  [0.5, 0],
  [0.6, 0.2533471031357997],
  [0.924, 1.4325027208258119],
  [0.975, 1.9599639845400538],
  [0.999, 3.090232306167813],
  [0.999999, 4.753424308817087],
  [0.999999999999, 7.0344869100478356],
];

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe('normalCdf', () => {
  test.each(CDF_REFERENCE)('Φ(%d) matches mpmath to 1e-14 relative, in both tails', (x, expected) => {
    expect(relativeError(normalCdf(x), expected)).toBeLessThan(1e-14);
  });

  test('the upper tail is read as normalCdf(-x) with full relative precision', () => {
    // mpmath: 1 - ncdf(7) = 1.279812543885835e-12
    expect(relativeError(normalCdf(-7), 1.279812543885835e-12)).toBeLessThan(1e-14);
  });

  test('is 0 and 1 beyond the double range and NaN for NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  test('is symmetric: Φ(−x) + Φ(x) = 1', () => {
    for (const x of [0.1, 0.66291, 1.3, 2.7, 4.4, 5.9]) expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 15);
  });
});

describe('normalQuantile', () => {
  test.each(QUANTILE_REFERENCE)('Φ⁻¹(%d) matches mpmath to 1e-13 relative', (p, expected) => {
    expect(relativeError(normalQuantile(p), expected)).toBeLessThan(1e-13);
  });

  test('is −∞ at 0, +∞ at 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  // Only x ≤ 0: above 0, Φ(x) is rounded near 1, so the round trip is limited by 1e-16/φ(x), not
  // by either function.
  test('inverts normalCdf over the lower half, where Φ keeps full relative precision', () => {
    for (let x = -37; x <= 0; x += 0.37) {
      expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(x)));
    }
  });
});
