import { describe, expect, test } from 'vitest';
import { chiSquareCdf, chiSquareSurvival } from '../../../src/core/distributions/chi-square.js';

// [x, ν, P(X ≤ x), P(X > x)] from mpmath at 40 digits:
// gammainc(ν/2, 0, x/2, regularized=True) and gammainc(ν/2, x/2, inf, regularized=True).
const REFERENCE: Array<[number, number, number, number]> = [
  [3.84, 1, 0.9499564787512949, 0.050043521248705106],
  [100, 80, 0.935429631078867, 0.06457036892113298],
  [0.5, 3, 0.08110858834532414, 0.9188914116546758],
  [20, 4, 0.9995006007726127, 0.0004993992273873333],
  [0.001, 2, 0.0004998750208307294, 0.9995001249791693],
  [200, 2, 1.0, 3.720075976020836e-44],
  [1e4, 1e4, 0.5018806340338173, 0.49811936596618267],
  [3.841458820694124, 1, 0.95, 0.05000000000000006],
  [150, 100, 0.9990960679576459, 0.0009039320423540091],
  [7.5, 7, 0.621263093951787, 0.3787369060482129],
];

describe('chi-square distribution', () => {
  test.each(REFERENCE)('x = %d, ν = %d: cdf and survival match mpmath to 1e-13 relative', (x, nu, cdf, survival) => {
    expect(Math.abs(chiSquareCdf(x, nu) - cdf) / cdf).toBeLessThan(1e-13);
    expect(Math.abs(chiSquareSurvival(x, nu) - survival) / survival).toBeLessThan(1e-13);
  });

  test('ν = 2 is the exponential: P(X > x) = e^(−x/2), even far out', () => {
    for (const x of [0.3, 2, 17, 300, 1400]) {
      expect(Math.abs(chiSquareSurvival(x, 2) - Math.exp(-x / 2)) / Math.exp(-x / 2)).toBeLessThan(1e-13);
    }
  });

  test('x ≤ 0 gives cdf 0 and survival 1; ν ≤ 0 gives NaN', () => {
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareSurvival(-1, 3)).toBe(1);
    expect(chiSquareCdf(1, 0)).toBeNaN();
  });
});
