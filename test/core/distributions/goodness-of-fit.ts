// Test helpers: goodness-of-fit of draws to an exact distribution, and moment checks with
// tolerances from Monte Carlo error. Used by the sampler tests in this folder.
import { chiSquareSurvival } from '../../../src/core/distributions/chi-square.js';

/** Significance level for every goodness-of-fit test here: a false alarm rate of 1 in 1000. */
export const ALPHA = 1e-3;

export interface FitResult {
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
}

/**
 * Pearson's chi-square test of integer draws against a pmf. Bins: (−∞, first] with mass
 * cdf(first), then single values merged until each bin expects ≥ 5 draws, and the rest of the
 * upper tail (1 − cdf(last)) joined to the last bin. Pick first/last well inside the support's
 * bulk (e.g. mean ± 8 SD, clipped to the support).
 */
export function discreteFit(
  draws: ArrayLike<number>,
  pmf: (k: number) => number,
  cdf: (k: number) => number,
  first: number,
  last: number,
): FitResult {
  const n = draws.length;
  const uppers: number[] = [];
  const masses: number[] = [];
  let open = cdf(first);
  let upper = first;
  for (let k = first + 1; k <= last; k += 1) {
    if (open * n >= 5) {
      uppers.push(upper);
      masses.push(open);
      open = 0;
    }
    open += pmf(k);
    upper = k;
  }
  open += 1 - cdf(last);
  if (open * n >= 5 || masses.length === 0) {
    uppers.push(Infinity);
    masses.push(open);
  } else {
    uppers[uppers.length - 1] = Infinity;
    masses[masses.length - 1] += open;
  }
  const observed = new Array<number>(masses.length).fill(0);
  for (let i = 0; i < n; i += 1) {
    const x = draws[i];
    let bin = 0;
    while (x > uppers[bin]) bin += 1;
    observed[bin] += 1;
  }
  let statistic = 0;
  for (let b = 0; b < masses.length; b += 1) {
    const expected = masses[b] * n;
    statistic += ((observed[b] - expected) * (observed[b] - expected)) / expected;
  }
  const degreesOfFreedom = masses.length - 1;
  return { statistic, degreesOfFreedom, pValue: chiSquareSurvival(statistic, degreesOfFreedom) };
}

/** Pearson's chi-square test of category counts against expected probabilities (all > 0). */
export function categoryFit(observed: readonly number[], probabilities: readonly number[]): FitResult {
  const n = observed.reduce((a, b) => a + b, 0);
  let statistic = 0;
  for (let i = 0; i < observed.length; i += 1) {
    const expected = probabilities[i] * n;
    statistic += ((observed[i] - expected) * (observed[i] - expected)) / expected;
  }
  const degreesOfFreedom = observed.length - 1;
  return { statistic, degreesOfFreedom, pValue: chiSquareSurvival(statistic, degreesOfFreedom) };
}

/**
 * One-sample Kolmogorov–Smirnov test against a continuous cdf, with Stephens' small-sample
 * correction of the asymptotic Kolmogorov distribution (Stephens 1970; Numerical Recipes §14.3).
 */
export function kolmogorovSmirnov(sample: readonly number[], cdf: (x: number) => number): FitResult {
  const sorted = [...sample].sort((a, b) => a - b);
  const n = sorted.length;
  let statistic = 0;
  for (let i = 0; i < n; i += 1) {
    const f = cdf(sorted[i]);
    statistic = Math.max(statistic, (i + 1) / n - f, f - i / n);
  }
  const root = Math.sqrt(n);
  const lambda = (root + 0.12 + 0.11 / root) * statistic;
  let pValue = 0;
  for (let k = 1; k <= 100; k += 1) pValue += 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
  return { statistic, degreesOfFreedom: n, pValue: Math.min(1, Math.max(0, pValue)) };
}

export interface Moments {
  readonly mean: number;
  readonly variance: number;
  /** Monte Carlo SE of the sample mean, √(s²/n). */
  readonly meanStandardError: number;
  /**
   * Monte Carlo SE of the sample variance, √((m₄ − s⁴·(n−3)/(n−1))/n), from the sample's fourth
   * central moment (the exact variance of s², so it stays positive for two-point distributions).
   */
  readonly varianceStandardError: number;
}

/** Sample mean and variance with their Monte Carlo standard errors. */
export function sampleMoments(values: ArrayLike<number>): Moments {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += values[i];
  const mean = sum / n;
  let second = 0;
  let fourth = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (values[i] - mean) * (values[i] - mean);
    second += d;
    fourth += d * d;
  }
  const variance = second / (n - 1);
  const m4 = fourth / n;
  return {
    mean,
    variance,
    meanStandardError: Math.sqrt(variance / n),
    varianceStandardError: Math.sqrt(Math.max(m4 - (variance * variance * (n - 3)) / (n - 1), 0) / n),
  };
}

/** Draws `count` values into a Float64Array. */
export function drawMany(count: number, draw: () => number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 1) out[i] = draw();
  return out;
}
