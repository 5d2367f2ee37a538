import { failedResult, type AnalysisResult } from './analysis-result.js';
import type { AnalysisPlan } from '../design.js';
import { normalCriticalValue } from './critical-value.js';
import { logRatioResult } from './log-ratio-result.js';
import { testNegativeBinomial } from './negative-binomial.js';
import { estimateNegativeBinomialSize, type MeanCells } from './negative-binomial-dispersion.js';
import type { ArmSummaries, OutcomeData } from './outcome-data.js';
import { normalPValue } from './p-value.js';

const MOST_ROUNDS = 100;
const MOST_SCORING_STEPS = 100;
const TOLERANCE = 1e-10;
/** Prior counts up to this value are grouped by value; beyond it every person is a cell. */
const LARGEST_GROUPED_PRIOR = 10_000;

/** Cells of people sharing arm and prior count, so one fitted mean: the model's design matrix. */
interface CovariateCells extends MeanCells {
  readonly arm: Float64Array;
  readonly covariate: Float64Array;
}

/**
 * Negative-binomial (NB2) regression adjusted for the prior-window count, as
 * `MASS::glm.nb(y ~ arm + log(prior + 1))`: log μ = b0 + b1·treated + b2·log(prior + 1).
 * Fitted as glm.nb does, alternating Fisher scoring (IRLS, weights μ/(1 + μ/θ)) for b at fixed
 * size θ = 1/k with the 1-D maximum-likelihood step for θ at fixed means, from a Poisson start,
 * until both settle. People with the same arm and prior count share a mean, so every step works
 * on those cells' sizes and totals, not on people. The log rate ratio is b1, its SE the square
 * root of the [b1, b1] element of the inverse Fisher information (XᵀWX)⁻¹ at the estimate, with
 * a Wald z and normal interval. When everyone has the same prior count the covariate is
 * dropped (as R aliases it). Fails when an arm total is 0, the counts are not whole numbers,
 * the prior count cannot be told apart from the arm, or the fit does not converge (the message
 * says which step).
 *
 * Reference: Venables & Ripley (2002) MASS §7.4; Lawless (1987) Can. J. Stat. 15:209–225.
 *
 * @example see the test file for fits checked against R's glm.nb.
 */
export function testNegativeBinomialWithPrior(
  data: OutcomeData,
  prior: Float64Array,
  summaries: ArmSummaries,
  plan: AnalysisPlan,
): AnalysisResult {
  const { treated, control } = summaries;
  if (treated.histogram === null || control.histogram === null) {
    return failedResult('negative-binomial needs whole-number counts');
  }
  if (treated.n === 0 || control.n === 0) return failedResult('an arm is empty');
  if (treated.sum === 0 || control.sum === 0) return failedResult('an arm has no events');
  const cells = groupIntoCells(data, prior);
  if (cells === null) return testNegativeBinomial(summaries, plan);
  const coefficients = Float64Array.of(Math.log((treated.sum + control.sum) / (treated.n + control.n)), 0, 0);
  const information = new Float64Array(9);
  if (!scoreCoefficients(cells, Infinity, coefficients, information)) {
    return failedResult('negative-binomial: Poisson start did not converge');
  }
  let size = Infinity;
  for (let round = 0; round < MOST_ROUNDS; round++) {
    const nextSize = estimateNegativeBinomialSize(treated.histogram, control.histogram, cells);
    if (Number.isNaN(nextSize)) return failedResult('negative-binomial: dispersion search did not converge');
    const b0 = coefficients[0], b1 = coefficients[1], b2 = coefficients[2];
    if (!scoreCoefficients(cells, nextSize, coefficients, information)) {
      return failedResult('negative-binomial: coefficients did not converge');
    }
    const sizeSettled = nextSize === size || Math.abs(Math.log(nextSize / size)) < TOLERANCE;
    size = nextSize;
    const change = Math.max(Math.abs(coefficients[0] - b0), Math.abs(coefficients[1] - b1), Math.abs(coefficients[2] - b2));
    if (sizeSettled && change < TOLERANCE) {
      const variance = inverseDiagonal(information, 1);
      if (!(variance > 0) || !Number.isFinite(variance)) return failedResult('negative-binomial: prior count collinear with arm');
      const logEstimate = coefficients[1];
      const standardError = Math.sqrt(variance);
      const pValue = normalPValue(logEstimate / standardError, plan.sides);
      return logRatioResult(logEstimate, standardError, normalCriticalValue(plan.alpha), pValue);
    }
  }
  return failedResult('negative-binomial: dispersion and coefficients did not settle together');
}

/** Cells by (arm, prior count); null when the prior count is the same for everyone. */
function groupIntoCells(data: OutcomeData, prior: Float64Array): CovariateCells | null {
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
    arm[slot] = treated[i];
    covariate[slot] = Math.log(prior[i] + 1);
  }
  // Compact the occupied slots to the front.
  let count = 0;
  for (let slot = 0; slot < slots; slot++) {
    if (n[slot] === 0) continue;
    n[count] = n[slot];
    sum[count] = sum[slot];
    sumSquares[count] = sumSquares[slot];
    arm[count] = arm[slot];
    covariate[count] = covariate[slot];
    count++;
  }
  return { count, n, sum, sumSquares, mean: new Float64Array(count), arm, covariate };
}

/**
 * Fisher scoring for b at fixed size, updating `coefficients`, the cells' means and
 * `information` (XᵀWX, row-major 3×3) in place. False when it does not converge.
 */
function scoreCoefficients(cells: CovariateCells, size: number, coefficients: Float64Array, information: Float64Array): boolean {
  const rhs = new Float64Array(3);
  for (let step = 0; step < MOST_SCORING_STEPS; step++) {
    information.fill(0);
    rhs.fill(0);
    for (let c = 0; c < cells.count; c++) {
      const x1 = cells.arm[c], x2 = cells.covariate[c];
      const linear = coefficients[0] + coefficients[1] * x1 + coefficients[2] * x2;
      const mean = Math.exp(linear);
      cells.mean[c] = mean;
      const weight = (cells.n[c] * mean) / (1 + mean / size);
      // Σ over the cell's people of w·z, z = η + (y − μ)/μ the working response.
      const working = weight * linear + (weight * (cells.sum[c] / cells.n[c] - mean)) / mean;
      information[0] += weight; information[1] += weight * x1; information[2] += weight * x2;
      information[4] += weight * x1 * x1; information[5] += weight * x1 * x2; information[8] += weight * x2 * x2;
      rhs[0] += working; rhs[1] += working * x1; rhs[2] += working * x2;
    }
    information[3] = information[1]; information[6] = information[2]; information[7] = information[5];
    const next0 = solveRow(information, rhs, 0), next1 = solveRow(information, rhs, 1), next2 = solveRow(information, rhs, 2);
    if (!Number.isFinite(next0) || !Number.isFinite(next1) || !Number.isFinite(next2)) return false;
    const change = Math.max(Math.abs(next0 - coefficients[0]), Math.abs(next1 - coefficients[1]), Math.abs(next2 - coefficients[2]));
    coefficients[0] = next0; coefficients[1] = next1; coefficients[2] = next2;
    if (change < TOLERANCE) {
      for (let c = 0; c < cells.count; c++) {
        cells.mean[c] = Math.exp(coefficients[0] + coefficients[1] * cells.arm[c] + coefficients[2] * cells.covariate[c]);
      }
      return true;
    }
  }
  return false;
}

/** Row `row` of M⁻¹·r for a symmetric 3×3 M, by cofactors. */
function solveRow(m: Float64Array, r: Float64Array, row: number): number {
  let total = 0;
  for (let column = 0; column < 3; column++) total += inverseElement(m, row, column) * r[column];
  return total;
}

/** Element [i][i] of M⁻¹. */
function inverseDiagonal(m: Float64Array, i: number): number {
  return inverseElement(m, i, i);
}

function inverseElement(m: Float64Array, row: number, column: number): number {
  const determinant =
    m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  // Cofactor of M[column][row] (the adjugate is the transposed cofactor matrix).
  const r1 = (column + 1) % 3, r2 = (column + 2) % 3, c1 = (row + 1) % 3, c2 = (row + 2) % 3;
  const cofactor = m[r1 * 3 + c1] * m[r2 * 3 + c2] - m[r1 * 3 + c2] * m[r2 * 3 + c1];
  return cofactor / determinant;
}
