import type { MeanCells } from './negative-binomial-dispersion.js';
import type { OutcomeData } from './outcome-data.js';

/** Prior counts up to this value are grouped by value; beyond it every person is a cell. */
const LARGEST_GROUPED_PRIOR = 10_000;
const MOST_STEPS = 100;
const MOST_HALVINGS = 40;

/**
 * People sharing arm and prior count, hence one fitted mean: the rows of the design matrix
 * (1, arm, log(prior + 1)) with their sizes and totals.
 */
export interface CovariateCells extends MeanCells {
  readonly arm: Float64Array;
  readonly covariate: Float64Array;
}

/**
 * Groups people by (arm, prior count) for the regression log μ = b0 + b1·arm + b2·log(prior + 1):
 * everyone in a cell has the same mean, so the likelihood needs only each cell's size, total and
 * total of squares. Whole prior counts up to 10 000 are grouped by value; otherwise each person
 * is a cell. Returns null when everyone has the same prior count (the covariate is then aliased
 * with the intercept).
 *
 * @example arms [1, 1, 0], priors [0, 0, 2], values [1, 3, 0] → 2 cells:
 *   (arm 0, log 3: n 1, sum 0) and (arm 1, log 1: n 2, sum 4, sumSquares 10)
 */
export function groupByArmAndPrior(data: OutcomeData, prior: Float64Array): CovariateCells | null {
  const { values, treated } = data;
  let largest = 0;
  let grouped = true;
  let distinct = false;
  for (let i = 0; i < prior.length; i++) {
    const p = prior[i];
    if (!Number.isInteger(p) || p < 0 || p > LARGEST_GROUPED_PRIOR) grouped = false;
    if (p > largest) largest = p;
    if (p !== prior[0]) distinct = true;
  }
  if (!distinct) return null;
  const slots = grouped ? 2 * (largest + 1) : values.length;
  const n = new Float64Array(slots);
  const sum = new Float64Array(slots);
  const sumSquares = new Float64Array(slots);
  const arm = new Float64Array(slots);
  const covariate = new Float64Array(slots);
  for (let i = 0; i < values.length; i++) {
    const slot = grouped ? treated[i] * (largest + 1) + prior[i] : i;
    n[slot]++;
    sum[slot] += values[i];
    sumSquares[slot] += values[i] * values[i];
  }
  // A grouped slot's arm and prior count are its coordinates: one logarithm per cell, not per person.
  let count = 0;
  for (let slot = 0; slot < slots; slot++) {
    if (n[slot] === 0) continue;
    n[count] = n[slot];
    sum[count] = sum[slot];
    sumSquares[count] = sumSquares[slot];
    arm[count] = grouped ? (slot > largest ? 1 : 0) : treated[slot];
    covariate[count] = Math.log((grouped ? slot % (largest + 1) : prior[slot]) + 1);
    count++;
  }
  return { count, n, sum, sumSquares, mean: new Float64Array(count), arm, covariate };
}

/**
 * Maximises the NB2 log-likelihood over b = (b0, b1, b2) at a fixed size θ (Infinity: Poisson),
 * updating `coefficients` in place and leaving each cell's fitted mean in `cells.mean`.
 * Newton–Raphson with the observed information Σ θμ(y + θ)/(θ + μ)² · xxᵀ (the likelihood is
 * concave in b, and unlike Fisher scoring, whose weights μ/(1 + μ/θ) give only linear
 * convergence off the canonical link, Newton converges quadratically), halving any step that
 * lowers the likelihood. Stops when b moves less than 1e-10 or the Newton decrement promises a
 * negligible gain (a coefficient heading to ±∞, e.g. no events at any prior count above 0,
 * stops there, as glm does). False when the fit breaks down (non-finite values). The inverse
 * observed information of the last step goes to `inverseInformation` when one is given.
 *
 * Reference: McCullagh & Nelder (1989) Generalized Linear Models §2.5; Hilbe (2011) Negative
 * Binomial Regression §8.
 *
 * @example see negative-binomial-with-prior.test.ts: the fits agree with MASS::glm.nb.
 */
export function fitCoefficients(
  cells: CovariateCells,
  size: number,
  coefficients: Float64Array,
  inverseInformation: Float64Array | null = null,
): boolean {
  const inverse = new Float64Array(9);
  let events = 0;
  for (let c = 0; c < cells.count; c++) events += cells.sum[c];
  // The log-likelihood is of the order of the number of events; gains below 1e-13 of it are noise.
  const negligible = 1e-13 * (1 + events);
  let current = NaN; // the log-likelihood at `coefficients`, computed only when a step needs checking
  // The score and information at the start; after that each accepted step's were computed with
  // its log-likelihood (one pass over the cells, one exponential per cell).
  const at = scoreAt(cells, size, coefficients[0], coefficients[1], coefficients[2], false);
  const { gradient, information } = at;
  for (let step = 0; step < MOST_STEPS; step++) {
    invert(information, inverse);
    const d0 = inverse[0] * gradient[0] + inverse[1] * gradient[1] + inverse[2] * gradient[2];
    const d1 = inverse[3] * gradient[0] + inverse[4] * gradient[1] + inverse[5] * gradient[2];
    const d2 = inverse[6] * gradient[0] + inverse[7] * gradient[1] + inverse[8] * gradient[2];
    if (!Number.isFinite(d0) || !Number.isFinite(d1) || !Number.isFinite(d2)) return false;
    // Newton decrement: twice the gain the step promises. Once it is negligible the step is
    // inside the quadratic region — take it unchecked and stop (also where a coefficient drifts
    // to ±∞ and each step gains less).
    const decrement = gradient[0] * d0 + gradient[1] * d1 + gradient[2] * d2;
    if (decrement < 2 * negligible) {
      coefficients[0] += d0;
      coefficients[1] += d1;
      coefficients[2] += d2;
      setMeans(cells, coefficients);
      inverseInformation?.set(inverse);
      return true;
    }
    if (Number.isNaN(current)) current = logLikelihood(cells, size, coefficients[0], coefficients[1], coefficients[2]);
    let scale = 1;
    let next = NaN;
    let halving = 0;
    for (; halving < MOST_HALVINGS; halving++, scale /= 2) {
      next = scoreAt(
        cells,
        size,
        coefficients[0] + scale * d0,
        coefficients[1] + scale * d1,
        coefficients[2] + scale * d2,
        true,
      ).logLikelihood;
      if (next >= current - negligible) break;
    }
    if (!Number.isFinite(next)) return false;
    coefficients[0] += scale * d0;
    coefficients[1] += scale * d1;
    coefficients[2] += scale * d2;
    current = next;
    // Every halving refused: the step taken is half the last one tried, so its score is computed afresh.
    if (halving === MOST_HALVINGS) scoreAt(cells, size, coefficients[0], coefficients[1], coefficients[2], false);
    if (scale * Math.max(Math.abs(d0), Math.abs(d1), Math.abs(d2)) < 1e-10) {
      inverseInformation?.set(inverse);
      return true;
    }
  }
  return false;
}

/** The score, observed information and (when asked) log-likelihood of one point, and its means in the cells. */
interface PointScore {
  readonly gradient: Float64Array;
  readonly information: Float64Array;
  logLikelihood: number;
}

// Scratch of `scoreAt`: one fit runs at a time in a thread, and each fit reads it before the next call.
const POINT: PointScore = { gradient: new Float64Array(3), information: new Float64Array(9), logLikelihood: NaN };

/**
 * At b = (b0, b1, b2): each cell's mean μ = exp(b0 + b1·arm + b2·covariate) into `cells.mean`,
 * the score Σ θ(S − nμ)/(θ + μ)·x, the observed information Σ θμ(S + nθ)/(θ + μ)²·xxᵀ (Poisson,
 * θ = ∞: Σ (S − nμ)·x and Σ nμ·xxᵀ) and, with `withLikelihood`, the b-dependent log-likelihood
 * of {@link logLikelihood} — the same numbers as computing each apart, from one exponential per cell.
 */
function scoreAt(
  cells: CovariateCells,
  size: number,
  b0: number,
  b1: number,
  b2: number,
  withLikelihood: boolean,
): PointScore {
  const { gradient, information } = POINT;
  gradient.fill(0);
  information.fill(0);
  const poisson = !Number.isFinite(size);
  let total = 0;
  for (let c = 0; c < cells.count; c++) {
    const x1 = cells.arm[c],
      x2 = cells.covariate[c];
    const linear = b0 + b1 * x1 + b2 * x2;
    const mean = Math.exp(linear);
    cells.mean[c] = mean;
    const n = cells.n[c],
      sum = cells.sum[c];
    const slope = poisson ? sum - n * mean : (size * (sum - n * mean)) / (size + mean);
    const weight = poisson ? n * mean : (size * mean * (sum + n * size)) / ((size + mean) * (size + mean));
    addOuterProduct(information, gradient, x1, x2, weight, slope);
    if (withLikelihood) total += sum * linear - (poisson ? n * mean : (sum + n * size) * Math.log1p(mean / size));
  }
  POINT.logLikelihood = withLikelihood ? total : NaN;
  return POINT;
}

/**
 * Variance of b1 at the current fit: element [1][1] of the inverse expected (Fisher)
 * information XᵀWX with W = nμ/(1 + μ/θ), the standard error glm.nb reports.
 *
 * @example for arm-only cells this is 1/S1 + 1/S0 + (1/n1 + 1/n0)/θ
 */
export function armCoefficientVariance(cells: CovariateCells, size: number): number {
  const information = new Float64Array(9);
  const unused = new Float64Array(3);
  for (let c = 0; c < cells.count; c++) {
    const mean = cells.mean[c];
    addOuterProduct(information, unused, cells.arm[c], cells.covariate[c], (cells.n[c] * mean) / (1 + mean / size), 0);
  }
  const inverse = new Float64Array(9);
  invert(information, inverse);
  return inverse[4];
}

/**
 * How much refitting b steepens the profile likelihood of θ: the profile's second derivative is
 * ∂²ℓ/∂θ² + vᵀ I⁻¹ v, with I the observed information for b and v = ∂²ℓ/∂b∂θ =
 * Σ x·(S − nμ)μ/(θ + μ)² over the cells at the current fit. This returns vᵀ I⁻¹ v (≥ 0), zero
 * in expectation (b and θ are orthogonal) but not in a small trial.
 *
 * Reference: Cox & Reid (1987) JRSS B 49:1–39; the profile-likelihood derivatives are the
 * implicit-function rule applied to the score for b.
 *
 * @example 0 when every cell's total equals its fitted total (S = nμ)
 */
export function profileSlopeCorrection(cells: CovariateCells, size: number, inverseInformation: Float64Array): number {
  let v0 = 0,
    v1 = 0,
    v2 = 0;
  for (let c = 0; c < cells.count; c++) {
    const mean = cells.mean[c];
    const shifted = size + mean;
    const term = ((cells.sum[c] - cells.n[c] * mean) * mean) / (shifted * shifted);
    v0 += term;
    v1 += term * cells.arm[c];
    v2 += term * cells.covariate[c];
  }
  const m = inverseInformation;
  return (
    v0 * (m[0] * v0 + m[1] * v1 + m[2] * v2) +
    v1 * (m[3] * v0 + m[4] * v1 + m[5] * v2) +
    v2 * (m[6] * v0 + m[7] * v1 + m[8] * v2)
  );
}

function setMeans(cells: CovariateCells, b: Float64Array): void {
  for (let c = 0; c < cells.count; c++)
    cells.mean[c] = Math.exp(b[0] + b[1] * cells.arm[c] + b[2] * cells.covariate[c]);
}

/** The b-dependent part of the NB2 log-likelihood: Σ S·η − (S + nθ)·log(1 + μ/θ) (Poisson: Σ S·η − nμ). */
function logLikelihood(cells: CovariateCells, size: number, b0: number, b1: number, b2: number): number {
  let total = 0;
  for (let c = 0; c < cells.count; c++) {
    const linear = b0 + b1 * cells.arm[c] + b2 * cells.covariate[c];
    const mean = Math.exp(linear);
    const n = cells.n[c],
      sum = cells.sum[c];
    total += sum * linear - (Number.isFinite(size) ? (sum + n * size) * Math.log1p(mean / size) : n * mean);
  }
  return total;
}

/** Adds weight·xxᵀ (x = (1, x1, x2)) to a symmetric 3×3 matrix and slope·x to a vector. */
function addOuterProduct(
  m: Float64Array,
  v: Float64Array,
  x1: number,
  x2: number,
  weight: number,
  slope: number,
): void {
  m[0] += weight;
  m[1] += weight * x1;
  m[2] += weight * x2;
  m[4] += weight * x1 * x1;
  m[5] += weight * x1 * x2;
  m[8] += weight * x2 * x2;
  m[3] = m[1];
  m[6] = m[2];
  m[7] = m[5];
  v[0] += slope;
  v[1] += slope * x1;
  v[2] += slope * x2;
}

/** M⁻¹ of a 3×3 M (row-major) into `out`, by cofactors (cyclic indices give signed cofactors). */
function invert(m: Float64Array, out: Float64Array): void {
  const determinant =
    m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  for (let row = 0; row < 3; row++) {
    for (let column = 0; column < 3; column++) {
      // M⁻¹[row][column] = cofactor of M[column][row] / det
      const r1 = (column + 1) % 3,
        r2 = (column + 2) % 3,
        c1 = (row + 1) % 3,
        c2 = (row + 2) % 3;
      out[row * 3 + column] = (m[r1 * 3 + c1] * m[r2 * 3 + c2] - m[r1 * 3 + c2] * m[r2 * 3 + c1]) / determinant;
    }
  }
}
