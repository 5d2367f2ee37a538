/**
 * A binomial regression with probit link on one covariate, fitted by maximum likelihood:
 * successes_i ~ Binomial(trials_i, Φ(a + b·x_i)). Used to smooth simulated power against a
 * transformed design parameter (e.g. √n, where z-test power is exactly probit-linear).
 */
import { normalCdf, normalQuantile } from '../core/distributions/normal.js';

/** One simulated point: successes out of trials at covariate x. */
export interface BinomialPoint {
  readonly x: number;
  readonly successes: number;
  readonly trials: number;
}

/** The fitted line on the probit scale and the covariance of its two coefficients. */
export interface ProbitFit {
  readonly intercept: number;
  readonly slope: number;
  /** Covariance matrix [[var a, cov], [cov, var b]] from the inverse Fisher information. */
  readonly covariance: readonly [readonly [number, number], readonly [number, number]];
}

const EPSILON = 1e-9;

function normalDensity(x: number): number {
  return Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
}

/**
 * Maximum-likelihood probit fit by iteratively reweighted least squares, or null when it does
 * not exist (fewer than two distinct x, all successes or all failures, or no convergence).
 *
 * Each step regresses the working response η + (y − μ)/φ(η) on x with weights n·φ(η)²/(μ(1 − μ)),
 * where μ = Φ(η) and y the observed proportion; the covariance is the inverse of the final
 * weighted cross-product matrix. Reference: McCullagh & Nelder (1989), Generalized Linear Models,
 * §4.4.
 *
 * Example: points x = 0, 1, 2 with 10/100, 50/100, 90/100 successes → intercept −1.28, slope 1.28
 * (R: `glm(cbind(s, n - s) ~ x, binomial(link = "probit"))`).
 */
export function fitProbit(points: readonly BinomialPoint[]): ProbitFit | null {
  const used = points.filter((point) => point.trials > 0);
  const distinctX = new Set(used.map((point) => point.x));
  const totalSuccesses = used.reduce((sum, point) => sum + point.successes, 0);
  const totalTrials = used.reduce((sum, point) => sum + point.trials, 0);
  if (distinctX.size < 2 || totalSuccesses === 0 || totalSuccesses === totalTrials) return null;
  // Start from a weighted straight line through the empirical probits (shrunk off 0 and 1).
  let intercept = 0;
  let slope = 0;
  {
    const start = weightedLine(
      used.map((point) => ({
        x: point.x,
        y: normalQuantile((point.successes + 0.5) / (point.trials + 1)),
        weight: point.trials,
      })),
    );
    if (!start) return null;
    ({ intercept, slope } = start);
  }
  for (let iteration = 0; iteration < 100; iteration++) {
    const rows = used.map((point) => {
      const eta = intercept + slope * point.x;
      const mean = Math.min(1 - EPSILON, Math.max(EPSILON, normalCdf(eta)));
      const density = Math.max(normalDensity(eta), EPSILON);
      const observed = point.successes / point.trials;
      return {
        x: point.x,
        y: eta + (observed - mean) / density,
        weight: (point.trials * density * density) / (mean * (1 - mean)),
      };
    });
    const next = weightedLine(rows);
    if (!next) return null;
    const change = Math.abs(next.intercept - intercept) + Math.abs(next.slope - slope);
    intercept = next.intercept;
    slope = next.slope;
    if (!Number.isFinite(intercept) || !Number.isFinite(slope) || Math.abs(slope) > 1e6) return null;
    if (change < 1e-10 * (1 + Math.abs(intercept) + Math.abs(slope))) {
      return { intercept, slope, covariance: informationInverse(used, intercept, slope) };
    }
  }
  return null;
}

/**
 * Pearson's dispersion of binomial points around a fit: X²/(m − 2), where X² = Σ (s − nμ)²/(nμ(1 − μ))
 * over the m points, or 1 when m ≤ 2. Above 1, the points scatter more than binomial noise allows
 * (the probit line does not fit them all); quasi-likelihood scales the coefficient covariance by it.
 * Reference: McCullagh & Nelder (1989), §4.5.
 *
 * Example: points exactly on the fitted curve → 0 (so `max(1, …)` leaves the covariance as it is).
 */
export function pearsonDispersion(points: readonly BinomialPoint[], fit: ProbitFit): number {
  if (points.length <= 2) return 1;
  let statistic = 0;
  for (const point of points) {
    const mean = Math.min(1 - EPSILON, Math.max(EPSILON, normalCdf(fit.intercept + fit.slope * point.x)));
    const expected = point.trials * mean;
    statistic += (point.successes - expected) ** 2 / (expected * (1 - mean));
  }
  return statistic / (points.length - 2);
}

/** The fit with its coefficient covariance multiplied by `factor`. */
export function scaleCovariance(fit: ProbitFit, factor: number): ProbitFit {
  const [[a, c], [, b]] = fit.covariance;
  return {
    ...fit,
    covariance: [
      [a * factor, c * factor],
      [c * factor, b * factor],
    ],
  };
}

/** Probit-scale prediction a + b·x and its standard error from the coefficient covariance. */
export function predictProbit(fit: ProbitFit, x: number): { eta: number; standardError: number } {
  const [[varA, cov], [, varB]] = fit.covariance;
  const variance = varA + 2 * x * cov + x * x * varB;
  return { eta: fit.intercept + fit.slope * x, standardError: Math.sqrt(Math.max(0, variance)) };
}

function weightedLine(
  rows: readonly { x: number; y: number; weight: number }[],
): { intercept: number; slope: number } | null {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (const row of rows) {
    sw += row.weight;
    sx += row.weight * row.x;
    sy += row.weight * row.y;
  }
  if (!(sw > 0)) return null;
  const meanX = sx / sw;
  const meanY = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (const row of rows) {
    sxx += row.weight * (row.x - meanX) * (row.x - meanX);
    sxy += row.weight * (row.x - meanX) * (row.y - meanY);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

function informationInverse(
  points: readonly BinomialPoint[],
  intercept: number,
  slope: number,
): ProbitFit['covariance'] {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (const point of points) {
    const eta = intercept + slope * point.x;
    const mean = Math.min(1 - EPSILON, Math.max(EPSILON, normalCdf(eta)));
    const density = normalDensity(eta);
    const weight = (point.trials * density * density) / (mean * (1 - mean));
    s0 += weight;
    s1 += weight * point.x;
    s2 += weight * point.x * point.x;
  }
  const determinant = s0 * s2 - s1 * s1;
  return [
    [s2 / determinant, -s1 / determinant],
    [-s1 / determinant, s0 / determinant],
  ];
}
