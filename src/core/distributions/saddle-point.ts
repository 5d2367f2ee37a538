/**
 * The two ingredients of Loader's saddle-point form of the binomial and Poisson probabilities,
 * which keeps full relative precision where the textbook form (differences of log-factorials of
 * size n·log n) loses it. Used by the probability functions and by the exact rejection samplers.
 */

import { logGamma } from './log-gamma.js';

const LOG_SQRT_TWO_PI = 0.9189385332046728;

// stirlingError(n) for n = 0…15, computed with mpmath at 40 digits:
// python3 -c "import mpmath as mp; mp.mp.dps=40; [print(float(mp.loggamma(n+1)-(n+0.5)*mp.log(n)+n-mp.log(mp.sqrt(2*mp.pi)))) for n in range(1,16)]"
// (0 at n = 0 by convention; the callers never use it there.)
const SMALL_STIRLING_ERRORS = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

/**
 * The error of Stirling's formula: δ(n) = log n! − (n + ½)·log n + n − ½·log 2π, for real n ≥ 0
 * (n! = Γ(n + 1)).
 *
 * Formula: for n > 15 the series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹); for
 * whole n ≤ 15 a table; for other n ≤ 15 the definition with an accurate log Γ.
 *
 * Reference: C. Loader, "Fast and accurate computation of binomial probabilities" (2000).
 *
 * @example
 * stirlingError(10) // 0.00833056343336287
 */
export function stirlingError(n: number): number {
  if (n > 15) {
    const inverseSquare = 1 / (n * n);
    return (
      (1 / 12 -
        inverseSquare * (1 / 360 - inverseSquare * (1 / 1260 - inverseSquare * (1 / 1680 - inverseSquare / 1188)))) /
      n
    );
  }
  if (Number.isInteger(n)) return SMALL_STIRLING_ERRORS[n];
  return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LOG_SQRT_TWO_PI;
}

/**
 * The deviance term D(x, μ) = x·log(x/μ) + μ − x ≥ 0, for x ≥ 0 and μ > 0.
 *
 * Formula: near x = μ (|x − μ| < 0.1(x + μ)), with v = (x − μ)/(x + μ), the series
 * D = (x − μ)·v + 2x·(v³/3 + v⁵/5 + …), which avoids the cancellation of the direct form;
 * otherwise the direct form (D(0, μ) = μ).
 *
 * Reference: C. Loader, "Fast and accurate computation of binomial probabilities" (2000), "bd0".
 *
 * @example
 * devianceTerm(12, 10) // ≈ 0.18785868152746 (= 12·log 1.2 − 2)
 */
export function devianceTerm(x: number, mu: number): number {
  if (x === 0) return mu;
  const difference = x - mu;
  if (Math.abs(difference) < 0.1 * (x + mu)) {
    let v = difference / (x + mu);
    let sum = difference * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j += 1) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / mu) + mu - x;
}
