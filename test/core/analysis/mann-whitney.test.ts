import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { testMannWhitney, testMannWhitneyOnValues } from '../../../src/core/analysis/mann-whitney.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { testWelchT } from '../../../src/core/analysis/welch-t.js';
import { armsData, fixedData, ONE_SIDED, TWO_SIDED } from './fixtures.js';

function byValues(data: ReturnType<typeof armsData>, plan = TWO_SIDED) {
  return testMannWhitneyOnValues(data, summariseArms(data), plan);
}

describe('Mann–Whitney test', () => {
  test('matches R wilcox.test(exact = FALSE, correct = TRUE) from counts-of-counts', () => {
    // R 4.2.2 (test/core/analysis/reference-values.R): counts p 0.482793306752, "less" 0.241396653376;
    // wilcox.test(c(0,1,2,5), c(1,3,4,6), exact = FALSE)$p.value = 0.383630327132
    expect(testMannWhitney(summariseArms(fixedData('counts')), TWO_SIDED)?.pValue).toBeCloseTo(0.482793306752, 11);
    expect(testMannWhitney(summariseArms(fixedData('counts')), ONE_SIDED)?.pValue).toBeCloseTo(0.241396653376, 11);
    expect(testMannWhitney(summariseArms(armsData([0, 1, 2, 5], [1, 3, 4, 6])), TWO_SIDED)?.pValue).toBeCloseTo(
      0.383630327132,
      11,
    );
  });

  test('matches R on continuous harm values, with ties at zero', () => {
    // harm p 0.728468544535, "less" 0.364234272268;
    // wilcox.test(c(0.5, 2.5), c(1.5, 3.5, 4.5), exact = FALSE)$p.value = 0.386476230771
    expect(byValues(fixedData('harm')).pValue).toBeCloseTo(0.728468544535, 11);
    expect(byValues(fixedData('harm'), ONE_SIDED).pValue).toBeCloseTo(0.364234272268, 11);
    expect(byValues(armsData([0.5, 2.5], [1.5, 3.5, 4.5])).pValue).toBeCloseTo(0.386476230771, 11);
  });

  test('needs values when there are no counts-of-counts', () => {
    expect(testMannWhitney(summariseArms(fixedData('harm')), TWO_SIDED)).toBeNull();
  });

  property.prop([
    fc.array(fc.nat(6), { minLength: 1, maxLength: 30 }),
    fc.array(fc.nat(6), { minLength: 1, maxLength: 30 }),
  ])('gives exactly the same result from counts-of-counts as from sorted values', (treatedValues, controlValues) => {
    const data = armsData(treatedValues, controlValues);
    expect(testMannWhitney(summariseArms(data), TWO_SIDED)).toEqual(byValues(data));
  });

  test('reports the log ratio of means beside the rank test, as Welch does', () => {
    const summaries = summariseArms(fixedData('counts'));
    const ranks = testMannWhitney(summaries, TWO_SIDED)!;
    const welch = testWelchT(summaries, TWO_SIDED);
    expect([ranks.logEstimate, ranks.standardError, ranks.lower, ranks.upper]).toEqual([
      welch.logEstimate,
      welch.standardError,
      welch.lower,
      welch.upper,
    ]);
  });

  test('fails when every value is tied', () => {
    expect(testMannWhitney(summariseArms(armsData([1, 1], [1, 1, 1])), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'every value is tied',
    });
  });
});
