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
