/**
 * Converts a between-site intra-class correlation into the coefficient of variation of the gamma
 * (mean 1) site multiplier of everybody's rate — the same model as the caseworker multiplier.
 */

/**
 * The site multiplier's CV that gives counts the stated ICC.
 *
 * A person's count over follow-up is Poisson with mean m·S·P, where S is the site multiplier
 * (variance v) and P the person's propensity (variance d), both gamma with mean 1. Two people at
 * one site then have covariance m²·v, and each count has variance m + m²·((1 + v)(1 + d) − 1), so
 *   ICC = m²v / (m + m²(v(1 + d) + d)),  which solves to  v = ICC·(1/m + d) / (1 − ICC·(1 + d)),
 * and the CV is √v. It needs ICC·(1 + d) < 1 (checked when the scenario is validated). m is the
 * control mean count of the outcome the ICC refers to; with eligibility selection the cohort's
 * own mean is higher, so the population mean used here makes the multiplier slightly larger than
 * needed (conservative). d is the person-level dispersion of that outcome (see icc-reference.ts).
 * Without a count outcome (m null) the ICC is read on the rate scale, v = ICC / (1 − ICC), as the
 * core's caseworker model does. Counts of zero mean (m = 0) have nothing to cluster: CV 0.
 * Reference: the ICC of a gamma–Poisson mixture, e.g. Nakagawa & Schielzeth 2010, Biol Rev 85(4).
 *
 * Example: `siteRateCV(0.02, 1.5, 1.8)` — m = 1.8, d = 1.5 — is
 * √(0.02·(0.5556 + 1.5) / (1 − 0.05)) = √0.043275 = 0.2080.
 */
export function siteRateCV(icc: number, dispersion: number, meanCount: number | null): number {
  if (icc === 0 || (meanCount !== null && meanCount <= 0)) return 0;
  if (meanCount === null) return Math.sqrt(icc / (1 - icc));
  const variance = (icc * (1 / meanCount + dispersion)) / (1 - icc * (1 + dispersion));
  return Math.sqrt(variance);
}
