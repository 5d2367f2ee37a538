/**
 * Gelman & Carlin's retrospective design analysis of a reported result, in closed form.
 */
import { normalCdf, normalQuantile } from '../../core/distributions/normal.js';

/** What a study with a given true effect and standard error would show, over replications. */
export interface Retrodesign {
  /** Chance of a significant result (either direction). */
  readonly power: number;
  /** Among significant results, the chance the estimate has the wrong sign. */
  readonly typeS: number;
  /** Expected |estimate| / |true effect| among significant results (type M). */
  readonly exaggeration: number;
}

function normalDensity(x: number): number {
  return Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
}

/**
 * Power, type S error and exaggeration ratio of a two-sided z test when the true effect is
 * `effect` and the estimate is normal with standard error `standardError`.
 *
 * With λ = |A|/s and z = z_{1−α/2}: power = 1 − Φ(z − λ) + Φ(−z − λ); typeS = Φ(−z − λ)/power;
 * exaggeration = {λ[1 − Φ(z − λ)] + φ(z − λ) − λΦ(−z − λ) + φ(z + λ)} / (λ·power), i.e.
 * E(|estimate| | significant)/|A| computed from the truncated normal.
 * Reference: Gelman & Carlin (2014), Perspect Psychol Sci 9:641–651; closed form of Lu, Qiu &
 * Deng (2019), Br J Math Stat Psychol 72:1–17.
 *
 * Example: A 1, s 3.3, α 0.05 → power 0.0606, typeS 0.195, exaggeration 7.80.
 */
export function retrodesign(input: {
  readonly effect: number;
  readonly standardError: number;
  readonly alpha?: number;
}): Retrodesign {
  const alpha = input.alpha ?? 0.05;
  const z = normalQuantile(1 - alpha / 2);
  const lambda = Math.abs(input.effect) / input.standardError;
  const upperTail = 1 - normalCdf(z - lambda);
  const lowerTail = normalCdf(-z - lambda);
  const power = upperTail + lowerTail;
  const meanAbsoluteSignificant =
    lambda * upperTail + normalDensity(z - lambda) - lambda * lowerTail + normalDensity(z + lambda);
  return { power, typeS: lowerTail / power, exaggeration: meanAbsoluteSignificant / (lambda * power) };
}
