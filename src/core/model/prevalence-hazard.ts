/**
 * The base hazard h of an own-prevalence binary outcome, chosen so that a person with gamma
 * propensity X (mean 1, variance d) has the event with probability 1 − e^(−h·X) and the
 * population prevalence is exactly p.
 *
 * Formula in words: E[e^(−hX)] = (1 + h·d)^(−1/d) for gamma X, so setting it to 1 − p gives
 * h = ((1 − p)^(−d) − 1)/d, and h = −ln(1 − p) when d = 0 (everyone has probability p).
 * Reference: the gamma frailty Laplace transform (Hougaard, Analysis of Multivariate Survival
 * Data, 2000, §7.2).
 *
 * @example p = 0.6, d = 1.5 → h = (0.4^(−1.5) − 1)/1.5 = 1.9686 (and (1 + 1.5h)^(−1/1.5) = 0.4)
 */
export function prevalenceHazard(prevalence: number, dispersion: number): number {
  if (prevalence >= 1) return Infinity;
  if (!(dispersion > 0)) return -Math.log1p(-prevalence);
  return Math.expm1(-dispersion * Math.log1p(-prevalence)) / dispersion;
}
