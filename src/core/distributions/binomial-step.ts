import { drawBinomialByInversion, drawBinomialByInversionFrom } from './binomial.js';
import type { Rng } from '../rng/rng.js';
import { logFactorial } from './log-gamma.js';

// Below this mean (n·p with p ≤ ½) inversion is cheaper than rejection, as in `drawBinomial`.
const REJECTION_FROM = 10;
// Up to this many trials, one uniform per trial is cheaper than inversion's exponential.
const ONE_BY_ONE_UP_TO = 4;
// Inversion draws from one step before it keeps a table of (1 − p)ⁿ (the exponential is most of an
// inversion): enough that a table built for one trial's mean (a site's multiplier) seldom pays for one.
const TABLE_AFTER_INVERSIONS = 64;
// The largest n + 1 kept in that table (8 kB), whatever p.
const MAX_TABLE_N = 1024;
// log k! is kept for k below this (computed on first use); larger k use the Stirling series directly.
const TABLE_SIZE = 1 << 16;
const logFactorials = new Float64Array(TABLE_SIZE).fill(Number.NaN);

/**
 * One binomial success probability with what drawing from it repeatedly needs, computed once:
 * the smaller of p and 1 − p and the logarithms of both (the hazard chain of a count law draws
 * from the same p in every trial, only n changes).
 *
 * @example binomialStep(0.7) → { small: 0.3, reflected: true, logSmall: log 0.3, logLarge: log 0.7 }
 */
export interface BinomialStep {
  /** p itself. */
  readonly p: number;
  readonly small: number;
  readonly reflected: boolean;
  readonly logSmall: number;
  readonly logLarge: number;
  /** small/(1 − small), the ratio inversion steps by. */
  readonly odds: number;
  /**
   * (1 − small)ⁿ by n, filled as inversion meets each n (NaN until then), once the step has been
   * drawn from by inversion often enough to be worth a table (`inversions`); null before.
   */
  zeroProbabilities: Float64Array | null;
  /** Inversion draws so far, until the table is made. */
  inversions: number;
}

/** The step for success probability p (0 ≤ p ≤ 1). */
export function binomialStep(p: number): BinomialStep {
  const reflected = p > 0.5;
  const small = reflected ? 1 - p : p;
  return {
    p,
    small,
    reflected,
    logSmall: Math.log(small),
    logLarge: Math.log1p(-small),
    odds: small / (1 - small),
    zeroProbabilities: null,
    inversions: 0,
  };
}

/**
 * Draws Binomial(n, p) for a prepared p: one Bernoulli trial at a time for n ≤ 4, otherwise the
 * same exact algorithms as `drawBinomial` (inversion below a mean of 10, Hörmann's BTRS above), made cheaper for repeated use of one p: no argument
 * checks, logarithms of p and 1 − p prepared once, and the rejection step's exact ratio
 * f(k)/f(mode) = m!(n − m)!/(k!(n − k)!)·(p/q)^(k − m) evaluated only when the squeeze fails, from
 * log-factorials (tabulated below 65,536, Stirling's series above; ≈ 1e-13 absolute in the log).
 * n must be a whole number ≥ 0.
 * Reference: W. Hörmann (1993), J. Stat. Comput. Simul. 46:101–110; Devroye (1986) §X.4.
 *
 * @example drawBinomialStep({ next: () => 0.5 }, 10, binomialStep(0.5)) → 5 (the median)
 */
export function drawBinomialStep(rng: Rng, n: number, step: BinomialStep): number {
  const p = step.small;
  if (n === 0 || p === 0) return step.reflected ? n : 0;
  if (n <= ONE_BY_ONE_UP_TO) {
    let successes = 0;
    for (let i = 0; i < n; i++) if (rng.next() < step.p) successes++;
    return successes;
  }
  const draw =
    n * p < REJECTION_FROM ? byInversion(rng, n, step) : byRejection(rng, n, p, step.logSmall, step.logLarge);
  return step.reflected ? n - draw : draw;
}

/**
 * Draws Binomial(n, p) for a p used once: exactly `drawBinomialStep(rng, n, binomialStep(p))` —
 * the same uniforms, the same value — without making the step (a hazard chain whose mean is new in
 * every trial draws from each of its p once; a fresh step never has an inversion table). n must be
 * a whole number ≥ 0.
 *
 * @example drawBinomialOnce({ next: () => 0.5 }, 10, 0.5) → 5 (as drawBinomialStep)
 */
export function drawBinomialOnce(rng: Rng, n: number, p: number): number {
  const reflected = p > 0.5;
  const small = reflected ? 1 - p : p;
  if (n === 0 || small === 0) return reflected ? n : 0;
  if (n <= ONE_BY_ONE_UP_TO) {
    let successes = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) successes++;
    return successes;
  }
  const logLarge = Math.log1p(-small);
  const draw =
    n * small < REJECTION_FROM
      ? drawBinomialByInversion(rng, n, small, logLarge)
      : byRejection(rng, n, small, Math.log(small), logLarge);
  return reflected ? n - draw : draw;
}

// Inversion (as `drawBinomialByInversion`), with (1 − p)ⁿ taken from the step's table once it has one.
function byInversion(rng: Rng, n: number, step: BinomialStep): number {
  let table = step.zeroProbabilities;
  if (table === null) {
    // A step drawn from only a few times (a table built for one trial) is not worth a table.
    if (++step.inversions < TABLE_AFTER_INVERSIONS) return drawBinomialByInversion(rng, n, step.small, step.logLarge);
    // Inversion serves n < 10/p: one entry per such n, up to a size that a tiny p cannot blow up.
    const size = Math.min(Math.ceil(REJECTION_FROM / step.small), MAX_TABLE_N);
    table = step.zeroProbabilities = new Float64Array(size).fill(Number.NaN);
  }
  if (n >= table.length) return drawBinomialByInversion(rng, n, step.small, step.logLarge);
  let probabilityOfZero = table[n];
  if (Number.isNaN(probabilityOfZero)) {
    // Exactly the expression `drawBinomialByInversion` evaluates, so the draws are the same.
    probabilityOfZero = Math.exp(n * step.logLarge);
    table[n] = probabilityOfZero;
  }
  return drawBinomialByInversionFrom(rng, n, step.odds, probabilityOfZero);
}

function byRejection(rng: Rng, n: number, p: number, logSmall: number, logLarge: number): number {
  const q = 1 - p;
  const spread = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spread;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const centre = n * p + 0.5;
  const acceptAtOnceBelow = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spread;
  const mode = Math.floor((n + 1) * p);
  let logModeTerm = Number.NaN;
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const distanceFromEdge = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / distanceFromEdge + b) * u + centre);
    if (k < 0 || k > n) continue;
    if (distanceFromEdge >= 0.07 && v <= acceptAtOnceBelow) return k;
    if (v === 0) continue;
    if (Number.isNaN(logModeTerm)) logModeTerm = logFactorialOf(mode) + logFactorialOf(n - mode);
    const logRatio = logModeTerm - logFactorialOf(k) - logFactorialOf(n - k) + (k - mode) * (logSmall - logLarge);
    if (logAtMost((v * alpha) / (a / (distanceFromEdge * distanceFromEdge) + b), logRatio)) return k;
  }
}

/**
 * Whether log x ≤ bound (x > 0), decided from cheap bounds on the logarithm where they suffice:
 * 1 − 1/x ≤ log x ≤ 2s for x ≤ 1 and log x ≥ 2s for x ≥ 1, with s = (x − 1)/(x + 1) (the series
 * log x = 2(s + s³/3 + s⁵/5 + …) has terms of one sign); only between them is the logarithm
 * computed, so the answer is the logarithm's.
 * Reference: Abramowitz & Stegun (1964) 4.1.27 and 4.1.33.
 *
 * @example logAtMost(0.5, -0.5) → true (2s = −0.667 ≤ −0.5 decides it; log 0.5 = −0.693)
 */
function logAtMost(x: number, bound: number): boolean {
  const twice = (2 * (x - 1)) / (x + 1);
  if (x <= 1) {
    if (twice <= bound) return true;
    if (1 - 1 / x > bound) return false;
  } else if (twice > bound) return false;
  return Math.log(x) <= bound;
}

// log k!, from the table (filled on first use). Written so the value read from the table is
// returned as read: merged with a call's result in one variable, V8 boxed it, a heap allocation on
// every call that was a third of a cell-form trial's garbage.
function logFactorialOf(k: number): number {
  if (k >= TABLE_SIZE) return logFactorial(k);
  if (Number.isNaN(logFactorials[k])) logFactorials[k] = logFactorial(k);
  return logFactorials[k];
}
