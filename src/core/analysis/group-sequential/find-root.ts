/** Most iterations before the search gives up; Brent's method needs far fewer on smooth functions. */
const MOST_ITERATIONS = 200;

/**
 * The x in [lower, upper] where the continuous function f crosses zero, given that f(lower) and
 * f(upper) have opposite signs (or one is zero), to within `tolerance` in x.
 *
 * Formula in words: Brent's method. Keep a bracket [b, c] with a sign change and the previous
 * iterate a; try inverse quadratic interpolation through the three points (or the secant through
 * two), and accept the step only if it falls well inside the bracket and shrinks faster than
 * bisection would have; otherwise bisect. So it converges superlinearly on smooth functions and
 * never worse than bisection.
 * Reference: R. P. Brent, Algorithms for Minimization without Derivatives (1973), ch. 4;
 * Press et al., Numerical Recipes, 3rd ed., §9.3.
 *
 * Throws if the bracket has no sign change (a caller's bug: each caller derives its bracket).
 *
 * @example findRoot((x) => x * x - 2, 0, 2, 1e-12) // ≈ 1.414213562373095
 */
export function findRoot(f: (x: number) => number, lower: number, upper: number, tolerance: number): number {
  let b = upper;
  let fb = f(b);
  let a = lower;
  let fa = f(a);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new Error(`findRoot: no sign change on [${lower}, ${upper}] (f = ${fa}, ${fb})`);
  }
  let c = a;
  let fc = fa;
  let step = b - a;
  let previousStep = step;
  for (let iteration = 0; iteration < MOST_ITERATIONS; iteration++) {
    // Keep b the best estimate and c on the other side of the root.
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      step = b - a;
      previousStep = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const halfTolerance = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const halfBracket = (c - b) / 2;
    if (Math.abs(halfBracket) <= halfTolerance || fb === 0) return b;
    if (Math.abs(previousStep) >= halfTolerance && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * halfBracket * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * halfBracket * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * halfBracket * q - Math.abs(halfTolerance * q), Math.abs(previousStep * q))) {
        previousStep = step;
        step = p / q;
      } else {
        step = halfBracket;
        previousStep = step;
      }
    } else {
      step = halfBracket;
      previousStep = step;
    }
    a = b;
    fa = fb;
    b += Math.abs(step) > halfTolerance ? step : halfBracket > 0 ? halfTolerance : -halfTolerance;
    fb = f(b);
  }
  throw new Error(`findRoot: no convergence on [${lower}, ${upper}] after ${MOST_ITERATIONS} iterations`);
}
