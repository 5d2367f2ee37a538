/**
 * The ICC → site rate CV conversion, checked against counts simulated outside trialsim.
 */
import { describe, expect, test } from 'vitest';
import { siteRateCV } from '../../src/scenario/site-rate-cv.js';

describe('siteRateCV', () => {
  test('inverts the ICC measured on simulated gamma–Poisson counts with a known site CV', () => {
    // NumPy 2.4, seed 20261126: 4,000,000 sites, site multiplier gamma with CV 0.3 (v = 0.09),
    // propensity gamma variance 1.5, mean count 1.8; two people per site, Y ~ Poisson(1.8·S·P).
    //   S = rng.gamma(1/v, v, n); Y1 = rng.poisson(m*S*rng.gamma(1/d, d, n)); Y2 likewise
    //   icc = cov(Y1, Y2) / var(Y1 ∪ Y2)  → 0.03858, SE 0.00050 (20 batches)
    const icc = 0.03858;
    const se = 0.0005;
    const low = siteRateCV(icc - 4 * se, 1.5, 1.8);
    const high = siteRateCV(icc + 4 * se, 1.5, 1.8);
    expect(low).toBeLessThan(0.3);
    expect(high).toBeGreaterThan(0.3);
  });

  test('no ICC, or an outcome with no events, gives no site variation', () => {
    expect(siteRateCV(0, 1.5, 1.8)).toBe(0);
    expect(siteRateCV(0.02, 1.5, 0)).toBe(0);
  });

  test('a larger ICC needs a larger site multiplier', () => {
    expect(siteRateCV(0.04, 1, 1)).toBeGreaterThan(siteRateCV(0.02, 1, 1));
  });

  test('is the square root of the site multiplier variance that gives back the ICC through the forward model', () => {
    // Y ~ Poisson(m·S·P), Var S = v, Var P = d, S shared at a site: Cov = m²v, Var Y = m + m²((1 + d)(1 + v) − 1).
    const [icc, d, m] = [0.05, 1.25, 1.2];
    const v = siteRateCV(icc, d, m) ** 2;
    expect((m * m * v) / (m + m * m * ((1 + d) * (1 + v) - 1))).toBeCloseTo(icc, 14);
  });
});
