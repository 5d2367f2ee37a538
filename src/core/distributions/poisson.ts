import type { Rng } from '../rng/rng.js';
import { logPoissonPmf } from './poisson-probability.js';

// Below this mean, inversion is cheaper than rejection (it needs about mean + 1 steps).
const REJECTION_FROM = 10;

/**
 * Draws a Poisson count with the given mean (mean 0 gives 0), exactly for every mean.
 *
 * Formula: for mean < 10, inversion by sequential search: with U uniform, return the first k with
 * U < P(X ≤ k), walking f(k+1) = f(k)·μ/(k+1) from f(0) = e^−μ. For mean ≥ 10, Hörmann's
 * transformed rejection with squeeze (PTRS): k = ⌊(2a/(½−|u|) + b)·u + μ + 0.43⌋ from u uniform on
 * (−½, ½), accepted at once in the central region and otherwise by comparing against the exact
 * log-probability (computed in Loader's saddle-point form, so huge means stay exact).
 *
 * Reference: W. Hörmann, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12 (1993) 39–45; L. Devroye (1986) §X.3.
 *
 * @example
 * drawPoisson({ next: () => 0.2 }, 1.2) // 0, since P(X = 0) = e^−1.2 = 0.301 > 0.2
 */
export function drawPoisson(rng: Rng, mean: number): number {
  if (mean < REJECTION_FROM) {
    if (mean > 0) return drawPoissonByInversion(rng, mean);
    if (mean === 0) return 0;
  } else if (mean < Infinity) {
    return drawPoissonByRejection(rng, mean);
  }
  throw new RangeError(`Poisson needs a finite mean ≥ 0 (got ${mean})`);
}

function drawPoissonByInversion(rng: Rng, mean: number): number {
  const probabilityOfZero = Math.exp(-mean);
  for (;;) {
    let u = rng.next();
    let k = 0;
    let probability = probabilityOfZero;
    while (u >= probability && probability > 0) {
      u -= probability;
      k += 1;
      probability *= mean / k;
    }
    // Rounding can leave u above the whole (computed) mass; then the probabilities underflow to 0
    // and we draw again rather than return an arbitrary tail value.
    if (u < probability) return k;
  }
}

function drawPoissonByRejection(rng: Rng, mean: number): number {
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const acceptAtOnceBelow = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const distanceFromEdge = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / distanceFromEdge + b) * u + mean + 0.43);
    if (distanceFromEdge >= 0.07 && v <= acceptAtOnceBelow) return k;
    // v = 0 would accept any k, however far out; it has probability 0 in the continuous method.
    if (k < 0 || v === 0 || (distanceFromEdge < 0.013 && v > distanceFromEdge)) continue;
    const logHat = Math.log((v * inverseAlpha) / (a / (distanceFromEdge * distanceFromEdge) + b));
    if (logHat <= logPoissonPmf(k, mean)) return k;
  }
}
