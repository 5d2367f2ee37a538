import { describe, expect, test } from 'vitest';
import { logFactorial, logGamma } from '../../../src/core/distributions/log-gamma.js';

// mpmath at 50 digits: python3 -c "import mpmath as mp; mp.mp.dps=50; print(float(mp.loggamma(x)))"
const REFERENCE: Array<[number, number]> = [
  [1e-8, 18.42068073818021],
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247001],
  [1.5, -0.12078223763524522],
  [2.5, 0.2846828704729192],
  [3.7, 1.428072326665388],
  [9.99, 12.779315214350193],
  [10, 12.801827480081469],
  [10.01, 12.824350262448247],
  [55.5, 166.32150615984037],
  [1000.25, 5906.9472682711175],
  [1e6, 12815504.569147611],
  [1e12, 26631021115915.652],
];

describe('logGamma', () => {
  test.each(REFERENCE)('log Γ(%d) matches mpmath to 3e-15 absolute or 1e-15 relative', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(Math.max(3e-15, 1e-15 * Math.abs(expected)));
  });

  test('is exactly 0 at 1 and 2, and NaN for x ≤ 0', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
  });

  test('satisfies the recurrence log Γ(x+1) = log Γ(x) + log x', () => {
    for (const x of [0.3, 1.7, 4.2, 9.5, 12.25, 300.5]) {
      expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 12);
    }
  });
});

describe('logFactorial', () => {
  test('equals the log of exact factorials computed with BigInt', () => {
    let factorial = 1n;
    for (let k = 0; k <= 170; k += 1) {
      if (k > 0) factorial *= BigInt(k);
      // log of a BigInt: its leading 17 digits and the power of ten.
      const digits = factorial.toString();
      const expected = Math.log(Number(`0.${digits.slice(0, 17)}`)) + digits.length * Math.LN10;
      expect(Math.abs(logFactorial(k) - expected)).toBeLessThanOrEqual(Math.max(2e-15, 1e-15 * expected));
    }
  });

  test('is NaN for negative or fractional k', () => {
    expect(logFactorial(-1)).toBeNaN();
    expect(logFactorial(2.5)).toBeNaN();
    expect(logFactorial(30.5)).toBeNaN();
  });
});
