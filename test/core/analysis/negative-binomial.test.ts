import { describe, expect, test } from 'vitest';
import { testNegativeBinomial } from '../../../src/core/analysis/negative-binomial.js';
import { testPoissonWald } from '../../../src/core/analysis/poisson-wald.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { armsData, fixedData, ONE_SIDED, TWO_SIDED } from './fixtures.js';

// Reference values: R 4.2.2, MASS 7.3-58.2, glm.nb(y ~ arm, control = glm.control(epsilon =
// 1e-13, maxit = 200)), coefficient row of arm (estimate, SE, z, p) and theta; the script is
// test/core/analysis/reference-values.R. glm.nb's own convergence leaves ~1e-9 differences.
describe('negative-binomial test (no covariate)', () => {
  test('matches MASS::glm.nb on the fixed count data', () => {
    // nb: -0.231111720963 0.283858079495 -0.814180527729 0.415541538908, theta 1.22126271354
    const result = testNegativeBinomial(summariseArms(fixedData('counts')), TWO_SIDED);
    expect(result.logEstimate).toBeCloseTo(-0.231111720963, 9);
    expect(result.standardError).toBeCloseTo(0.283858079495, 9);
    expect(result.pValue).toBeCloseTo(0.415541538908, 9);
  });

  test('matches MASS::glm.nb on a tiny dataset, and its one-sided p is Φ(z)', () => {
    // y <- c(0,0,1,2, 0,1,5,0,2,0); a <- c(1,1,1,1, 0,0,0,0,0,0); glm.nb(y ~ a):
    // theta 0.9565885528, estimate -0.5753641449, SE 0.9454675926, z -0.6085498323, p 0.5428228659;
    // pnorm(-0.6085498323) = 0.271411432930
    const summaries = summariseArms(armsData([0, 0, 1, 2], [0, 1, 5, 0, 2, 0]));
    const result = testNegativeBinomial(summaries, TWO_SIDED);
    expect(result.logEstimate).toBeCloseTo(-0.5753641449, 9);
    expect(result.standardError).toBeCloseTo(0.9454675926, 8);
    expect(result.pValue).toBeCloseTo(0.5428228659, 8);
    expect(testNegativeBinomial(summaries, ONE_SIDED).pValue).toBeCloseTo(0.27141143293, 8);
  });

  test('gives exactly the Poisson Wald result, and reports k = 0, when the counts are not overdispersed', () => {
    const summaries = summariseArms(armsData([1, 1, 2, 1, 1, 2], [2, 2, 1, 2, 2, 3]));
    expect(testNegativeBinomial(summaries, TWO_SIDED)).toEqual({
      ...testPoissonWald(summaries, TWO_SIDED),
      dispersion: 0,
    });
  });

  test('reports the fitted dispersion k = 1/theta', () => {
    // glm.nb theta 1.22126271354 (fixed data) and 0.9565885528 (tiny dataset), as above
    expect(testNegativeBinomial(summariseArms(fixedData('counts')), TWO_SIDED).dispersion).toBeCloseTo(
      1 / 1.22126271354,
      8,
    );
    expect(
      testNegativeBinomial(summariseArms(armsData([0, 0, 1, 2], [0, 1, 5, 0, 2, 0])), TWO_SIDED).dispersion,
    ).toBeCloseTo(1 / 0.9565885528, 8);
  });

  test('fails when an arm total is zero or the values are not counts', () => {
    expect(testNegativeBinomial(summariseArms(armsData([0, 0, 0], [1, 4, 0])), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'an arm has no events',
    });
    expect(testNegativeBinomial(summariseArms(armsData([0.5, 1], [1, 4])), TWO_SIDED).failed).toBe(true);
  });
});
