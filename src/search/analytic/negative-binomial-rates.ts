/**
 * Normal-approximation sample size and power for comparing two negative-binomial rates with the
 * Wald test on the log rate ratio (Zhu & Lakkis 2014), variance μ + kμ².
 */
import { normalCdf, normalQuantile } from '../../core/distributions/normal.js';

/**
 * How the variance of the log rate ratio under the null is taken (Zhu & Lakkis §2):
 * 1 — both arms at the control rate; 2 — the same as under the alternative (Keene et al. 2007);
 * 3 — both arms at the pooled rate (r0 + κ r1)/(1 + κ).
 */
export type NegativeBinomialMethod = 1 | 2 | 3;

/** Two negative-binomial arms sharing the dispersion k. */
export interface NegativeBinomialRatesInput {
  /** Control events per person per unit of exposure. */
  readonly controlRate: number;
  readonly rateRatio: number;
  /** Dispersion k: Var = μ + kμ² (0 = Poisson). */
  readonly dispersion: number;
  /** Exposure per person (same unit as the rate). */
  readonly exposure: number;
  /** Allocation ratio κ = treated / control (default 1). */
  readonly ratio?: number;
  readonly alpha: number;
  readonly method?: NegativeBinomialMethod;
}

/** n0 × Var(log RR estimate) under the null (V0) and under the alternative (V1). */
function unitVariances(input: NegativeBinomialRatesInput): { nullVariance: number; alternativeVariance: number } {
  const ratio = input.ratio ?? 1;
  const t = input.exposure;
  const r0 = input.controlRate;
  const r1 = input.rateRatio * r0;
  const dispersionTerm = ((1 + ratio) * input.dispersion) / ratio;
  const alternativeVariance = (1 / t) * (1 / r0 + 1 / (ratio * r1)) + dispersionTerm;
  const method = input.method ?? 2;
  const nullVariance =
    method === 1
      ? (1 + ratio) / (t * ratio * r0) + dispersionTerm
      : method === 2
        ? alternativeVariance
        : ((1 + ratio) * (1 + ratio)) / (t * ratio * (r0 + ratio * r1)) + dispersionTerm;
  return { nullVariance, alternativeVariance };
}

/**
 * Control-arm size (not rounded) for the negative-binomial Wald test; treated = κ·n0.
 *
 * n0 = [z_{1−α/2}·√V0 + z_{power}·√V1]² / (ln RR)², with
 * V1 = (1/t)(1/r0 + 1/(κ r1)) + (1 + κ)k/κ and V0 per `NegativeBinomialMethod`.
 * Reference: Zhu & Lakkis (2014), Stat Med 33:376–387, Table I.
 *
 * Example: r0 0.8, RR 0.85, k 0.4, t 0.75, κ 1, α 0.05, power 0.8 → 1254.2 / 1315.7 / 1310.7
 * for methods 1 / 2 / 3.
 */
export function sampleSizeNegativeBinomialRates(
  input: NegativeBinomialRatesInput & { readonly power: number },
): number {
  const { nullVariance, alternativeVariance } = unitVariances(input);
  const numerator =
    normalQuantile(1 - input.alpha / 2) * Math.sqrt(nullVariance) +
    normalQuantile(input.power) * Math.sqrt(alternativeVariance);
  const logRatio = Math.log(input.rateRatio);
  return (numerator * numerator) / (logRatio * logRatio);
}

/**
 * Power of the negative-binomial Wald test with `controlSize` control people (true direction).
 *
 * power = Φ((√n0·|ln RR| − z_{1−α/2}·√V0) / √V1).
 * Reference: Zhu & Lakkis (2014), eq. (7).
 *
 * Example: r0 1, RR 0.6, k 1, t 1, κ 1, method 2, n0 140.37 → 0.800.
 */
export function powerNegativeBinomialRates(
  input: NegativeBinomialRatesInput & { readonly controlSize: number },
): number {
  const { nullVariance, alternativeVariance } = unitVariances(input);
  const shift =
    Math.sqrt(input.controlSize) * Math.abs(Math.log(input.rateRatio)) -
    normalQuantile(1 - input.alpha / 2) * Math.sqrt(nullVariance);
  return normalCdf(shift / Math.sqrt(alternativeVariance));
}

/**
 * People per arm (not rounded) for equal arms by Keene et al.'s formula — Zhu & Lakkis method 2
 * with κ = 1.
 *
 * n = (z_{1−α/2} + z_{power})²·[(1/r0 + 1/r1)/t + 2k] / (ln RR)².
 * Reference: Keene, Jones, Lane & Anderson (2007), Pharm Stat 6:89–97.
 *
 * Example: r0 1.0, RR 0.6, k 1, t 1, α 0.05, power 0.8 → 140.37 per arm.
 */
export function sampleSizeKeene(
  input: Omit<NegativeBinomialRatesInput, 'ratio' | 'method'> & { readonly power: number },
): number {
  return sampleSizeNegativeBinomialRates({ ...input, ratio: 1, method: 2 });
}
