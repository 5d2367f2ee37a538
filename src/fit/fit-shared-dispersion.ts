import { chiSquareQuantile } from './chi-square-quantile.js';
import { invertPositiveDefinite } from './cholesky.js';
import type { CountPatterns } from './count-patterns.js';
import {
  countSums,
  dispersionScore,
  negativeBinomialTotalLogLikelihood,
  totalsCurvature,
} from './negative-binomial-totals.js';

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

/** The profile likelihood at one α: rates, value, and its first two derivatives in α. */
interface ProfilePoint {
  readonly dispersion: number;
  readonly rates: Float64Array;
  readonly value: number;
  readonly slope: number;
  readonly curvature: number;
}

/**
 * Fits the shared gamma propensity to people's event totals (block 0 of `patterns`): each group's
 * summed rate Λ_g and the common dispersion α, by maximum likelihood (equivalent to R's
 * `MASS::glm.nb(total ~ 0 + group + offset(log(years)))`).
 *
 * Formula in words: for a given α, each Λ_g solves Σ (Y − TΛ)/(1 + αTΛ) = 0 over its group (so
 * Λ_g = ΣY/ΣT when everyone has the same T); α then maximises this profile likelihood, by Newton's
 * method in log α on its derivative Σ ∂ℓ/∂α and its curvature ∂²ℓ/∂α² − Σ_g (∂²ℓ/∂ζ_g∂α)²/(∂²ℓ/∂ζ_g²)
 * (ζ = log Λ), inside a bracket that bisection falls back on. At α = 0 the derivative is
 * ½Σ((Y − μ)² − Y); when it is not positive the maximum is at the Poisson boundary, α = 0. The
 * 95% interval for α holds every α whose profile log-likelihood is within χ²₁(0.95)/2 = 1.92 of
 * the maximum (down to 0 if the Poisson is within it); the errors of log Λ_g come from the inverse
 * observed information in (log Λ, α).
 * Reference: J. F. Lawless, Can. J. Stat. 15 (1987) 209–225; W. N. Venables & B. D. Ripley,
 * Modern Applied Statistics with S (4th ed., 2002), §7.4 (glm.nb); Y. Pawitan, In All Likelihood
 * (2001), §3.4 (profile-likelihood intervals).
 *
 * @example the 60 people of test/fixtures/extracts/glm-nb.csv → θ = 1/α = 0.96875363, log Λ =
 *   1.15635704 (youth) and −0.41986615 (adult), as R's glm.nb (see the test)
 */
export function fitSharedDispersion(patterns: CountPatterns, groupCount: number): SharedDispersionFit {
  const members = groupMembers(patterns, groupCount);
  let maxTotal = 0;
  for (let p = 0; p < patterns.count; p++) maxTotal = Math.max(maxTotal, patterns.totals[p * patterns.blocks]);
  const at = (dispersion: number) => profilePoint(patterns, members, dispersion, maxTotal);
  const poisson = at(0);
  const best = poisson.slope > 0 ? maximiseProfile(at, poisson) : poisson;
  const dispersionInterval = profileInterval(at, best);
  const groupLogRateErrors = logRateErrors(patterns, groupCount, best, maxTotal);
  return {
    dispersion: best.dispersion,
    dispersionInterval,
    groupRates: best.rates,
    groupLogRateErrors,
    logLikelihood: best.value,
  };
}

function groupMembers(patterns: CountPatterns, groupCount: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: groupCount }, () => []);
  for (let p = 0; p < patterns.count; p++) lists[patterns.group[p]].push(p);
  return lists.map((list) => Int32Array.from(list));
}

function profilePoint(
  patterns: CountPatterns,
  members: readonly Int32Array[],
  dispersion: number,
  maxTotal: number,
): ProfilePoint {
  const sums = countSums(dispersion, maxTotal);
  const rates = new Float64Array(members.length);
  let value = 0;
  let slope = 0;
  let curvature = 0;
  members.forEach((list, g) => {
    const rate = groupRate(patterns, list, dispersion);
    rates[g] = rate;
    if (rate === 0) return; // a group without events adds log 1 = 0 at its MLE, Λ = 0
    let zetaZeta = 0;
    let zetaAlpha = 0;
    for (const p of list) {
      const w = patterns.weight[p];
      const total = patterns.totals[p * patterns.blocks];
      const mean = patterns.years[p] * rate;
      value += w * negativeBinomialTotalLogLikelihood(total, patterns.years[p], rate, dispersion, sums);
      slope += w * dispersionScore(total, mean, dispersion, sums);
      const second = totalsCurvature(total, mean, dispersion, sums);
      zetaZeta += w * second.zetaZeta;
      zetaAlpha += w * second.zetaAlpha;
      curvature += w * second.alphaAlpha;
    }
    curvature -= (zetaAlpha * zetaAlpha) / zetaZeta;
  });
  return { dispersion, rates, value, slope, curvature };
}

// Λ of one group at this α: the root in ζ = log Λ of Σ w(Y − TΛ)/(1 + αTΛ), which falls as ζ
// rises; Newton steps kept inside the bracket that the signs narrow.
function groupRate(patterns: CountPatterns, list: Int32Array, dispersion: number): number {
  let events = 0;
  let years = 0;
  let sameYears = true;
  for (const p of list) {
    events += patterns.weight[p] * patterns.totals[p * patterns.blocks];
    years += patterns.weight[p] * patterns.years[p];
    if (patterns.years[p] !== patterns.years[list[0]]) sameYears = false;
  }
  if (events === 0 || years === 0) return 0;
  if (sameYears || dispersion === 0) return events / years;
  let zeta = Math.log(events / years);
  let low = -Infinity;
  let high = Infinity;
  for (let iteration = 0; iteration < 200; iteration++) {
    const rate = Math.exp(zeta);
    let value = 0;
    let slope = 0;
    for (const p of list) {
      const total = patterns.totals[p * patterns.blocks];
      const mean = patterns.years[p] * rate;
      const denominator = 1 + dispersion * mean;
      value += (patterns.weight[p] * (total - mean)) / denominator;
      slope -= (patterns.weight[p] * mean * (1 + dispersion * total)) / (denominator * denominator);
    }
    if (value > 0) low = zeta;
    else high = zeta;
    let next = zeta - value / slope;
    if (!(next > low && next < high))
      next = Number.isFinite(low) && Number.isFinite(high) ? (low + high) / 2 : zeta + Math.sign(value);
    if (Math.abs(next - zeta) < 1e-14) return Math.exp(next);
    zeta = next;
  }
  return Math.exp(zeta);
}

// Newton's method in τ = log α on the profile's slope (dℓ/dτ = α·slope), inside a bracket
// [low, high] with a positive slope at low and a negative one at high.
function maximiseProfile(at: (dispersion: number) => ProfilePoint, poisson: ProfilePoint): ProfilePoint {
  let low = -Infinity;
  let high = Infinity;
  let point = at(1);
  for (let iteration = 0; iteration < 300; iteration++) {
    const tau = Math.log(point.dispersion);
    if (point.slope > 0) low = tau;
    else high = tau;
    const first = point.dispersion * point.slope;
    const second = point.dispersion * point.dispersion * point.curvature + first;
    let next = second < 0 ? tau - first / second : tau + Math.sign(first);
    if (!(next > low && next < high)) {
      if (Number.isFinite(low) && Number.isFinite(high)) next = (low + high) / 2;
      else next = Number.isFinite(low) ? low + 2 : high - 2;
    }
    if (next > Math.log(LARGEST_DISPERSION))
      throw new RangeError(`the shared dispersion is beyond ${LARGEST_DISPERSION}: the counts cannot be fitted`);
    if (Math.abs(next - tau) < 1e-12) return at(Math.exp(next));
    // Far below any plausible α the likelihood is flat: the maximum is at the Poisson boundary.
    if (next < Math.log(1e-10)) return poisson;
    point = at(Math.exp(next));
  }
  return point;
}

// The ends of the profile-likelihood interval: where the profile falls 1.92 below its maximum,
// by Newton's method in τ = log α (the profile's slope in τ is α·slope) kept inside a bracket.
function profileInterval(at: (dispersion: number) => ProfilePoint, best: ProfilePoint): readonly [number, number] {
  const target = best.value - chiSquareQuantile(0.95, 1) / 2;
  const alpha = best.dispersion;
  let lower = 0;
  if (alpha > 0 && at(0).value < target) lower = solveDrop(at, target, -50, Math.log(alpha), alpha);
  let upper = Math.max(alpha, 1e-3) * 2;
  while (at(upper).value > target) {
    upper *= 2;
    if (upper > LARGEST_DISPERSION) return [lower, Infinity];
  }
  return [lower, solveDrop(at, target, Math.log(Math.max(alpha, upper / 1e12)), Math.log(upper), upper)];
}

// The τ in (low, high) where the profile crosses `target` (it is above it at one end, below at the
// other), starting from `start`.
function solveDrop(
  at: (dispersion: number) => ProfilePoint,
  target: number,
  low: number,
  high: number,
  start: number,
): number {
  const aboveAtLow = at(Math.exp(low)).value > target;
  let tau = Math.log(start);
  for (let iteration = 0; iteration < 100; iteration++) {
    const point = at(Math.exp(tau));
    const gap = point.value - target;
    if (gap > 0 === aboveAtLow) low = tau;
    else high = tau;
    let next = tau - gap / (point.dispersion * point.slope);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - tau) < 1e-11 || high - low < 1e-11) return Math.exp(next);
    tau = next;
  }
  return Math.exp(tau);
}

function logRateErrors(
  patterns: CountPatterns,
  groupCount: number,
  best: ProfilePoint,
  maxTotal: number,
): Float64Array {
  // Information in (ζ_1 … ζ_G, α); α is left out at the Poisson boundary.
  const { rates, dispersion } = best;
  const withDispersion = dispersion > 0;
  const n = groupCount + (withDispersion ? 1 : 0);
  const sums = countSums(dispersion, maxTotal);
  const information = new Float64Array(n * n);
  for (let p = 0; p < patterns.count; p++) {
    const g = patterns.group[p];
    if (rates[g] === 0) continue;
    const total = patterns.totals[p * patterns.blocks];
    const curvature = totalsCurvature(total, patterns.years[p] * rates[g], dispersion, sums);
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
