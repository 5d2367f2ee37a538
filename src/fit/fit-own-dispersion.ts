import { chiSquareSurvival } from '../core/distributions/chi-square.js';
import { invertPositiveDefinite } from './cholesky.js';
import type { CountPatterns } from './count-patterns.js';
import { maximiseNewton, type SecondOrder } from './maximise-newton.js';
import {
  ownDispersionLogLikelihood,
  parameterCount,
  rateIndex,
  sharedIndex,
  type OwnDispersionLayout,
} from './own-dispersion-likelihood.js';

/** A maximum-likelihood fit of the shared propensity with own noise on some outcomes. */
export interface OwnDispersionFit {
  readonly layout: OwnDispersionLayout;
  /** Parameters in the layout's order, but with the dispersions themselves (α, α_d), not their logs. */
  readonly parameters: Float64Array;
  /** Inverse observed information (row-major) in those parameters, or null when it is not positive definite. */
  readonly covariance: Float64Array | null;
  /** Log-likelihood at the maximum (without block 0's multinomial split). */
  readonly logLikelihood: number;
  readonly converged: boolean;
  /** True when a dispersion ended at the Poisson boundary (below 1e-4), where the likelihood falls inwards. */
  readonly atBoundary: boolean;
}

/**
 * A dispersion this small is at the Poisson boundary: a variance of 1e-4 is no noise worth
 * modelling, and below it the derivatives in α lose their digits (1/α enters sums that cancel).
 */
const BOUNDARY = 1e-4;

/** Starting values: per group, the summed rate of block 0 and each own outcome's rate; α; each α_d. */
export interface OwnDispersionStart {
  readonly baseRates: Float64Array;
  /** ownRates[d][g]. */
  readonly ownRates: readonly Float64Array[];
  readonly dispersion: number;
  readonly ownDispersions: readonly number[];
}

// A start at the Poisson boundary is moved just inside it.
const SMALLEST_START = 1e-2;

/**
 * Fits the model of `ownDispersionLogLikelihood` by Newton's method from `start`, and returns
 * its parameters with their covariance (the inverse of minus the Hessian at the maximum).
 *
 * Formula in words: maximum likelihood in (log rates, α, α_d); rates on the log scale stay
 * positive, while the dispersions are taken as they are (a step that would make one negative is
 * halved), so a maximum close to the Poisson boundary is reached in a few quadratic steps rather
 * than the many a log scale would need. The likelihood is computed with log α and log α_d
 * (own-dispersion-likelihood.ts) and its derivatives changed to α by the chain rule:
 * ∂/∂α = (∂/∂log α)/α and ∂²/∂α² = (∂²/∂(log α)² − ∂/∂log α)/α².
 * Reference: see own-dispersion-likelihood.ts.
 *
 * @example patterns of two outcomes whose own noise is large → α_d well above 0 and a log-likelihood above the shared-only fit's
 */
export function fitOwnDispersion(
  patterns: CountPatterns,
  layout: OwnDispersionLayout,
  start: OwnDispersionStart,
): OwnDispersionFit {
  const n = parameterCount(layout);
  const first = sharedIndex(layout);
  const x = new Float64Array(n);
  for (let g = 0; g < layout.groupCount; g++) {
    if (layout.hasBase) x[rateIndex(layout, g, 0)] = Math.log(start.baseRates[g]);
    for (let d = 0; d < layout.ownCount; d++) x[rateIndex(layout, g, 1 + d)] = Math.log(start.ownRates[d][g]);
  }
  x[first] = Math.max(start.dispersion, SMALLEST_START);
  for (let d = 0; d < layout.ownCount; d++) x[first + 1 + d] = Math.max(start.ownDispersions[d], SMALLEST_START);
  const evaluate = (parameters: Float64Array): SecondOrder => {
    for (let i = first; i < n; i++)
      if (!(parameters[i] > 0))
        return { value: -Infinity, gradient: new Float64Array(n), hessian: new Float64Array(n * n) };
    const logScale = Float64Array.from(parameters, (value, i) => (i >= first ? Math.log(value) : value));
    return toDispersionScale(ownDispersionLogLikelihood(patterns, layout, logScale), parameters, first);
  };
  // The quadrature is accurate to about 1e-10 per person, so the log-likelihood cannot be
  // maximised more finely than that times the people; 1e-6 is far below what a test needs.
  let people = 0;
  for (let p = 0; p < patterns.count; p++) people += patterns.weight[p];
  const atBoundary = (parameters: Float64Array) => parameters.subarray(first).some((value) => value < BOUNDARY);
  // At the boundary with the likelihood falling inwards, the boundary is the maximum.
  const boundaryMaximum = (parameters: Float64Array, point: SecondOrder) =>
    atBoundary(parameters) && parameters.every((value, i) => i < first || value >= BOUNDARY || point.gradient[i] <= 0);
  // A step that would cross the Poisson boundary stops just inside it.
  const project = (parameters: Float64Array) =>
    parameters.map((value, i) => (i >= first && value < BOUNDARY ? BOUNDARY / 2 : value));
  const maximum = maximiseNewton(evaluate, x, 1e-6 + 1e-10 * people, 100, boundaryMaximum, project);
  const information = Float64Array.from(maximum.hessian, (value) => -value);
  return {
    layout,
    parameters: maximum.at,
    covariance: invertPositiveDefinite(information, n),
    logLikelihood: maximum.value,
    converged: maximum.converged,
    atBoundary: atBoundary(maximum.at),
  };
}

// Derivatives in τ = log α (for every parameter from `first` on) turned into derivatives in α.
function toDispersionScale(point: SecondOrder, parameters: Float64Array, first: number): SecondOrder {
  const n = parameters.length;
  const gradient = Float64Array.from(point.gradient);
  const hessian = Float64Array.from(point.hessian);
  for (let i = first; i < n; i++) {
    const alpha = parameters[i];
    for (let j = 0; j < n; j++) {
      hessian[i * n + j] /= alpha;
      hessian[j * n + i] /= alpha;
    }
    hessian[i * n + i] -= point.gradient[i] / (alpha * alpha);
    gradient[i] /= alpha;
  }
  return { value: point.value, gradient, hessian };
}

/**
 * The p-value of a likelihood-ratio test of one variance parameter at its boundary (α_d = 0
 * against α_d > 0): under the null the statistic is a 50:50 mixture of χ²₀ (a point mass at 0)
 * and χ²₁, so p = ½·P(χ²₁ > LR) for LR > 0, and 1 at LR = 0.
 * Reference: S. G. Self & K.-Y. Liang, JASA 82 (1987) 605–610, case 5.
 *
 * @example boundaryLikelihoodRatioP(2.705543454095404) // ≈ 0.05 (R: qchisq(0.9, 1) = 2.705543)
 */
export function boundaryLikelihoodRatioP(statistic: number): number {
  return statistic > 0 ? 0.5 * chiSquareSurvival(statistic, 1) : 1;
}
