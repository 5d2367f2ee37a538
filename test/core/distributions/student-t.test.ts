import { describe, expect, test } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../../src/core/distributions/student-t.js';

// [t, ν, P(T ≤ t)] from mpmath at 40 digits by integrating the t density:
// c·(1 + u²/ν)^(−(ν+1)/2), c = Γ((ν+1)/2)/(Γ(ν/2)·√(νπ)), mp.quad over (−∞, −|t|], 1 − that for t > 0.
const CDF_REFERENCE: Array<[number, number, number]> = [
  [2.5, 3, 0.9561466764959672],
  [-2.5, 3, 0.04385332350403277],
  [1.96, 1000, 0.9748634075221256],
  [-40, 5, 9.205981085886477e-8],
  [0.1, 1, 0.5317255174305535],
  [-8, 2.5, 0.0038283220655217234],
  [3, 30, 0.9973050179671741],
  [-12, 10, 1.4607044123849935e-7],
  [-1e-5, 4, 0.4999962500000001],
  [-0.3, 0.5, 0.4224295760652454],
  [-50, 0.7, 0.0201009110261488],
  [-6, 1e4, 1.0208092364613077e-9],
  [-2.0423, 58.3, 0.02282667845606018],
];

// [p, ν, t] from mpmath: findroot of the cdf above, started at scipy.stats.t.ppf(p, ν).
const QUANTILE_REFERENCE: Array<[number, number, number]> = [
  [0.975, 3, 3.1824463052837086],
  [1e-10, 5, -156.8255927088943],
  [0.999, 30, 3.385184866829305],
  [0.025, 1, -12.706204736174705],
  [1e-6, 2.5, -220.17342917823686],
  [0.95, 120, 1.6576508993552352],
  [0.3, 0.5, -1.0095258786071661],
  [1e-12, 1e5, -7.035371742393576],
  [0.9, 3.3, 1.5983669585600866],
  [1e-15, 1.5, -5219469427.344636],
  [0.6, 10, 0.26018482949208016],
  [0.025, 2, -4.302652729749464],
  [0.975, 1997.4, 1.9611523719223733],
];

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('studentTCdf', () => {
  test.each(CDF_REFERENCE)('P(T ≤ %d) with ν = %d matches mpmath to 1e-13 relative', (t, nu, expected) => {
    expect(relative(studentTCdf(t, nu), expected)).toBeLessThan(1e-13);
  });

  test('is symmetric, ½ at 0, and 0/1 at ∓∞; NaN for ν ≤ 0', () => {
    for (const [t, nu] of [
      [1.3, 4],
      [0.2, 0.8],
      [7, 100],
    ])
      expect(studentTCdf(t, nu) + studentTCdf(-t, nu)).toBeCloseTo(1, 15);
    expect(studentTCdf(0, 7)).toBe(0.5);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(1, 0)).toBeNaN();
  });
});

describe('studentTQuantile', () => {
  test.each(QUANTILE_REFERENCE)('p = %d, ν = %d matches mpmath to 1e-12 relative', (p, nu, expected) => {
    expect(relative(studentTQuantile(p, nu), expected)).toBeLessThan(1e-12);
  });

  test('inverts studentTCdf over a grid of p and ν', () => {
    for (const nu of [0.7, 1, 2, 3.5, 9, 40, 300]) {
      for (const p of [1e-8, 0.001, 0.02, 0.2, 0.45, 0.55, 0.9, 0.999]) {
        const t = studentTQuantile(p, nu);
        const back = p < 0.5 ? studentTCdf(t, nu) : 1 - studentTCdf(-t, nu);
        expect(relative(back, p)).toBeLessThan(1e-11);
      }
    }
  });

  test('is 0 at ½, ∓∞ at 0 and 1, NaN outside [0, 1]', () => {
    expect(studentTQuantile(0.5, 4)).toBe(0);
    expect(studentTQuantile(0, 4)).toBe(-Infinity);
    expect(studentTQuantile(1, 4)).toBe(Infinity);
    expect(studentTQuantile(1.5, 4)).toBeNaN();
  });
});
