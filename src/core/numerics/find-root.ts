/**
 * Finds where a continuous function of one variable crosses zero inside a bracket, by Brent's
 * method: a bisection that is always safe, sped up by secant and inverse-quadratic steps whenever
 * they land inside the bracket and shrink it fast enough.
 *
 * Formula in words: keep a bracket [a, b] with f(a)·f(b) ≤ 0, b the better end. Each step tries the
 * inverse quadratic through the last three points (or the secant through two); the trial point is
 * accepted if it lies between (3a + b)/4 and b and moves less than half of the step before last,
 * otherwise the step is a bisection. Stops when the bracket is narrower than
 * 2·ε·|b| + tolerance/2 (ε the double's spacing) or f(b) = 0. Converges superlinearly on smooth
 * functions and never needs more than about (log₂ of the bracket over tolerance)² evaluations.
 * Reference: R. P. Brent, Algorithms for Minimization without Derivatives (1973), chapter 4.
 *
 * Throws a RangeError if f(lower) and f(upper) have the same strict sign (no bracket): a bug in
 * the caller, who must bracket the root.
 *
 * @param f the function (called once per step; must be finite on the bracket)
 * @param lower one end of the bracket
 * @param upper the other end
 * @param tolerance the absolute width at which to stop (default 1e-13)
 * @example findRoot((x) => x * x - 2, 0, 2) // ≈ 1.4142135623731 (√2)
 */
export function findRoot(f: (x: number) => number, lower: number, upper: number, tolerance = 1e-13): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa > 0 === fb > 0) {
    throw new RangeError(`findRoot: f(${lower}) = ${fa} and f(${upper}) = ${fb} do not bracket a root`);
  }
  // c is the previous b (or the far end of the bracket); d the last step, e the step before it.
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 200; iteration += 1) {
    if (fb > 0 === fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const stopWidth = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const half = (c - b) / 2;
    if (Math.abs(half) <= stopWidth || fb === 0) return b;
    if (Math.abs(e) >= stopWidth && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two distinct points, else inverse quadratic.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * half * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * half * q - Math.abs(stopWidth * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > stopWidth ? d : half > 0 ? stopWidth : -stopWidth;
    fb = f(b);
  }
  return b;
}
