import { logGamma } from '../core/distributions/log-gamma.js';
import type { CountPatterns } from './count-patterns.js';
import { digamma, trigamma } from './digamma.js';
import { createLogScaleRule, integrateOnLogScale, type LogScaleIntegrand } from './log-scale-quadrature.js';
import type { SecondOrder } from './maximise-newton.js';

/** Nodes whose posterior probability is below e^-40 ≈ 4e-18 are left out of the expectations. */
const NEGLIGIBLE_LOG_PROBABILITY = -40;

/**
 * Which parameters a model with own dispersion has, and where each sits in the parameter vector:
 * per group, log Λ_g0 (the summed rate of the outcomes without own noise, if there are any) then
 * log λ_gd for each outcome d with own noise; then log α (shared); then log α_d for each d.
 */
export interface OwnDispersionLayout {
  readonly groupCount: number;
  /** Outcomes with own noise (blocks 1 … ownCount of the patterns). */
  readonly ownCount: number;
  /** True when some outcome has no own noise (pattern block 0 is in use). */
  readonly hasBase: boolean;
}

/** Number of parameters of a layout. */
export function parameterCount(layout: OwnDispersionLayout): number {
  return layout.groupCount * ratesPerGroup(layout) + 1 + layout.ownCount;
}

/** Index of group g's log rate of block b (0 = base, 1 + j = own outcome j). */
export function rateIndex(layout: OwnDispersionLayout, g: number, block: number): number {
  return g * ratesPerGroup(layout) + (layout.hasBase ? block : block - 1);
}

/** Index of log α, the shared dispersion. */
export function sharedIndex(layout: OwnDispersionLayout): number {
  return layout.groupCount * ratesPerGroup(layout);
}

function ratesPerGroup(layout: OwnDispersionLayout): number {
  return (layout.hasBase ? 1 : 0) + layout.ownCount;
}

/**
 * The log-likelihood of the shared propensity with own noise on some outcomes, with its gradient
 * and Hessian in the parameters of `layout`, summed over the patterns.
 *
 * Formula in words: given the propensity u (gamma, mean 1, variance α = 1/a) each outcome d with
 * own noise (gamma, mean 1, variance α_d = 1/b_d) contributes, integrated in closed form,
 * u^Y_d·b_d^b_d·Γ(Y_d + b_d)/(Γ(b_d)·(b_d + u·M_d)^(Y_d + b_d)), and the other outcomes together
 * u^Y_0·e^(−u·M_0) (M the expected events over both windows). So a person's log-likelihood (less
 * terms free of the parameters, and the multinomial split of block 0 over its outcomes) is
 * Y_0·log Λ_0 + Σ_d Y_d·log λ_d + a·log a − log Γ(a) + Σ_d (log Γ(Y_d + b_d) − log Γ(b_d) + b_d·log b_d)
 * + log ∫ exp((Y + a)·s − (a + M_0)·eˢ − Σ_d (Y_d + b_d)·log(b_d + eˢ·M_d)) ds, the last by
 * `integrateOnLogScale`. The gradient is the posterior mean of the integrand's gradient and the
 * Hessian its posterior mean Hessian plus its posterior covariance (Louis's identity), taken over
 * the same nodes.
 * Reference: J. F. Lawless, Can. J. Stat. 15 (1987) 209–225; T. A. Louis, JRSS B 44 (1982)
 * 226–233; Q. Liu & D. A. Pierce, Biometrika 81 (1994) 624–629.
 *
 * @example with no outcome of its own noise (ownCount 0) this equals the negative binomial totals
 *   likelihood of negative-binomial-totals.ts at the same Λ and α (a test checks it)
 */
export function ownDispersionLogLikelihood(
  patterns: CountPatterns,
  layout: OwnDispersionLayout,
  parameters: Float64Array,
): SecondOrder {
  const n = parameters.length;
  const own = layout.ownCount;
  const local = (layout.hasBase ? 1 : 0) + own + 1 + own;
  const tauAt = (layout.hasBase ? 1 : 0) + own;
  const a = Math.exp(-parameters[sharedIndex(layout)]);
  const b = Float64Array.from({ length: own }, (_, d) => Math.exp(-parameters[sharedIndex(layout) + 1 + d]));
  const logB = Float64Array.from(b, Math.log);
  const gammaConstant = a * Math.log(a) - logGamma(a);
  const sharedScoreConstant = Math.log(a) + 1 - digamma(a);
  const sharedCurvature = 1 / a - trigamma(a);
  const integrand: LogScaleIntegrand = {
    c: 0,
    r: 0,
    terms: own,
    q: new Float64Array(own),
    b,
    m: new Float64Array(own),
  };
  const rule = createLogScaleRule();
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n * n);
  const mean = new Float64Array(local);
  const second = new Float64Array(local * local);
  const curvatureMean = new Float64Array(local * local);
  const g = new Float64Array(local);
  const globalIndex = new Int32Array(local);
  const ownScore = new Float64Array(own);
  const ownCurvature = new Float64Array(own);
  const ownSums = Array.from({ length: own }, (_, d) => gammaRatioSums(b[d], largestTotal(patterns, 1 + d)));
  const moments: NodeMoments = {
    hasBase: layout.hasBase,
    own,
    local,
    tauAt,
    a,
    sharedScoreConstant,
    sharedCurvature,
    b,
    integrand,
    ownScore,
    ownCurvature,
    base: 0,
    baseMean: 0,
    g,
    mean,
    second,
    curvatureMean,
  };
  let value = 0;
  for (let p = 0; p < patterns.count; p++) {
    const group = patterns.group[p];
    const years = patterns.years[p];
    const w = patterns.weight[p];
    const base = layout.hasBase ? patterns.totals[p * patterns.blocks] : 0;
    let events = base;
    let slot = 0;
    let personValue = gammaConstant;
    let baseMean = 0;
    if (layout.hasBase) {
      const zeta = parameters[rateIndex(layout, group, 0)];
      baseMean = years * Math.exp(zeta);
      personValue += base * zeta;
      globalIndex[slot++] = rateIndex(layout, group, 0);
    }
    for (let d = 0; d < own; d++) {
      const count = patterns.totals[p * patterns.blocks + 1 + d];
      const zeta = parameters[rateIndex(layout, group, 1 + d)];
      events += count;
      integrand.q[d] = count + b[d];
      integrand.m[d] = years * Math.exp(zeta);
      const sums = ownSums[d];
      const logSum = sums.logSum[count];
      personValue += count * zeta + logSum + b[d] * logB[d];
      ownScore[d] = sums.inverseSum[count] + logB[d] + 1;
      ownCurvature[d] = -sums.inverseSquareSum[count] + 1 / b[d];
      globalIndex[slot++] = rateIndex(layout, group, 1 + d);
    }
    globalIndex[slot++] = sharedIndex(layout);
    for (let d = 0; d < own; d++) globalIndex[slot++] = sharedIndex(layout) + 1 + d;
    integrand.c = events + a;
    integrand.r = a + baseMean;
    integrateOnLogScale(integrand, rule);
    personValue += rule.logIntegral;
    value += w * personValue;

    mean.fill(0);
    second.fill(0);
    curvatureMean.fill(0);
    moments.base = base;
    moments.baseMean = baseMean;
    for (let j = 0; j < rule.count; j++) {
      // Nodes far out in the tails carry nothing the sums could notice.
      const logProbability = rule.logMass[j] - rule.logIntegral;
      if (logProbability > NEGLIGIBLE_LOG_PROBABILITY)
        accumulateNode(moments, Math.exp(logProbability), rule.nodes[j], rule.exps[j]);
    }
    if (rule.tailLogMass > -Infinity) {
      const probability = Math.exp(rule.tailLogMass - rule.logIntegral);
      accumulateNode(moments, probability, rule.tailMeanS, 0);
      // The tail's s has variance 1/c² about its mean, and only the shared score depends on s.
      second[tauAt * local + tauAt] += (probability * a * a) / (integrand.c * integrand.c);
    }
    for (let i = 0; i < local; i++) {
      const gi = globalIndex[i];
      gradient[gi] += w * mean[i];
      for (let j = 0; j < local; j++) {
        const covariance = (i >= j ? second[i * local + j] : second[j * local + i]) - mean[i] * mean[j];
        hessian[gi * n + globalIndex[j]] += w * (curvatureMean[i * local + j] + covariance);
      }
    }
  }
  return { value, gradient, hessian };
}

/** What the posterior moments of one person's integrand gradient are gathered in. */
interface NodeMoments {
  readonly hasBase: boolean;
  readonly own: number;
  readonly local: number;
  readonly tauAt: number;
  readonly a: number;
  readonly sharedScoreConstant: number;
  readonly sharedCurvature: number;
  readonly b: Float64Array;
  readonly integrand: LogScaleIntegrand;
  readonly ownScore: Float64Array;
  readonly ownCurvature: Float64Array;
  /** The person's block-0 events and their expected number. */
  base: number;
  baseMean: number;
  /** The gradient at the node (scratch), then the running E[g], E[g·gᵀ] (lower triangle) and E[∇²]. */
  readonly g: Float64Array;
  readonly mean: Float64Array;
  readonly second: Float64Array;
  readonly curvatureMean: Float64Array;
}

// Adds one node (propensity e = eˢ, posterior probability `probability`) to the moments, in the
// local order [log Λ_0?, log λ_d…, log α, log α_d…].
function accumulateNode(m: NodeMoments, probability: number, s: number, e: number): void {
  const { local, tauAt, b, g, curvatureMean } = m;
  let k = 0;
  if (m.hasBase) {
    g[k] = m.base - e * m.baseMean;
    curvatureMean[k * local + k] -= probability * e * m.baseMean;
    k++;
  }
  for (let d = 0; d < m.own; d++) {
    const em = e * m.integrand.m[d];
    const denominator = b[d] + em;
    const q = m.integrand.q[d];
    const count = q - b[d];
    g[k] = (b[d] * (count - em)) / denominator;
    const scoreB = m.ownScore[d] - Math.log(denominator) - q / denominator;
    const curvatureB = m.ownCurvature[d] - 1 / denominator - (em - count) / (denominator * denominator);
    const tauD = tauAt + 1 + d;
    g[tauD] = -b[d] * scoreB;
    curvatureMean[k * local + k] -= (probability * b[d] * em * (b[d] + count)) / (denominator * denominator);
    const cross = (-probability * b[d] * (count - em) * em) / (denominator * denominator);
    curvatureMean[k * local + tauD] += cross;
    curvatureMean[tauD * local + k] += cross;
    curvatureMean[tauD * local + tauD] += probability * (b[d] * b[d] * curvatureB + b[d] * scoreB);
    k++;
  }
  const scoreA = m.sharedScoreConstant + s - e;
  g[tauAt] = -m.a * scoreA;
  curvatureMean[tauAt * local + tauAt] += probability * (m.a * m.a * m.sharedCurvature + m.a * scoreA);
  for (let i = 0; i < local; i++) {
    const weighted = probability * g[i];
    m.mean[i] += weighted;
    for (let j = 0; j <= i; j++) m.second[i * local + j] += weighted * g[j];
  }
}

/** Σ_{j<Y} log(b + j), Σ 1/(b + j) and Σ 1/(b + j)² for every Y up to `maxTotal`: log Γ(Y + b) − log Γ(b) and its first two derivatives in b. */
function gammaRatioSums(b: number, maxTotal: number) {
  const logSum = new Float64Array(maxTotal + 1);
  const inverseSum = new Float64Array(maxTotal + 1);
  const inverseSquareSum = new Float64Array(maxTotal + 1);
  for (let y = 1; y <= maxTotal; y++) {
    const term = b + y - 1;
    logSum[y] = logSum[y - 1] + Math.log(term);
    inverseSum[y] = inverseSum[y - 1] + 1 / term;
    inverseSquareSum[y] = inverseSquareSum[y - 1] + 1 / (term * term);
  }
  return { logSum, inverseSum, inverseSquareSum };
}

function largestTotal(patterns: CountPatterns, block: number): number {
  let largest = 0;
  for (let p = 0; p < patterns.count; p++) largest = Math.max(largest, patterns.totals[p * patterns.blocks + block]);
  return largest;
}
