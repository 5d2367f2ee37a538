/**
 * The variance v of a caseworker's gamma (mean 1) rate multiplier that gives a count outcome the
 * stated intra-class correlation within a caseload.
 *
 * Formula in words: for counts Y ~ Poisson(μ·X·C) with person multiplier X (variance d) and a
 * caseworker multiplier C (variance v) shared by the caseload, two people of one caseload have
 * covariance μ²v and each has variance μ + μ²((1 + d)(1 + v) − 1), so
 * ICC = μ²v / (μ + μ²((1 + d)(1 + v) − 1)); solved for v: v = ICC·(1/μ + d) / (1 − ICC·(1 + d)).
 * The treated arm's mean then has design effect 1 + (m − 1)·ICC for caseloads of m.
 * Reference: the gamma–Poisson random-effects ICC (e.g. Nakagawa, Johnson & Schielzeth 2017,
 * J. R. Soc. Interface 14: 20170213, for the observation-scale ICC of count models); design
 * effect from Donner & Klar (2000).
 *
 * @example icc 0.05, μ = 1.2, d = 1.25 → v = 0.05 × (0.8333 + 1.25) / (1 − 0.05 × 2.25) = 0.11737
 * @throws RangeError when ICC·(1 + d) ≥ 1: no caseworker variance can make counts that alike
 */
export function caseworkerVariance(icc: number, meanCount: number, dispersion: number): number {
  if (!(icc > 0)) return 0;
  const denominator = 1 - icc * (1 + dispersion);
  if (!(denominator > 0) || !(meanCount > 0)) {
    throw new RangeError(
      `caseworker ICC ${icc} is unreachable for a count with mean ${meanCount} and dispersion ${dispersion} (needs ICC < 1/(1 + dispersion))`,
    );
  }
  return (icc * (1 / meanCount + dispersion)) / denominator;
}
