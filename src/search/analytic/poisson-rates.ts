/**
 * Normal-approximation sample size and power for comparing two Poisson rates with the Wald test
 * on the log rate ratio.
 */
import { normalCdf, normalQuantile } from '../../core/distributions/normal.js';

/** Two Poisson arms: control rate, rate ratio (treated / control), exposure, allocation. */
export interface PoissonRatesInput {
  /** Control events per person per unit of exposure (e.g. per person-year). */
  readonly controlRate: number;
  readonly rateRatio: number;
  /** Exposure per person in the same unit (e.g. 1 year). */
  readonly exposure: number;
  /** Allocation ratio κ = treated / control (default 1). */
  readonly ratio?: number;
  readonly alpha: number;
}

/** Variance of the log rate ratio estimate times n0: 1/(λ0 t) + 1/(κ λ1 t). */
function unitVariance(input: PoissonRatesInput): number {
  const ratio = input.ratio ?? 1;
  const treatedRate = input.rateRatio * input.controlRate;
  return 1 / (input.controlRate * input.exposure) + 1 / (ratio * treatedRate * input.exposure);
}

/**
 * Control-arm size (not rounded) for the log-scale Wald test of two Poisson rates.
 *
 * n0 = (z_{1−α/2} + z_{power})²·[1/(λ0 t) + 1/(κ λ1 t)] / (ln RR)², λ1 = RR·λ0; treated = κ·n0.
 * Reference: Zhu & Lakkis (2014), Stat Med 33:376–387, with dispersion k = 0 (method 2).
 *
 * Example: λ0 1 per year, RR 0.6, t 1 year, κ 1, α 0.05, power 0.8 → 80.21 per arm.
 */
export function sampleSizePoissonRates(input: PoissonRatesInput & { readonly power: number }): number {
  const zSum = normalQuantile(1 - input.alpha / 2) + normalQuantile(input.power);
  const logRatio = Math.log(input.rateRatio);
  return (zSum * zSum * unitVariance(input)) / (logRatio * logRatio);
}

/**
 * Power of the log-scale Wald test of two Poisson rates with `controlSize` control people,
 * counting rejections in the true direction only.
 *
 * power = Φ(√n0·|ln RR| / √V − z_{1−α/2}), V = 1/(λ0 t) + 1/(κ λ1 t).
 * Reference: as `sampleSizePoissonRates`.
 *
 * Example: λ0 1, RR 0.6, t 1, κ 1, n0 = 80.21, α 0.05 → 0.800.
 */
export function powerPoissonRates(input: PoissonRatesInput & { readonly controlSize: number }): number {
  const shift = (Math.sqrt(input.controlSize) * Math.abs(Math.log(input.rateRatio))) / Math.sqrt(unitVariance(input));
  return normalCdf(shift - normalQuantile(1 - input.alpha / 2));
}
