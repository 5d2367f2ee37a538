import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { testNegativeBinomial } from '../../../src/core/analysis/negative-binomial.js';
import { testNegativeBinomialWithPrior } from '../../../src/core/analysis/negative-binomial-with-prior.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { armsData, COUNTS, fixedData, PRIOR, TREATED_COUNT, TWO_SIDED } from './fixtures.js';

describe('negative-binomial test adjusted for the prior count', () => {
  test('matches MASS::glm.nb(y ~ arm + log(prior + 1)) on the fixed count data', () => {
    // R 4.2.2, MASS 7.3-58.2, control = glm.control(epsilon = 1e-13, maxit = 200)
    // (test/core/analysis/reference-values.R), row of arm:
    // nb prior: -0.38500385349 0.276202806847 -1.39391723743 0.163342598357, theta 1.53275035425
    const data = fixedData('counts');
    const result = testNegativeBinomialWithPrior(data, data.prior!, summariseArms(data), TWO_SIDED);
    expect(result.failed).toBe(false);
    expect(result.logEstimate).toBeCloseTo(-0.38500385349, 8);
    expect(result.standardError).toBeCloseTo(0.276202806847, 8);
    expect(result.pValue).toBeCloseTo(0.163342598357, 8);
    expect(result.dispersion).toBeCloseTo(1 / 1.53275035425, 8);
  });

  test('gives the same fit when prior counts are too spread to group by value', () => {
    // With prior' = (prior + 1)²(1 + 1e-9) − 1, log(prior' + 1) = 2·log(prior + 1) + 1e-9: only b2
    // changes (halves), b1 and its SE do not; the non-whole values force one cell per person.
    const data = fixedData('counts');
    const spread = armsData(COUNTS.slice(0, TREATED_COUNT), COUNTS.slice(TREATED_COUNT), {
      prior: PRIOR.map((p) => (p + 1) ** 2 * (1 + 1e-9) - 1),
    });
    const grouped = testNegativeBinomialWithPrior(data, data.prior!, summariseArms(data), TWO_SIDED);
    const perPerson = testNegativeBinomialWithPrior(spread, spread.prior!, summariseArms(spread), TWO_SIDED);
    expect(perPerson.logEstimate).toBeCloseTo(grouped.logEstimate, 7);
    expect(perPerson.standardError).toBeCloseTo(grouped.standardError, 7);
  });

  test('drops a covariate that is the same for everyone, as R aliases it', () => {
    const data = armsData([0, 0, 1, 2], [0, 1, 5, 0, 2, 0], { prior: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] });
    const summaries = summariseArms(data);
    expect(testNegativeBinomialWithPrior(data, data.prior!, summaries, TWO_SIDED)).toEqual(
      testNegativeBinomial(summaries, TWO_SIDED),
    );
  });

  test('fails when an arm total is zero', () => {
    const data = armsData([0, 0, 0], [1, 4, 0], { prior: [0, 1, 2, 0, 1, 2] });
    expect(testNegativeBinomialWithPrior(data, data.prior!, summariseArms(data), TWO_SIDED).failed).toBe(true);
  });
});

interface ReferenceCase {
  y: number[];
  arm: number[];
  prior: number[];
  /** glm.nb(y ~ arm): arm's estimate, SE, p, and theta. */
  plain: [number, number, number, number];
  /** glm.nb(y ~ arm + log(prior + 1)), or null where glm.nb stopped with an error. */
  adjusted: [number, number, number, number] | null;
  /** glm(…, family = poisson): arm's estimate, SE, p, and Σ(y − μ)² − Σy at its fit. */
  adjustedPoisson: [number, number, number, number];
}

describe('negative binomial on 24 random trials fitted by R', () => {
  // Rscript test/core/analysis/glm-nb-reference.R > test/core/analysis/glm-nb-reference.json
  // (R 4.2.2, MASS 7.3-58.2, glm.control(epsilon = 1e-13)). glm.nb stops its theta search at a
  // Newton step of 1.2e-4 (eps^0.25), which leaves differences of up to ~1e-8 in its results;
  // 1e-7 allows for that, and nothing else.
  const cases = JSON.parse(
    readFileSync(new URL('./glm-nb-reference.json', import.meta.url), 'utf8'),
  ) as ReferenceCase[];
  const tolerance = 1e-7;

  test.each(cases.map((c, i) => [i, c] as const))('case %i matches glm.nb with and without the prior count', (_, c) => {
    const data = armsData(
      c.y.filter((_, i) => c.arm[i] === 1),
      c.y.filter((_, i) => c.arm[i] === 0),
      { prior: [...c.prior.filter((_, i) => c.arm[i] === 1), ...c.prior.filter((_, i) => c.arm[i] === 0)] },
    );
    const summaries = summariseArms(data);
    const plain = testNegativeBinomial(summaries, TWO_SIDED);
    expect(Math.abs(plain.logEstimate - c.plain[0])).toBeLessThan(tolerance);
    expect(Math.abs(plain.standardError - c.plain[1])).toBeLessThan(tolerance);
    expect(Math.abs(plain.pValue - c.plain[2])).toBeLessThan(tolerance);
    const adjusted = testNegativeBinomialWithPrior(data, data.prior!, summaries, TWO_SIDED);
    // Where glm.nb failed, the counts are not overdispersed about the Poisson fit, so its fit
    // is the maximum likelihood (k = 0).
    const expected = c.adjusted ?? c.adjustedPoisson;
    if (c.adjusted === null) {
      expect(c.adjustedPoisson[3]).toBeLessThan(0);
      expect(adjusted.dispersion).toBe(0);
    }
    expect(Math.abs(adjusted.logEstimate - expected[0])).toBeLessThan(tolerance);
    expect(Math.abs(adjusted.standardError - expected[1])).toBeLessThan(tolerance);
    expect(Math.abs(adjusted.pValue - expected[2])).toBeLessThan(tolerance);
  });
});

describe('negative binomial with the prior count on hard, sparse trials', () => {
  // Trials where glm.nb's alternation stalls ("alternation limit reached") or errors, where
  // Fisher scoring oscillates, or where b2 heads to −∞ (no events above prior 0). Reference:
  // an independent maximisation of the profile likelihood in R (glm with
  // negative.binomial(theta) + optimize on log theta, tol 1e-12):
  // Rscript test/core/analysis/glm-nb-hard-cases.R > test/core/analysis/glm-nb-hard-cases.json
  // The profile is flat near its maximum (theta 80–4e7), so optimize's theta is good to ~1e-6
  // relative and b1 to ~1e-8; case 2 is at the Poisson limit, which optimize approaches as
  // theta = 4e7 (SE 1 + 1.7e-9): 1e-6 allows for those, and nothing else.
  const cases = JSON.parse(readFileSync(new URL('./glm-nb-hard-cases.json', import.meta.url), 'utf8')) as {
    y: number[];
    arm: number[];
    prior: number[];
    adjusted: [number, number, number, number | null];
  }[];
  test.each(cases.map((c, i) => [i, c] as const))('case %i reaches the maximum likelihood', (_, c) => {
    const pick = (values: number[], arm: number) => values.filter((_, i) => c.arm[i] === arm);
    const data = armsData(pick(c.y, 1), pick(c.y, 0), { prior: [...pick(c.prior, 1), ...pick(c.prior, 0)] });
    const result = testNegativeBinomialWithPrior(data, data.prior!, summariseArms(data), TWO_SIDED);
    expect(result.failed).toBe(false);
    expect(Math.abs(result.logEstimate - c.adjusted[0])).toBeLessThan(1e-6);
    expect(Math.abs(result.standardError - c.adjusted[1])).toBeLessThan(1e-6);
    expect(Math.abs(result.pValue - c.adjusted[2])).toBeLessThan(1e-6);
  });
});
