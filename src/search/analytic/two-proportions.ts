/**
 * Normal-approximation sample size and power for comparing two proportions with a z test.
 */
import { normalCdf, normalQuantile } from '../../core/distributions/normal.js';

/** Inputs shared by the two-proportion formulas (α two-sided). */
export interface TwoProportionsInput {
  /** Proportion in the first (e.g. treated) arm. */
  readonly p1: number;
  /** Proportion in the second (e.g. control) arm. */
  readonly p2: number;
  readonly alpha: number;
}

/**
 * People per arm (not rounded) for the pooled-null two-proportion z test with equal arms (Fleiss;
 * R `power.prop.test`): the null variance uses the mean proportion p̄, the alternative the two
 * arms' own variances.
 *
 * n = [z_{1−α/2}·√(2p̄q̄) + z_{power}·√(p1q1 + p2q2)]² / (p1 − p2)².
 * Reference: Fleiss, Levin & Paik (2003), Statistical Methods for Rates and Proportions, §4.2.
 *
 * Example: p1 0.65, p2 0.85, α 0.05, power 0.8 → 72.393 (R: `power.prop.test(p1=.65, p2=.85,
 * power=.8)$n` = 72.39301).
 */
export function sampleSizeTwoProportionsPooled(input: TwoProportionsInput & { readonly power: number }): number {
  const { p1, p2, alpha, power } = input;
  const meanProportion = (p1 + p2) / 2;
  const nullSd = Math.sqrt(2 * meanProportion * (1 - meanProportion));
  const alternativeSd = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const numerator = normalQuantile(1 - alpha / 2) * nullSd + normalQuantile(power) * alternativeSd;
  return (numerator * numerator) / ((p1 - p2) * (p1 - p2));
}

/**
 * Power of the pooled-null two-proportion z test with `perArm` people in each arm, counting only
 * rejections in the true direction (as R `power.prop.test` does by default).
 *
 * power = Φ((√n·|p1 − p2| − z_{1−α/2}·√(2p̄q̄)) / √(p1q1 + p2q2)).
 * Reference: as `sampleSizeTwoProportionsPooled`.
 *
 * Example: p1 0.65, p2 0.85, n 50 per arm, α 0.05 → 0.64026 (R `power.prop.test(p1=.65,
 * p2=.85, n=50)$power` = 0.6402569).
 */
export function powerTwoProportionsPooled(input: TwoProportionsInput & { readonly perArm: number }): number {
  const { p1, p2, alpha, perArm } = input;
  const meanProportion = (p1 + p2) / 2;
  const nullSd = Math.sqrt(2 * meanProportion * (1 - meanProportion));
  const alternativeSd = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const shift = Math.sqrt(perArm) * Math.abs(p1 - p2) - normalQuantile(1 - alpha / 2) * nullSd;
  return normalCdf(shift / alternativeSd);
}

/**
 * People in the second arm (not rounded) for the unpooled two-proportion z test with allocation
 * ratio κ = n1/n2 (Chow, Shao & Wang): both null and alternative variances use the arms' own
 * proportions. The first arm needs κ·n2.
 *
 * n2 = (z_{1−α/2} + z_{power})²·(p1q1/κ + p2q2) / (p1 − p2)².
 * Reference: Chow, Shao & Wang (2008), Sample Size Calculations in Clinical Research, §4.2.
 *
 * Example: p1 0.65, p2 0.85, α 0.05, power 0.8, κ 1 → 69.66, i.e. 70 per group (Example 4.2.4).
 */
export function sampleSizeTwoProportionsUnpooled(
  input: TwoProportionsInput & { readonly power: number; readonly ratio?: number },
): number {
  const { p1, p2, alpha, power } = input;
  const ratio = input.ratio ?? 1;
  const zSum = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return (zSum * zSum * ((p1 * (1 - p1)) / ratio + p2 * (1 - p2))) / ((p1 - p2) * (p1 - p2));
}
