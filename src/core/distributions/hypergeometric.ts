import type { Rng } from '../rng/rng.js';
import { logBinomialPmf } from './binomial-probability.js';
import { hypergeometricPmf } from './hypergeometric-probability.js';

const REJECTION_FROM = 10;
// Stadlober's ratio-of-uniforms constants: 2√(2/e) and 3 − 2√(3/e).
const D1 = 2 * Math.sqrt(2 / Math.E);
const D2 = 3 - 2 * Math.sqrt(3 / Math.E);

/**
 * Draws a hypergeometric count: the number of successes among `draws` items taken without
 * replacement from `successes` + `failures` items. Exact for populations up to 2^53.
 *
 * Formula: by symmetry draw from the smaller of the two groups (N₁ ≤ N₂) with the smaller of
 * `draws` and its complement (m ≤ N/2), then map back. If the mean m·N₁/N < 10, inversion from
 * f(0) with f(k+1) = f(k)·(N₁−k)(m−k)/((k+1)(N₂−m+k+1)); otherwise Stadlober's ratio of uniforms
 * (HRUA): X = a + h·(V − ½)/U with a = mean + ½, h = 2√(2/e)·√(var + ½) + 3 − 2√(3/e), accepted when
 * 2·log U ≤ log f(⌊X⌋) − log f(mode) (with two cheap squeezes), the ratio taken as a short product
 * near the mode and from Loader's accurate log-probabilities further out.
 *
 * Reference: E. Stadlober, "The ratio of uniforms approach for generating discrete random
 * variates", Journal of Computational and Applied Mathematics 31 (1990) 181–189; the same
 * algorithm as NumPy's `hypergeometric`.
 *
 * @example
 * drawHypergeometric(rng, 5, 0, 3) // 3 (every item is a success)
 */
export function drawHypergeometric(rng: Rng, successes: number, failures: number, draws: number): number {
  const population = successes + failures;
  if (
    !Number.isSafeInteger(successes) ||
    successes < 0 ||
    !Number.isSafeInteger(failures) ||
    failures < 0 ||
    !Number.isSafeInteger(draws) ||
    draws < 0 ||
    draws > population
  ) {
    throw new RangeError(
      `hypergeometric needs whole successes, failures ≥ 0 and 0 ≤ draws ≤ their sum (got ${successes}, ${failures}, ${draws})`,
    );
  }
  const sample = Math.min(draws, population - draws);
  const smaller = Math.min(successes, failures);
  const larger = population - smaller;
  let count = 0;
  if (sample > 0 && smaller > 0) {
    count =
      (sample * smaller) / population < REJECTION_FROM
        ? drawByInversion(rng, smaller, larger, sample)
        : drawByRatioOfUniforms(rng, smaller, larger, sample);
  }
  if (successes > failures) count = sample - count;
  if (sample < draws) count = successes - count;
  return count;
}

// Marked items drawn when `sample` ≤ N/2 items are taken and `marked` ≤ `unmarked`, so 0 is in the
// support and the walk starts there.
function drawByInversion(rng: Rng, marked: number, unmarked: number, sample: number): number {
  const probabilityOfZero = hypergeometricPmf(0, marked, unmarked, sample);
  const top = Math.min(sample, marked);
  for (;;) {
    let u = rng.next();
    let k = 0;
    let probability = probabilityOfZero;
    while (u >= probability && k < top) {
      u -= probability;
      probability *= ((marked - k) * (sample - k)) / ((k + 1) * (unmarked - sample + k + 1));
      k += 1;
    }
    if (u < probability) return k;
  }
}

// Within this distance of the mode, f(k)/f(mode) is a short product of the ratios
// f(j+1)/f(j) = (N₁−j)(m−j)/((j+1)(N₂−m+j+1)), cheaper than the saddle-point form and as accurate.
const NEAR_MODE = 15;

function ratioToMode(k: number, mode: number, marked: number, sample: number, excess: number): number {
  let ratio = 1;
  for (let j = mode; j < k; j += 1) ratio *= ((marked - j) * (sample - j)) / ((j + 1) * (excess + j + 1));
  for (let j = k; j < mode; j += 1) ratio *= ((j + 1) * (excess + j + 1)) / ((marked - j) * (sample - j));
  return ratio;
}

function drawByRatioOfUniforms(rng: Rng, marked: number, unmarked: number, sample: number): number {
  const population = marked + unmarked;
  const share = sample / population;
  const unshared = (population - sample) / population;
  // log f(k) up to a constant that cancels in the ratio to the mode.
  const logWeight = (k: number): number =>
    logBinomialPmf(k, marked, share, unshared) + logBinomialPmf(sample - k, unmarked, share, unshared);
  const p = marked / population;
  const centre = sample * p + 0.5;
  const variance = ((population - sample) * sample * p * (1 - p)) / (population - 1);
  const width = D1 * Math.sqrt(variance + 0.5) + D2;
  const mode = Math.floor(((sample + 1) * (marked + 1)) / (population + 2));
  let logModeWeight = Number.NaN;
  const end = Math.min(sample, marked) + 1;
  const excess = unmarked - sample;
  for (;;) {
    const u = rng.next();
    const v = rng.next();
    if (u === 0) continue;
    const x = centre + (width * (v - 0.5)) / u;
    if (x < 0 || x >= end) continue;
    const k = Math.floor(x);
    let logRatio: number;
    if (Math.abs(k - mode) <= NEAR_MODE) {
      logRatio = Math.log(ratioToMode(k, mode, marked, sample, excess));
    } else {
      if (Number.isNaN(logModeWeight)) logModeWeight = logWeight(mode);
      logRatio = logWeight(k) - logModeWeight;
    }
    if (u * (4 - u) - 3 <= logRatio) return k;
    if (u * (u - logRatio) >= 1) continue;
    if (2 * Math.log(u) <= logRatio) return k;
  }
}
