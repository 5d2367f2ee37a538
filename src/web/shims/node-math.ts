/**
 * Makes the page's Math.exp, Math.log, Math.log1p, Math.expm1 and Math.tan return what Node 20's
 * V8 returns, bit for bit, so the page's numbers are the command line's whatever the browser.
 *
 * Why: ECMAScript lets each engine choose its own approximations of these functions (within an
 * ulp or so). Node 20's V8 uses the FreeBSD msun ("fdlibm") algorithms; Chromium 156 rounds
 * differently in about one case in ten, Firefox and Safari have their own libraries. The engine
 * calls these functions in every trial (probabilities, log estimates, intervals), so without
 * this the page's JSON differed from the command line's in the 16th digit. The replacements are
 * stdlib's ports of the same msun algorithms (pure JavaScript, deterministic), checked equal to
 * Node's own in test/web/node-math.test.ts. Math.pow, Math.sin and Math.cos are left to the
 * browser: Node's V8 takes them from another library, and the engine uses them only for fixed
 * quadrature nodes and grids, where the built-in scenarios' results do not depend on the last bit
 * (the browser test compares every built-in scenario's JSON with the command line's).
 *
 * Imported first by the page and by each web worker, before any module computes a constant.
 */
import msunExp from '@stdlib/math-base-special-exp';
import log from '@stdlib/math-base-special-ln';
import log1p from '@stdlib/math-base-special-log1p';
import expm1 from '@stdlib/math-base-special-expm1';
import tan from '@stdlib/math-base-special-tan';

/**
 * exp as Node's V8 computes it: msun's algorithm, except that V8 returns the double nearest e for
 * exp(1) (msun's result is one ulp above). Below −708.4, where results are subnormal (< 2.2e-308),
 * msun and V8 may round the last bit differently; no trialsim number is that small.
 */
function exp(x: number): number {
  return x === 1 ? Math.E : msunExp(x);
}

/** The replaced functions, by their Math name. */
export const NODE_MATH = { exp, log, log1p, expm1, tan } as const;

Object.assign(Math, NODE_MATH);
