/**
 * log Γ(x) and log k!, accurate to double precision, without a statistics package.
 */

const HALF_LOG_TWO_PI = 0.9189385332046728;
// Below this the Stirling series is not yet accurate to double precision, so we shift x up.
const STIRLING_FROM = 10;

/**
 * The natural logarithm of the gamma function, for x > 0 (NaN otherwise).
 *
 * Formula: for x ≥ 10, Stirling's series
 * log Γ(x) = (x − ½)·log x − x + ½·log 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷)
 * + 1/(1188x⁹) − 691/(360360x¹¹) + 1/(156x¹³), whose first omitted term is below 3e-17 there;
 * for x < 10, log Γ(x) = log Γ(x + n) − log(x(x+1)…(x+n−1)) with x + n ≥ 10. Absolute error about
 * 1e-15 (relative error 1e-16 away from the roots at 1 and 2).
 *
 * Reference: Abramowitz & Stegun (1964), 6.1.40 (the series) and 6.1.15 (the recurrence).
 *
 * @example
 * logGamma(0.5) // ≈ 0.57236494292470 (= log √π)
 * logGamma(101) // ≈ 363.73937555556347 (= log 100!)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === 1 || x === 2) return 0;
  if (x >= STIRLING_FROM) return stirlingSeries(x);
  let product = 1;
  let shifted = x;
  while (shifted < STIRLING_FROM) {
    product *= shifted;
    shifted += 1;
  }
  return stirlingSeries(shifted) - Math.log(product);
}

function stirlingSeries(x: number): number {
  const inverse = 1 / x;
  const inverseSquare = inverse * inverse;
  const series =
    inverse *
    (1 / 12 +
      inverseSquare *
        (-1 / 360 +
          inverseSquare *
            (1 / 1260 +
              inverseSquare *
                (-1 / 1680 + inverseSquare * (1 / 1188 + inverseSquare * (-691 / 360360 + inverseSquare / 156))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
}

// log k! for k ≤ 22 from the factorials themselves, which are exact doubles up to 22! (the odd
// part of 22! is below 2^53), so only the final logarithm rounds.
const SMALL_LOG_FACTORIALS: readonly number[] = (() => {
  const table = [0];
  let factorial = 1;
  for (let k = 1; k <= 22; k += 1) {
    factorial *= k;
    table.push(Math.log(factorial));
  }
  return table;
})();

/**
 * log k!, for a whole number k ≥ 0 (NaN for negative or fractional k).
 *
 * Formula: log of the exact factorial for k ≤ 22, otherwise log Γ(k + 1) by Stirling's series.
 *
 * Reference: as `logGamma`.
 *
 * @example
 * logFactorial(10) // 15.104412573075516 (= log 3628800)
 */
export function logFactorial(k: number): number {
  if (k <= 22) return k >= 0 && Number.isInteger(k) ? SMALL_LOG_FACTORIALS[k] : Number.NaN;
  return Number.isInteger(k) ? stirlingSeries(k + 1) : Number.NaN;
}
