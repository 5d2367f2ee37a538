import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { analyse, analyseSummaries } from '../../../src/core/analysis/analyse.js';
import { summariseArms, type OutcomeData } from '../../../src/core/analysis/outcome-data.js';
import type { AnalysisName } from '../../../src/core/design.js';
import { armsData, fixedData, testRng, TWO_SIDED } from './fixtures.js';

const COUNT_ANALYSES: AnalysisName[] = [
  'poisson-wald', 'quasi-poisson', 'negative-binomial', 'welch-t', 'mann-whitney',
  'two-proportion-z', 'fisher-exact', 'risk-ratio',
];

/** The same people in another order (values, arms and prior counts moved together). */
function reorder(data: OutcomeData, order: readonly number[]): OutcomeData {
  return {
    ...data,
    values: Float64Array.from(order, (i) => data.values[i]),
    treated: Uint8Array.from(order, (i) => data.treated[i]),
    prior: data.prior === null ? null : Float64Array.from(order, (i) => data.prior![i]),
  };
}

const countArm = fc.array(fc.nat(8), { minLength: 0, maxLength: 25 });

describe('analyse', () => {
  property.prop([countArm, countArm, fc.constantFrom(...COUNT_ANALYSES)])(
    'gives the same result from summaries alone as from the people',
    (treatedValues, controlValues, name) => {
      const data = armsData(treatedValues, controlValues, { integerValued: true });
      expect(analyseSummaries(name, summariseArms(data), TWO_SIDED)).toEqual(analyse(name, data, TWO_SIDED, testRng(1)));
    },
  );

  property.prop([countArm, countArm, fc.constantFrom(...COUNT_ANALYSES), fc.integer()])(
    'is unchanged when the rows are reordered (counts)',
    (treatedValues, controlValues, name, seed) => {
      const data = armsData(treatedValues, controlValues, { integerValued: true });
      const order = fc.sample(fc.shuffledSubarray([...data.values.keys()], { minLength: data.values.length }), { numRuns: 1, seed })[0];
      expect(analyse(name, reorder(data, order), TWO_SIDED, testRng(1))).toEqual(analyse(name, data, TWO_SIDED, testRng(1)));
    },
  );

  property.prop([fc.constantFrom<AnalysisName>('welch-t', 'mann-whitney', 'quasi-poisson'), fc.integer()])(
    'is unchanged, up to rounding of sums, when harm rows are reordered',
    (name, seed) => {
      const data = fixedData('harm');
      const order = fc.sample(fc.shuffledSubarray([...data.values.keys()], { minLength: data.values.length }), { numRuns: 1, seed })[0];
      const original = analyse(name, data, TWO_SIDED, testRng(1));
      const shuffled = analyse(name, reorder(data, order), TWO_SIDED, testRng(1));
      for (const key of ['logEstimate', 'standardError', 'lower', 'upper', 'pValue'] as const) {
        expect(shuffled[key]).toBeCloseTo(original[key], 12);
      }
    },
  );

  property.prop([fc.integer()], { numRuns: 20 })('prior-adjusted negative binomial is unchanged when the rows are reordered', (seed) => {
    const data = fixedData('counts');
    const order = fc.sample(fc.shuffledSubarray([...data.values.keys()], { minLength: data.values.length }), { numRuns: 1, seed })[0];
    const plan = { ...TWO_SIDED, adjustForPrior: true };
    expect(analyse('negative-binomial', reorder(data, order), plan, testRng(1))).toEqual(analyse('negative-binomial', data, plan, testRng(1)));
  });

  test('adjusts the negative binomial for the prior count when asked and the prior is present', () => {
    // MASS::glm.nb(y ~ arm + log(prior + 1)) arm estimate -0.38500385349 (negative-binomial-with-prior.test.ts)
    const adjusted = analyse('negative-binomial', fixedData('counts'), { ...TWO_SIDED, adjustForPrior: true }, testRng(1));
    expect(adjusted.logEstimate).toBeCloseTo(-0.38500385349, 8);
    const unadjusted = analyse('negative-binomial', fixedData('counts'), TWO_SIDED, testRng(1));
    expect(unadjusted.logEstimate).toBeCloseTo(-0.231111720963, 9);
  });

  test('says which analyses need the people', () => {
    expect(analyseSummaries('permutation', summariseArms(fixedData('counts')), TWO_SIDED)).toBeNull();
    expect(analyseSummaries('mann-whitney', summariseArms(fixedData('harm')), TWO_SIDED)).toBeNull();
    expect(analyse('mann-whitney', fixedData('harm'), TWO_SIDED, testRng(1)).failed).toBe(false);
  });

  test('returns failed results with reasons, not exceptions, when an arm has no events', () => {
    const data = armsData([0, 0, 0, 0], [1, 0, 2, 3]);
    const failures: Partial<Record<AnalysisName, string>> = {
      'poisson-wald': 'an arm has no events',
      'quasi-poisson': 'an arm has no events',
      'negative-binomial': 'an arm has no events',
      // the mean-based estimate beside these tests is log(0/m0)
      'welch-t': 'an arm mean is 0',
      'mann-whitney': 'an arm mean is 0',
      permutation: 'an arm mean is 0',
    };
    for (const [name, failure] of Object.entries(failures)) {
      expect(analyse(name as AnalysisName, data, TWO_SIDED, testRng(1))).toMatchObject({ failed: true, failure, pValue: NaN });
    }
    // The binary tests are defined here; their estimate is Haldane-corrected.
    for (const name of ['two-proportion-z', 'fisher-exact', 'risk-ratio'] as const) {
      const result = analyse(name, data, TWO_SIDED, testRng(1));
      expect(result.failed).toBe(false);
      expect(Number.isFinite(result.logEstimate)).toBe(true);
    }
  });
});

describe('analyseSummaries', () => {
  test('accepts counts-of-counts of different lengths in the two arms', () => {
    const data = armsData([0, 1, 1, 2], [0, 0, 3, 7, 1, 2]);
    const summaries = summariseArms(data);
    const trimmed = { ...summaries, treated: { ...summaries.treated, histogram: summaries.treated.histogram!.slice(0, 3) } };
    for (const name of ['negative-binomial', 'mann-whitney'] as const) {
      expect(analyseSummaries(name, trimmed, TWO_SIDED)).toEqual(analyse(name, data, TWO_SIDED, testRng(1)));
    }
  });
});
