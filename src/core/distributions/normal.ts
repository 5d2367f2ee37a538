/* eslint-disable no-loss-of-precision -- the coefficients are quoted to the 20 digits Cody and
   Wichura published, so they can be checked against the papers; rounding them to doubles is
   intended. */

/**
 * The standard normal distribution function Φ and its inverse, accurate to double precision in
 * both tails, without any statistics package (workers load this file; it must stay light).
 */

// W. J. Cody (1969/1993) rational Chebyshev approximations, as used in his ANORM routine, in
// three ranges of |x|; coefficient tables from the paper.
const CENTRAL_NUMERATOR = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113,
];
const CENTRAL_DENOMINATOR = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const MIDDLE_NUMERATOR = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const MIDDLE_DENOMINATOR = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const TAIL_NUMERATOR = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
  0.02307344176494017303,
];
const TAIL_DENOMINATOR = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5,
];
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
const CENTRAL_LIMIT = 0.66291;
const MIDDLE_LIMIT = Math.sqrt(32);

/**
 * Φ(x), the probability that a standard normal variable is at most x.
 *
 * Formula: for |x| ≤ 0.66291, Φ = ½ + x·R₁(x²); beyond, the smaller tail is
 * exp(−x²/2)·R(|x|) (with 1/x² as the argument for |x| > √32), where the R are Cody's rational
 * approximations; exp(−x²/2) is split as exp(−s²/2)·exp(−(x−s)(x+s)/2) with s = x rounded down to
 * a sixteenth, so no precision is lost squaring x. Relative error about 1e-16 in either tail, down
 * to Φ(−37.5) ≈ 4.6e-308; compute an upper tail as `normalCdf(-x)`, never `1 - normalCdf(x)`.
 *
 * Reference: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp.
 * 23 (1969) 631–637, and his ANORM routine (SPECFUN, 1993), which R's `pnorm` also follows.
 *
 * @example
 * normalCdf(1.959963984540054) // 0.975
 * normalCdf(-10) // ≈ 7.6198530241605e-24 (mpmath: ncdf(-10))
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= CENTRAL_LIMIT) {
    const square = x * x;
    let numerator = CENTRAL_NUMERATOR[4] * square;
    let denominator = square;
    for (let i = 0; i < 3; i += 1) {
      numerator = (numerator + CENTRAL_NUMERATOR[i]) * square;
      denominator = (denominator + CENTRAL_DENOMINATOR[i]) * square;
    }
    return 0.5 + (x * (numerator + CENTRAL_NUMERATOR[3])) / (denominator + CENTRAL_DENOMINATOR[3]);
  }
  const smallerTail = normalSmallerTail(y);
  return x > 0 ? 1 - smallerTail : smallerTail;
}

// The tail beyond |x| = y, for y > 0.66291.
function normalSmallerTail(y: number): number {
  let ratio: number;
  if (y <= MIDDLE_LIMIT) {
    let numerator = MIDDLE_NUMERATOR[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i += 1) {
      numerator = (numerator + MIDDLE_NUMERATOR[i]) * y;
      denominator = (denominator + MIDDLE_DENOMINATOR[i]) * y;
    }
    ratio = (numerator + MIDDLE_NUMERATOR[7]) / (denominator + MIDDLE_DENOMINATOR[7]);
  } else {
    if (y > 38.5) return 0;
    const inverseSquare = 1 / (y * y);
    let numerator = TAIL_NUMERATOR[5] * inverseSquare;
    let denominator = inverseSquare;
    for (let i = 0; i < 4; i += 1) {
      numerator = (numerator + TAIL_NUMERATOR[i]) * inverseSquare;
      denominator = (denominator + TAIL_DENOMINATOR[i]) * inverseSquare;
    }
    const correction = (inverseSquare * (numerator + TAIL_NUMERATOR[4])) / (denominator + TAIL_DENOMINATOR[4]);
    ratio = (ONE_OVER_SQRT_TWO_PI - correction) / y;
  }
  const rounded = Math.trunc(y * 16) / 16;
  const remainder = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded * 0.5) * Math.exp(-remainder * 0.5) * ratio;
}

// M. J. Wichura's AS 241 (PPND16) coefficients, from the paper, for three ranges.
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/**
 * Φ⁻¹(p), the standard normal quantile: the x with Φ(x) = p. Returns −∞ at p = 0, +∞ at p = 1,
 * NaN outside [0, 1].
 *
 * Formula: with q = p − ½, for |q| ≤ 0.425 x = q·A(r)/B(r), r = 0.180625 − q²; otherwise, with
 * r = √(−log min(p, 1−p)), x = ±C(r−1.6)/D(r−1.6) for r ≤ 5 and ±E(r−5)/F(r−5) beyond, where A…F
 * are Wichura's degree-7 polynomials. Relative accuracy about 1e-16.
 *
 * Reference: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37 (1988) 477–484.
 *
 * @example
 * normalQuantile(0.975) // ≈ 1.95996398454005
 * normalQuantile(1e-10) // ≈ -6.36134090240406 (SciPy: norm.ppf(1e-10))
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(A, r)) / polynomial(B, r);
  }
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-Math.log(tail));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = polynomial(C, r) / polynomial(D, r);
  } else {
    r -= 5;
    x = polynomial(E, r) / polynomial(F, r);
  }
  return q < 0 ? -x : x;
}

// Horner's rule for c[0] + c[1]·x + … + c[7]·x⁷, unrolled: this runs once per normal draw.
function polynomial(c: readonly number[], x: number): number {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}
