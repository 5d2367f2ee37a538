/**
 * People grouped into cells that share one fitted mean (an arm, or an arm × prior-count cell),
 * each with its size, total, total of squares and fitted mean μ.
 */
export interface MeanCells {
  readonly count: number;
  readonly n: Float64Array;
  readonly sum: Float64Array;
  readonly sumSquares: Float64Array;
  readonly mean: Float64Array;
}

/** Beyond this size (k below 1e-10) the fit is taken to be at its Poisson limit. */
const LARGEST_SIZE = 1e10;
const MOST_STEPS = 200;

/**
 * Maximum-likelihood size θ = 1/k of a negative binomial (NB2: Var = μ + kμ²) given every
 * person's fitted mean, the 1-D step of `MASS::glm.nb` (its `theta.ml`). The score in θ is
 * Σ_j G_j/(θ + j) − Σ_cells [n·log(1 + μ/θ) + (S − nμ)/(θ + μ)], where G_j is the number of
 * people with a count above j — so the digamma differences of the likelihood become a sum over
 * the counts-of-counts, with no special functions. The root is bracketed and then found by
 * Newton steps on log θ, falling back to bisection whenever a step leaves the bracket.
 *
 * Returns Infinity (k = 0, the Poisson limit) when the counts are not overdispersed about their
 * fitted means — Σ(y − μ)² ≤ Σ y, where the likelihood increases all the way to the Poisson —
 * or the root lies beyond θ = 1e10; NaN when the search does not converge.
 *
 * Reference: Lawless (1987) Can. J. Stat. 15:209–225; Venables & Ripley (2002) MASS §7.4.
 *
 * @example counts-of-counts treated [2, 1, 1] (people with 0, 1, 2) and control [3, 1, 1, 0, 0, 1]
 *   (people with 0 … 5), cell means 0.75 and 1.3333 → θ = 0.95659 (k = 1.0454), as R's
 *   MASS::glm.nb(y ~ arm) on y = 0,0,1,2 | 0,1,5,0,2,0
 */
export function estimateNegativeBinomialSize(
  histogram1: Float64Array,
  histogram0: Float64Array,
  cells: MeanCells,
): number {
  let excess = 0;
  let squaredMeans = 0;
  for (let c = 0; c < cells.count; c++) {
    const mean = cells.mean[c];
    excess += cells.sumSquares[c] - 2 * mean * cells.sum[c] + cells.n[c] * mean * mean - cells.sum[c];
    squaredMeans += cells.n[c] * mean * mean;
  }
  if (!(excess > 0)) return Infinity;
  // Method-of-moments start: E[(y − μ)² − y] = kμ².
  let lower = squaredMeans / excess;
  let upper = lower;
  if (sizeScore(lower, histogram1, histogram0, cells) > 0) {
    do {
      lower = upper;
      upper *= 4;
      if (upper > LARGEST_SIZE) return Infinity;
    } while (sizeScore(upper, histogram1, histogram0, cells) > 0);
  } else {
    let steps = 0;
    do {
      upper = lower;
      lower /= 4;
      if (++steps > MOST_STEPS) return NaN;
    } while (sizeScore(lower, histogram1, histogram0, cells) <= 0);
  }
  let logLower = Math.log(lower);
  let logUpper = Math.log(upper);
  let logSize = 0.5 * (logLower + logUpper);
  for (let step = 0; step < MOST_STEPS; step++) {
    const size = Math.exp(logSize);
    const value = sizeScore(size, histogram1, histogram0, cells);
    if (value > 0) logLower = logSize;
    else logUpper = logSize;
    const slope = size * sizeScoreSlope(size, histogram1, histogram0, cells);
    let next = logSize - value / slope;
    if (!(slope < 0 && next > logLower && next < logUpper)) next = 0.5 * (logLower + logUpper);
    if (Math.abs(next - logSize) < 1e-12 * Math.max(1, Math.abs(logSize)) || logUpper - logLower < 1e-13) {
      return Math.exp(next);
    }
    logSize = next;
  }
  return NaN;
}

/**
 * d log L / dθ of the NB2 log-likelihood at fixed cell means: the score whose root is the size
 * estimate. Positive below the maximum-likelihood size, negative above it.
 *
 * @example the data of {@link estimateNegativeBinomialSize}'s example: positive at θ = 0.5,
 *   negative at θ = 2
 */
export function sizeScore(size: number, histogram1: Float64Array, histogram0: Float64Array, cells: MeanCells): number {
  let total = 0;
  let above = 0;
  for (let v = Math.max(histogram1.length, histogram0.length) - 1; v >= 1; v--) {
    above += (v < histogram1.length ? histogram1[v] : 0) + (v < histogram0.length ? histogram0[v] : 0);
    total += above / (size + v - 1);
  }
  for (let c = 0; c < cells.count; c++) {
    const mean = cells.mean[c];
    total -= cells.n[c] * Math.log1p(mean / size) + (cells.sum[c] - cells.n[c] * mean) / (size + mean);
  }
  return total;
}

/**
 * d² log L / dθ² at fixed means: the slope of {@link sizeScore}. Also a good approximation to the
 * slope of the profile score when the means are refitted, since b and θ are orthogonal.
 *
 * @example negative wherever the likelihood is concave in θ, e.g. at its maximum
 */
export function sizeScoreSlope(
  size: number,
  histogram1: Float64Array,
  histogram0: Float64Array,
  cells: MeanCells,
): number {
  let total = 0;
  let above = 0;
  for (let v = Math.max(histogram1.length, histogram0.length) - 1; v >= 1; v--) {
    above += (v < histogram1.length ? histogram1[v] : 0) + (v < histogram0.length ? histogram0[v] : 0);
    total -= above / ((size + v - 1) * (size + v - 1));
  }
  for (let c = 0; c < cells.count; c++) {
    const mean = cells.mean[c];
    const shifted = size + mean;
    total += (cells.n[c] * mean) / (size * shifted) + (cells.sum[c] - cells.n[c] * mean) / (shifted * shifted);
  }
  return total;
}
