import { chiSquareCdf } from '../distributions/chi-square.js';

/**
 * The chance that a person of one cell has an own-prevalence binary event, averaged over their
 * gamma propensity X (mean 1, variance d): everyone in the cell then has the event independently
 * with this chance, so the cell's positives are Binomial(n, chance) — exactly the per-person
 * model, where a person has the event with probability min(1, r·(1 − e^(−c·X))), c = the group's
 * hazard × the cell's site (and caseworker) multiplier, r = the risk ratio (1 unless engaged).
 *
 * Formula in words: with a = 1/d, E[1 − e^(−cX)] = 1 − (1 + c·d)^(−a) (the gamma Laplace
 * transform), so for r ≤ 1 the chance is r·(1 − (1 + cd)^(−a)). For r > 1 the cap binds once
 * X ≥ x* = −ln(1 − 1/r)/c: chance = r·[F(x*) − (1 + cd)^(−a)·P(a, x*(1/d + c))] + 1 − F(x*),
 * where F(x) = P(a, x/d) is the gamma distribution function and P the regularised lower
 * incomplete gamma. With d = 0 (X = 1) it is min(1, r·(1 − e^(−c))).
 * Reference: Hougaard, Analysis of Multivariate Survival Data (2000) §7.2 (Laplace transform);
 * Abramowitz & Stegun 6.5 (incomplete gamma); the truncated expectation by completing the gamma.
 *
 * @example ownBinaryProbability(1.96856, 1.5, 1, 1) → 0.6 (the hazard of prevalence 0.6 at d = 1.5);
 *   ownBinaryProbability(1.96856, 1.5, 1, 0.8) → 0.48
 */
export function ownBinaryProbability(hazard: number, dispersion: number, multiplier: number, ratio: number): number {
  const c = hazard * multiplier;
  if (!(c > 0)) return 0;
  if (!(dispersion > 0)) return Math.min(1, ratio * -Math.expm1(-c));
  const shape = 1 / dispersion;
  const base = c === Infinity ? 1 : -Math.expm1(-shape * Math.log1p(c * dispersion));
  if (ratio <= 1) return ratio * base;
  if (c === Infinity) return 1;
  const capFrom = -Math.log1p(-1 / ratio) / c;
  const belowCap = regularisedLowerGamma(shape, capFrom / dispersion);
  const survivalPartBelowCap =
    Math.exp(-shape * Math.log1p(c * dispersion)) * regularisedLowerGamma(shape, capFrom * (1 / dispersion + c));
  return Math.min(1, ratio * (belowCap - survivalPartBelowCap) + (1 - belowCap));
}

/** P(a, z), the regularised lower incomplete gamma, as the chi-square distribution function. */
function regularisedLowerGamma(shape: number, z: number): number {
  return chiSquareCdf(2 * z, 2 * shape);
}
