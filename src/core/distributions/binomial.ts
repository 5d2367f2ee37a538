import type { Rng } from '../rng/rng.js';
import { logBinomialPmf } from './binomial-probability.js';

// Below this mean (n·min(p, 1−p)), inversion is cheaper than rejection and the rejection
// method's constants are not tuned.
const REJECTION_FROM = 10;

/**
 * Draws a binomial count: successes in n independent trials each succeeding with probability p.
 * Exact for every n (up to 2^53) and p.
 *
 * Formula: work with p' = min(p, 1−p) and reflect at the end (X = n − X'). If n·p' < 10,
 * inversion: walk f(k+1) = f(k)·(n−k)/(k+1)·p'/(1−p') from f(0) = (1−p')ⁿ until U < P(X ≤ k).
 * Otherwise Hörmann's transformed rejection with squeeze (BTRS): k = ⌊(2a/(½−|u|) + b)·u + np' + ½⌋,
 * accepted at once in the central region and otherwise against the exact ratio f(k)/f(mode): a
 * short product within 15 of the mode, else log-probabilities in Loader's saddle-point form (so
 * n = 1e9 stays exact).
 *
 * Reference: W. Hörmann, "The generation of binomial random variates", Journal of Statistical
 * Computation and Simulation 46 (1993) 101–110; L. Devroye (1986) §X.4.
 *
 * @example
 * drawBinomial({ next: () => 0.5 }, 10, 0.5) // 5 (the median)
 */
export function drawBinomial(rng: Rng, n: number, p: number): number {
  if (!Number.isSafeInteger(n) || n < 0 || !(p >= 0 && p <= 1)) {
    throw new RangeError(`binomial needs a whole n ≥ 0 and 0 ≤ p ≤ 1 (got ${n}, ${p})`);
  }
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const reflected = p > 0.5;
  const small = reflected ? 1 - p : p;
  const draw =
    n * small < REJECTION_FROM
      ? drawBinomialByInversion(rng, n, small, Math.log1p(-small))
      : drawByRejection(rng, n, small);
  return reflected ? n - draw : draw;
}

/**
 * Binomial(n, p) by inversion (sequential search from 0), for p ≤ ½ and small n·p: with U uniform,
 * the first k with U < P(X ≤ k), walking f(k+1) = f(k)·(n − k)/(k + 1)·p/q from f(0) = qⁿ.
 * `logOneMinusP` is ln(1 − p), passed in so callers that keep it precomputed do not redo it.
 * Reference: Devroye (1986), §X.4 (sequential search).
 *
 * @example drawBinomialByInversion({ next: () => 0.5 }, 3, 0.1, Math.log(0.9)) → 0 (P(X = 0) = 0.729)
 */
export function drawBinomialByInversion(rng: Rng, n: number, p: number, logOneMinusP: number): number {
  return drawBinomialByInversionFrom(rng, n, p / (1 - p), Math.exp(n * logOneMinusP));
}

/**
 * `drawBinomialByInversion` given the odds p/(1 − p) and P(X = 0) = (1 − p)ⁿ, for callers that keep
 * them (a binomial step draws from one p with the same few n again and again).
 *
 * @example drawBinomialByInversionFrom({ next: () => 0.5 }, 3, 0.1 / 0.9, 0.729) → 0
 */
export function drawBinomialByInversionFrom(rng: Rng, n: number, odds: number, probabilityOfZero: number): number {
  for (;;) {
    let u = rng.next();
    let k = 0;
    let probability = probabilityOfZero;
    while (u >= probability && k < n) {
      u -= probability;
      probability *= ((n - k) / (k + 1)) * odds;
      k += 1;
    }
    // If rounding left u above the whole computed mass, draw again rather than return n.
    if (u < probability) return k;
  }
}

// Within this distance of the mode, f(k)/f(mode) is a short product (Hörmann's BTRD does the same),
// cheaper than two saddle-point log-probabilities and as accurate (about 1e-14).
const NEAR_MODE = 15;

// f(k)/f(mode) = Π (n − i + 1)/i · p/q over i = mode+1…k, or its reciprocal form below the mode.
function ratioToMode(k: number, mode: number, n: number, odds: number): number {
  let ratio = 1;
  for (let i = mode + 1; i <= k; i += 1) ratio *= ((n - i + 1) / i) * odds;
  for (let i = k + 1; i <= mode; i += 1) ratio *= i / ((n - i + 1) * odds);
  return ratio;
}

function drawByRejection(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spread = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spread;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const centre = n * p + 0.5;
  const acceptAtOnceBelow = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spread;
  const odds = p / q;
  const mode = Math.floor((n + 1) * p);
  // log f(mode) is only needed for k far from the mode, so it is computed on first use.
  let logModeProbability = Number.NaN;
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const distanceFromEdge = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / distanceFromEdge + b) * u + centre);
    if (k < 0 || k > n) continue;
    if (distanceFromEdge >= 0.07 && v <= acceptAtOnceBelow) return k;
    if (v === 0) continue;
    const hat = (v * alpha) / (a / (distanceFromEdge * distanceFromEdge) + b);
    if (Math.abs(k - mode) <= NEAR_MODE) {
      if (hat <= ratioToMode(k, mode, n, odds)) return k;
      continue;
    }
    if (Number.isNaN(logModeProbability)) logModeProbability = logBinomialPmf(mode, n, p, q);
    if (Math.log(hat) <= logBinomialPmf(k, n, p, q) - logModeProbability) return k;
  }
}
