import { describe, expect, test } from 'vitest';
import { testWelchT } from '../../../src/core/analysis/welch-t.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { armsData, fixedData, ONE_SIDED, TWO_SIDED } from './fixtures.js';

// Student t probabilities and quantiles are accurate to ~1e-13 (src/core/distributions/student-t.ts).
const T_DIGITS = 10;

describe('Welch t test', () => {
  test('matches R t.test on the fixed count and harm data', () => {
    // R 4.2.2 (test/core/analysis/reference-values.R): t.test(y[arm==1], y[arm==0])$p.value
    // = 0.408461977141; harm 0.914985905976, alternative = "less" 0.457492952988
    expect(testWelchT(summariseArms(fixedData('counts')), TWO_SIDED).pValue).toBeCloseTo(0.408461977141, T_DIGITS);
    expect(testWelchT(summariseArms(fixedData('harm')), TWO_SIDED).pValue).toBeCloseTo(0.914985905976, T_DIGITS);
    expect(testWelchT(summariseArms(fixedData('harm')), ONE_SIDED).pValue).toBeCloseTo(0.457492952988, T_DIGITS);
  });

  test('reports the log ratio of means with a delta-method t interval', () => {
    // R: x <- c(0,1,2,5); y <- c(1,3,4,6); t.test(x, y)$p.value = 0.355968234495;
    // v1 <- var(x)/(4*2^2); v0 <- var(y)/(4*3.5^2); se <- sqrt(v1+v0) = 0.616524160773;
    // df <- (v1+v0)^2/(v1^2/3+v0^2/3) = 4.6660724711; log(2/3.5) ∓ qt(0.975, df)*se =
    // -2.17917043722, 1.05993886135
    const result = testWelchT(summariseArms(armsData([0, 1, 2, 5], [1, 3, 4, 6])), TWO_SIDED);
    expect(result.pValue).toBeCloseTo(0.355968234495, T_DIGITS);
    expect(result.logEstimate).toBeCloseTo(Math.log(2 / 3.5), 14);
    expect(result.standardError).toBeCloseTo(0.616524160773, 11);
    expect(result.lower).toBeCloseTo(-2.17917043722, T_DIGITS);
    expect(result.upper).toBeCloseTo(1.05993886135, T_DIGITS);
  });

  test('fails when a mean is zero or both arms have no variance', () => {
    expect(testWelchT(summariseArms(armsData([0, 0, 0], [1, 3, 4])), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'an arm mean is 0',
    });
    expect(testWelchT(summariseArms(armsData([2, 2, 2], [1, 1])), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'no variation within arms',
    });
    expect(testWelchT(summariseArms(armsData([2], [1, 3])), TWO_SIDED).failed).toBe(true);
  });
});
