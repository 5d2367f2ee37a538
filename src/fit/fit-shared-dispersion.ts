import { chiSquareQuantile } from './chi-square-quantile.js';
import { invertPositiveDefinite } from './cholesky.js';
import type { CountPatterns } from './count-patterns.js';
import { findRoot } from './find-root.js';
import { dispersionScore, negativeBinomialTotalLogLikelihood, totalsCurvature } from './negative-binomial-totals.js';

/** The shared propensity's dispersion and each group's summed rate, by maximum likelihood. */
export interface SharedDispersionFit {
  /** α (Var = μ + αμ², α = 1/θ of R's glm.nb); 0 when the counts are not overdispersed. */
  readonly dispersion: number;
  /** 95% profile-likelihood interval for α. */
  readonly dispersionInterval: readonly [number, number];
  /** Per group: Λ, events per person-year summed over outcomes (0 for a group without events). */
  readonly groupRates: Float64Array;
  /** Per group: standard error of log Λ (from the observed information, α estimated too). */
  readonly groupLogRateErrors: Float64Array;
  /** Maximised log-likelihood of the totals (without the terms free of Λ and α). */
  readonly logLikelihood: number;
}

/** Past this α the data are refused as implausible (the scenario language stops at 100). */
const LARGEST_DISPERSION = 1e4;

/**
 * Fits the shared gamma propensity to people's event totals (block 0 of `patterns`): each group's
 * summed rate Λ_g and the common dispersion α, by maximum likelihood (equivalent to R's
 * `MASS::glm.nb(total ~ 0 + group + offset(log(years)))`).
 *
 * Formula in words: for a given α, each Λ_g solves Σ (Y − TΛ)/(1 + αTΛ) = 0 over its group (so
 * Λ_g = ΣY/ΣT when everyone has the same T); α then maximises this profile likelihood, found as
 * the root of its derivative Σ ∂ℓ/∂α in log α. At α = 0 that derivative is ½Σ((Y − μ)² − Y); when
 * it is not positive the maximum is at the Poisson boundary, α = 0. The 95% interval for α holds
 * every α whose profile log-likelihood is within χ²₁(0.95)/2 = 1.92 of the maximum (down to 0 if
 * the Poisson is within it); the errors of log Λ_g come from the inverse observed information in
 * (log Λ, α).
 * Reference: J. F. Lawless, Can. J. Stat. 15 (1987) 209–225; W. N. Venables & B. D. Ripley,
 * Modern Applied Statistics with S (4th ed., 2002), §7.4 (glm.nb); Y. Pawitan, In All Likelihood
 * (2001), §3.4 (profile-likelihood intervals).
 *
 * @example totals 0, 0, 1, 2, 0, 1, 5, 0, 2, 0 over one year each, one group → Λ = 1.1,
 *   α ≈ 1.2 (R: glm.nb(y ~ 1) gives θ = 1/α; see the test for the exact figures)
 */
export function fitSharedDispersion(patterns: CountPatterns, groupCount: number): SharedDispersionFit {
  const profile = (dispersion: number) => profileRates(patterns, groupCount, dispersion);
  const poissonRates = profile(0);
  const scoreAt = (dispersion: number, rates: Float64Array) => totalScore(patterns, rates, dispersion);
  let dispersion = 0;
  if (scoreAt(0, poissonRates) > 0) {
    let upper = 1;
    while (scoreAt(upper, profile(upper)) > 0) {
      upper *= 4;
      if (upper > LARGEST_DISPERSION)
        throw new RangeError(`the shared dispersion is beyond ${LARGEST_DISPERSION}: the counts cannot be fitted`);
    }
    let lower = upper / 4;
    while (scoreAt(lower, profile(lower)) <= 0) lower /= 4;
    const logDispersion = findRoot(
      (logValue) => scoreAt(Math.exp(logValue), profile(Math.exp(logValue))),
      Math.log(lower),
      Math.log(upper),
      1e-13,
    );
    dispersion = Math.exp(logDispersion);
  }
  const groupRates = profile(dispersion);
  const logLikelihood = totalLogLikelihood(patterns, groupRates, dispersion);
  const dispersionInterval = profileInterval(patterns, dispersion, logLikelihood, profile);
  const groupLogRateErrors = logRateErrors(patterns, groupCount, groupRates, dispersion);
  return { dispersion, dispersionInterval, groupRates, groupLogRateErrors, logLikelihood };
}

/** Each group's Λ maximising the likelihood at this α (0 for a group without events). */
function profileRates(patterns: CountPatterns, groupCount: number, dispersion: number): Float64Array {
  const rates = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    let events = 0;
    let years = 0;
    let sameYears = true;
    let firstYears = -1;
    for (let p = 0; p < patterns.count; p++) {
      if (patterns.group[p] !== g) continue;
      events += patterns.weight[p] * patterns.totals[p * patterns.blocks];
      years += patterns.weight[p] * patterns.years[p];
      if (firstYears < 0) firstYears = patterns.years[p];
      else if (patterns.years[p] !== firstYears) sameYears = false;
    }
    if (events === 0 || years === 0) continue;
    const poisson = events / years;
    rates[g] = sameYears || dispersion === 0 ? poisson : solveGroupRate(patterns, g, dispersion, poisson);
  }
  return rates;
}

// The root in ζ = log Λ of Σ w(Y − TΛ)/(1 + αTΛ), decreasing in ζ: Newton steps kept inside a
// bracket that the signs of the function narrow.
function solveGroupRate(patterns: CountPatterns, g: number, dispersion: number, start: number): number {
  let zeta = Math.log(start);
  let low = -Infinity;
  let high = Infinity;
  for (let iteration = 0; iteration < 200; iteration++) {
    const rate = Math.exp(zeta);
    let value = 0;
    let slope = 0;
    for (let p = 0; p < patterns.count; p++) {
      if (patterns.group[p] !== g) continue;
      const total = patterns.totals[p * patterns.blocks];
      const mean = patterns.years[p] * rate;
      const denominator = 1 + dispersion * mean;
      value += (patterns.weight[p] * (total - mean)) / denominator;
      slope -= (patterns.weight[p] * mean * (1 + dispersion * total)) / (denominator * denominator);
    }
    if (value > 0) low = zeta;
    else high = zeta;
    let next = zeta - value / slope;
    if (!(next > low && next < high)) next = Number.isFinite(low) && Number.isFinite(high) ? (low + high) / 2 : zeta + Math.sign(value);
    if (Math.abs(next - zeta) < 1e-14) return Math.exp(next);
    zeta = next;
  }
  return Math.exp(zeta);
}

function totalScore(patterns: CountPatterns, rates: Float64Array, dispersion: number): number {
  let score = 0;
  for (let p = 0; p < patterns.count; p++) {
    const mean = patterns.years[p] * rates[patterns.group[p]];
    score += patterns.weight[p] * dispersionScore(patterns.totals[p * patterns.blocks], mean, dispersion);
  }
  return score;
}

/** Σ over people of ℓ (see negative-binomial-totals.ts) at these rates and α. */
export function totalLogLikelihood(patterns: CountPatterns, rates: Float64Array, dispersion: number): number {
  let sum = 0;
  for (let p = 0; p < patterns.count; p++) {
    const rate = rates[patterns.group[p]];
    const total = patterns.totals[p * patterns.blocks];
    if (rate === 0) continue; // a group without events adds log 1 = 0 at its MLE, Λ = 0
    sum += patterns.weight[p] * negativeBinomialTotalLogLikelihood(total, patterns.years[p], rate, dispersion);
  }
  return sum;
}

function profileInterval(
  patterns: CountPatterns,
  dispersion: number,
  maximum: number,
  profile: (dispersion: number) => Float64Array,
): readonly [number, number] {
  const drop = chiSquareQuantile(0.95, 1) / 2;
  const gap = (value: number) => totalLogLikelihood(patterns, profile(value), value) - (maximum - drop);
  let lowerEnd = 0;
  if (dispersion > 0 && gap(0) < 0) lowerEnd = findRoot(gap, 0, dispersion, 1e-12 * dispersion);
  // gap is positive at the maximum and falls past it; double until it is negative.
  const from = Math.max(dispersion, 1e-12);
  let upper = Math.max(dispersion, 1e-3) * 2;
  while (gap(upper) > 0) {
    upper *= 2;
    if (upper > LARGEST_DISPERSION) return [lowerEnd, Infinity];
  }
  const upperEnd = Math.exp(findRoot((logValue) => gap(Math.exp(logValue)), Math.log(from), Math.log(upper), 1e-12));
  return [lowerEnd, upperEnd];
}

function logRateErrors(
  patterns: CountPatterns,
  groupCount: number,
  rates: Float64Array,
  dispersion: number,
): Float64Array {
  // Information in (ζ_1 … ζ_G, α); α is left out at the Poisson boundary.
  const withDispersion = dispersion > 0;
  const n = groupCount + (withDispersion ? 1 : 0);
  const information = new Float64Array(n * n);
  for (let p = 0; p < patterns.count; p++) {
    const g = patterns.group[p];
    if (rates[g] === 0) continue;
    const curvature = totalsCurvature(patterns.totals[p * patterns.blocks], patterns.years[p] * rates[g], dispersion);
    const w = patterns.weight[p];
    information[g * n + g] -= w * curvature.zetaZeta;
    if (withDispersion) {
      information[g * n + groupCount] -= w * curvature.zetaAlpha;
      information[groupCount * n + g] -= w * curvature.zetaAlpha;
      information[groupCount * n + groupCount] -= w * curvature.alphaAlpha;
    }
  }
  for (let g = 0; g < groupCount; g++) if (rates[g] === 0) information[g * n + g] = 1;
  const covariance = invertPositiveDefinite(information, n);
  return Float64Array.from({ length: groupCount }, (_, g) =>
    rates[g] === 0 || covariance === null ? Number.NaN : Math.sqrt(covariance[g * n + g]),
  );
}
