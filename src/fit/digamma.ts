/**
 * The digamma function ψ(x) = d/dx log Γ(x) and the trigamma function ψ′(x), for x > 0: the
 * derivatives of a gamma log-likelihood with respect to its shape (here the inverse dispersion
 * 1/α of a gamma propensity).
 */

// Below this the asymptotic series is not yet accurate to double precision, so x is shifted up.
const ASYMPTOTIC_FROM = 10;

/**
 * ψ(x) for x > 0 (NaN otherwise).
 *
 * Formula in words: shift x up with ψ(x) = ψ(x + 1) − 1/x until x ≥ 10, then the asymptotic series
 * ψ(x) = log x − 1/(2x) − 1/(12x²) + 1/(120x⁴) − 1/(252x⁶) + 1/(240x⁸) − 1/(132x¹⁰), whose first
 * omitted term (691/(32760x¹²)) is below 3e-14 there. Absolute error about 1e-15.
 * Reference: Abramowitz & Stegun (1964) 6.3.5 (the recurrence) and 6.3.18 (the series).
 *
 * @example digamma(1) // ≈ -0.5772156649015329 (−γ, Euler's constant; mpmath: digamma(1))
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  let shifted = x;
  while (shifted < ASYMPTOTIC_FROM) {
    shift += 1 / shifted;
    shifted += 1;
  }
  const inverseSquare = 1 / (shifted * shifted);
  const series =
    inverseSquare *
    (1 / 12 - inverseSquare * (1 / 120 - inverseSquare * (1 / 252 - inverseSquare * (1 / 240 - inverseSquare / 132))));
  return Math.log(shifted) - 0.5 / shifted - series - shift;
}

/**
 * ψ′(x) for x > 0 (NaN otherwise).
 *
 * Formula in words: shift x up with ψ′(x) = ψ′(x + 1) + 1/x² until x ≥ 10, then the asymptotic
 * series ψ′(x) = 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹) + 5/(66x¹¹) − 691/(2730x¹³).
 * Reference: Abramowitz & Stegun (1964) 6.4.6 (the recurrence) and 6.4.12 (the series).
 *
 * @example trigamma(1) // ≈ 1.6449340668482264 (π²/6; mpmath: psi(1, 1))
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  let shifted = x;
  while (shifted < ASYMPTOTIC_FROM) {
    shift += 1 / (shifted * shifted);
    shifted += 1;
  }
  const inverse = 1 / shifted;
  const inverseSquare = inverse * inverse;
  const series =
    inverse +
    inverseSquare / 2 +
    inverse *
      inverseSquare *
      (1 / 6 -
        inverseSquare *
          (1 / 30 -
            inverseSquare *
              (1 / 42 - inverseSquare * (1 / 30 - inverseSquare * (5 / 66 - (691 / 2730) * inverseSquare)))));
  return series + shift;
}
