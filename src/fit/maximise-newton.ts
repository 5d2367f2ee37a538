import { choleskyFactor, solveWithCholesky } from './cholesky.js';

/** A smooth function's value, gradient and Hessian (row-major) at one point. */
export interface SecondOrder {
  readonly value: number;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
}

/** Where a Newton maximisation ended. */
export interface Maximum {
  readonly at: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
  readonly iterations: number;
  /** True when the Newton decrement fell below the tolerance. */
  readonly converged: boolean;
}

/**
 * Maximises a smooth function (a log-likelihood) by Newton's method with a line search, from
 * `start`.
 *
 * Formula in words: at x, step δ solves (−H + μI)·δ = g, with μ = 0 when −H is positive definite
 * and otherwise raised (10⁻⁶ of the largest diagonal, ×10 each time) until it is; the step is
 * halved until the function rises. Stops when the Newton decrement g·δ is below `tolerance` (half
 * of it estimates how far the value is from the maximum). Near a maximum this is Newton's method,
 * converging quadratically.
 * Reference: J. Nocedal & S. J. Wright, Numerical Optimization (2nd ed., 2006), §3.4 (modified
 * Newton) and §3.1 (backtracking).
 *
 * @param evaluate the function, its gradient and its Hessian at x (a value of −∞ or NaN means "outside")
 * @param stop ends the search early at an accepted point (e.g. one pressed against a boundary)
 * @param project moves a trial point back into the domain (e.g. onto a bound it would cross), so
 *   a maximum on a boundary is reached in one step rather than by endless halving
 * @example maximiseNewton((x) => ({ value: -((x[0] - 3) ** 2), gradient: Float64Array.of(-2 * (x[0] - 3)),
 *   hessian: Float64Array.of(-2) }), Float64Array.of(0)).at // [3]
 */
export function maximiseNewton(
  evaluate: (x: Float64Array) => SecondOrder,
  start: Float64Array,
  tolerance = 1e-10,
  maxIterations = 100,
  stop: (x: Float64Array, point: SecondOrder) => boolean = () => false,
  project: (x: Float64Array) => Float64Array = (x) => x,
): Maximum {
  const n = start.length;
  let x: Float64Array = Float64Array.from(start);
  let current = evaluate(x);
  if (!Number.isFinite(current.value)) throw new RangeError('maximiseNewton: the start is outside the domain');
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const step = newtonStep(current, n);
    const decrement = dot(current.gradient, step);
    if (decrement < tolerance) return { at: x, ...current, iterations: iteration - 1, converged: true };
    let scale = 1;
    let next: SecondOrder | null = null;
    let trial: Float64Array = x;
    for (let halving = 0; halving < 30; halving++) {
      trial = project(Float64Array.from(x, (value, i) => value + scale * step[i]));
      const candidate = evaluate(trial);
      if (Number.isFinite(candidate.value) && candidate.value >= current.value) {
        next = candidate;
        break;
      }
      scale /= 2;
    }
    if (next === null) return { at: x, ...current, iterations: iteration, converged: decrement < 1e3 * tolerance };
    x = trial;
    current = next;
    if (stop(x, current)) return { at: x, ...current, iterations: iteration, converged: true };
  }
  return { at: x, ...current, iterations: maxIterations, converged: false };
}

function newtonStep(point: SecondOrder, n: number): Float64Array {
  const negative = Float64Array.from(point.hessian, (value) => -value);
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(negative[i * n + i]));
  let shift = 0;
  for (let attempt = 0; attempt < 40; attempt++) {
    const shifted = Float64Array.from(negative);
    for (let i = 0; i < n; i++) shifted[i * n + i] += shift;
    const lower = choleskyFactor(shifted, n);
    if (lower !== null) return solveWithCholesky(lower, point.gradient, n);
    shift = shift === 0 ? Math.max(1e-6 * largest, 1e-10) : shift * 10;
  }
  // Nothing positive definite within reach: a gradient step of modest size.
  return Float64Array.from(point.gradient, (value) => value / Math.max(1, largest));
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
