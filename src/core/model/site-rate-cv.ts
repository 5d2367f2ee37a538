import { caseworkerVariance } from './caseworker-variance.js';

/**
 * The coefficient of variation of the gamma (mean 1) site rate multiplier that gives a count
 * outcome the stated between-site intra-class correlation — for the scenario loader, which
 * turns a scenario's site `icc` into `Sites.rateCV`.
 *
 * Formula in words: the same gamma–Poisson algebra as for caseworkers, with the site multiplier
 * shared by everyone at a site: variance v = ICC·(1/μ + d)/(1 − ICC·(1 + d)), and CV = √v, where
 * μ is the mean count per person over follow-up and d the person-level dispersion.
 * Reference: as `caseworkerVariance`; the cluster design effect 1 + (m − 1)·ICC (Donner & Klar 2000).
 *
 * @example icc 0.05, μ = 1.2, d = 1.25 → v = 0.11737, rateCV = 0.34259
 * @throws RangeError when ICC·(1 + d) ≥ 1
 */
export function siteRateCV(icc: number, meanCount: number, dispersion: number): number {
  return Math.sqrt(caseworkerVariance(icc, meanCount, dispersion));
}
