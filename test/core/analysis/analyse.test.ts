import { readFileSync } from 'node:fs';
import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { analyse, analysisNeeds } from '../../../src/core/analysis/analyse.js';
import { summariseArms, type ArmSummaries } from '../../../src/core/analysis/outcome-data.js';
import type { AnalysisName } from '../../../src/core/design.js';
import { analysePeople, armsData, fixedData, testRng, TWO_SIDED, type ArmsData } from './fixtures.js';

/** The analysis on arm summaries alone, as the cell form gives them for counts and binaries. */
function analyseSummaries(name: AnalysisName, summaries: ArmSummaries) {
  return analyse(name, { summaries, people: null, clusters: null, rerandomiser: null }, TWO_SIDED, null);
}

const COUNT_ANALYSES: AnalysisName[] = [
  'poisson-wald',
  'quasi-poisson',
  'negative-binomial',
  'welch-t',
  'mann-whitney',
  'two-proportion-z',
  'fisher-exact',
  'risk-ratio',
];

/** The same people in another order (values, arms and prior counts moved together). */
function reorder(data: ArmsData, order: readonly number[]): ArmsData {
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
      expect(analyseSummaries(name, summariseArms(data))).toEqual(analysePeople(name, data, TWO_SIDED, testRng(1)));
    },
  );

  property.prop([countArm, countArm, fc.constantFrom(...COUNT_ANALYSES), fc.integer()])(
    'is unchanged when the rows are reordered (counts)',
    (treatedValues, controlValues, name, seed) => {
      const data = armsData(treatedValues, controlValues, { integerValued: true });
      const order = fc.sample(fc.shuffledSubarray([...data.values.keys()], { minLength: data.values.length }), {
        numRuns: 1,
        seed,
      })[0];
      expect(analysePeople(name, reorder(data, order), TWO_SIDED, testRng(1))).toEqual(
        analysePeople(name, data, TWO_SIDED, testRng(1)),
      );
    },
  );

  property.prop([fc.constantFrom<AnalysisName>('welch-t', 'mann-whitney', 'quasi-poisson'), fc.integer()])(
    'is unchanged, up to rounding of sums, when harm rows are reordered',
    (name, seed) => {
      const data = fixedData('harm');
      const order = fc.sample(fc.shuffledSubarray([...data.values.keys()], { minLength: data.values.length }), {
        numRuns: 1,
        seed,
      })[0];
      const original = analysePeople(name, data, TWO_SIDED, testRng(1));
      const shuffled = analysePeople(name, reorder(data, order), TWO_SIDED, testRng(1));
      for (const key of ['logEstimate', 'standardError', 'lower', 'upper', 'pValue'] as const) {
        expect(shuffled[key]).toBeCloseTo(original[key], 12);
      }
    },
  );

  property.prop([fc.integer()], { numRuns: 20 })(
    'prior-adjusted negative binomial is unchanged when the rows are reordered',
    (seed) => {
      const data = fixedData('counts');
      const order = fc.sample(fc.shuffledSubarray([...data.values.keys()], { minLength: data.values.length }), {
        numRuns: 1,
        seed,
      })[0];
      const plan = { ...TWO_SIDED, adjustForPrior: true };
      expect(analysePeople('negative-binomial', reorder(data, order), plan, testRng(1))).toEqual(
        analysePeople('negative-binomial', data, plan, testRng(1)),
      );
    },
  );

  test('adjusts the negative binomial for the prior count when asked and the prior is present', () => {
    // MASS::glm.nb(y ~ arm + log(prior + 1)) arm estimate -0.38500385349 (negative-binomial-with-prior.test.ts)
    const adjusted = analysePeople(
      'negative-binomial',
      fixedData('counts'),
      { ...TWO_SIDED, adjustForPrior: true },
      testRng(1),
    );
    expect(adjusted.logEstimate).toBeCloseTo(-0.38500385349, 8);
    const unadjusted = analysePeople('negative-binomial', fixedData('counts'), TWO_SIDED, testRng(1));
    expect(unadjusted.logEstimate).toBeCloseTo(-0.231111720963, 9);
  });

  test('says what each analysis reads beyond the sums, and ranks continuous values only with the people', () => {
    expect(analysisNeeds('quasi-poisson')).toEqual({
      histogram: false,
      people: false,
      clusters: false,
      rerandomiser: false,
    });
    expect(analysisNeeds('permutation').rerandomiser).toBe(true);
    expect(analysisNeeds('cluster-summary').clusters).toBe(true);
    expect(analysisNeeds('mann-whitney')).toMatchObject({ histogram: true, people: true });
    expect(() => analyseSummaries('mann-whitney', summariseArms(fixedData('harm')))).toThrow(
      /needs the analysed people/,
    );
    expect(analysePeople('mann-whitney', fixedData('harm'), TWO_SIDED, testRng(1)).failed).toBe(false);
  });

  test('fails a permutation test without a re-randomiser, and a cluster-level analysis without clusters', () => {
    const summaries = summariseArms(fixedData('counts'));
    expect(analyseSummaries('permutation', summaries).failure).toBe('no re-randomisation mechanism');
    expect(analyseSummaries('cluster-summary', summaries).failure).toMatch(/no clusters/);
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
      expect(analysePeople(name as AnalysisName, data, TWO_SIDED, testRng(1))).toMatchObject({
        failed: true,
        failure,
        pValue: NaN,
      });
    }
    // The binary tests are defined here; their estimate is Haldane-corrected.
    for (const name of ['two-proportion-z', 'fisher-exact', 'risk-ratio'] as const) {
      const result = analysePeople(name, data, TWO_SIDED, testRng(1));
      expect(result.failed).toBe(false);
      expect(Number.isFinite(result.logEstimate)).toBe(true);
    }
  });
});

describe('analyse on summaries alone', () => {
  test('accepts counts-of-counts of different lengths in the two arms', () => {
    const data = armsData([0, 1, 1, 2], [0, 0, 3, 7, 1, 2]);
    const summaries = summariseArms(data);
    const trimmed = {
      ...summaries,
      treated: { ...summaries.treated, histogram: summaries.treated.histogram!.slice(0, 3) },
    };
    for (const name of ['negative-binomial', 'mann-whitney'] as const) {
      expect(analyseSummaries(name, trimmed)).toEqual(analysePeople(name, data, TWO_SIDED, testRng(1)));
    }
  });
});

interface ReferenceTrial {
  n1: number;
  y: number[];
  harm: number[];
  propTwo: number;
  propLess: number;
  fisherTwo: number;
  fisherLess: number;
  quasiCounts: number[];
  quasiHarm: number[];
  nb: number[];
  welchCounts: number;
  welchHarm: number;
  welchHarmLess: number;
  wilcoxCounts: number;
  wilcoxCountsLess: number;
  wilcoxHarm: number;
}

describe('analyse on 19 random trials analysed by R', () => {
  // Rscript test/core/analysis/all-analyses-reference.R > test/core/analysis/all-analyses-reference.json
  // (R 4.2.2, MASS 7.3-58.2): prop.test(correct = FALSE), fisher.test, glm(quasipoisson),
  // glm.nb, t.test, wilcox.test(exact = FALSE) on NB counts, lognormal harm and any-event
  // binaries. Tolerances: 1e-10, except 1e-7 where R's own fit stops short: glm.nb (theta search
  // stops at a 1.2e-4 step) and quasi-Poisson's SE and p (below).
  const trials = JSON.parse(
    readFileSync(new URL('./all-analyses-reference.json', import.meta.url), 'utf8'),
  ) as ReferenceTrial[];
  const ONE = { ...TWO_SIDED, sides: 'one' as const };

  test.each(trials.map((t, i) => [i, t] as const))('trial %i', (_, t) => {
    const split = (values: number[], integerValued: boolean) =>
      armsData(values.slice(0, t.n1), values.slice(t.n1), { integerValued });
    const counts = split(t.y, true);
    const harm = split(t.harm, false);
    const binary = split(
      t.y.map((v) => (v > 0 ? 1 : 0)),
      true,
    );
    const run = (name: AnalysisName, data: ArmsData, plan = TWO_SIDED) => analysePeople(name, data, plan, testRng(1));
    const close = (actual: number, expected: number, tolerance: number, what: string) =>
      expect(Math.abs(actual - expected), what).toBeLessThan(tolerance);

    close(run('two-proportion-z', binary).pValue, t.propTwo, 1e-10, 't.propTwo');
    close(run('two-proportion-z', binary, ONE).pValue, t.propLess, 1e-10, 't.propLess');
    close(run('fisher-exact', binary).pValue, t.fisherTwo, 1e-10, 't.fisherTwo');
    close(run('fisher-exact', binary, ONE).pValue, t.fisherLess, 1e-10, 't.fisherLess');
    for (const [data, expected] of [
      [counts, t.quasiCounts],
      [harm, t.quasiHarm],
    ] as const) {
      const result = run('quasi-poisson', data);
      close(result.logEstimate, expected[0], 1e-10, 'quasi-poisson result.logEstimate');
      // summary.glm's dispersion uses the working weights of the last IRLS step's start, so R's SE
      // lags the converged fit by up to ~1e-8 here (a deviance change of 1e-14 allows that)
      close(result.standardError, expected[1], 1e-7, 'quasi-poisson result.standardError');
      close(result.pValue, expected[2], 1e-7, 'quasi-poisson result.pValue');
    }
    const nb = run('negative-binomial', counts);
    close(nb.logEstimate, t.nb[0], 1e-7, 't.nb[0]');
    close(nb.standardError, t.nb[1], 1e-7, 't.nb[1]');
    close(nb.pValue, t.nb[2], 1e-7, 't.nb[2]');
    close(run('welch-t', counts).pValue, t.welchCounts, 1e-10, 't.welchCounts');
    close(run('welch-t', harm).pValue, t.welchHarm, 1e-10, 't.welchHarm');
    close(run('welch-t', harm, ONE).pValue, t.welchHarmLess, 1e-10, 't.welchHarmLess');
    close(run('mann-whitney', counts).pValue, t.wilcoxCounts, 1e-10, 't.wilcoxCounts');
    close(run('mann-whitney', counts, ONE).pValue, t.wilcoxCountsLess, 1e-10, 't.wilcoxCountsLess');
    close(run('mann-whitney', harm).pValue, t.wilcoxHarm, 1e-10, 't.wilcoxHarm');
  });
});
