import { describe, expect, test } from 'vitest';
import { testByPermutation } from '../../../src/core/analysis/permutation.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import type { AnalysisPlan } from '../../../src/core/design.js';
import { drawGamma } from '../../../src/core/distributions/gamma.js';
import { drawPoisson } from '../../../src/core/distributions/poisson.js';
import {
  armsData,
  completeRerandomiser,
  drawCompleteAssignment,
  testRng,
  TWO_SIDED,
  ONE_SIDED,
  type ArmsData,
} from './fixtures.js';

function permutationPValue(data: ArmsData, plan: AnalysisPlan, seed: number): number {
  return testByPermutation(summariseArms(data), data.rerandomiser, plan, testRng(seed)).pValue;
}

/** Every way to choose `size` of `total` people, as 0/1 assignments. */
function allAssignments(total: number, size: number): Uint8Array[] {
  const found: Uint8Array[] = [];
  const walk = (start: number, chosen: number[]) => {
    if (chosen.length === size) {
      const assignment = new Uint8Array(total);
      for (const i of chosen) assignment[i] = 1;
      found.push(assignment);
      return;
    }
    for (let i = start; i < total; i++) walk(i + 1, [...chosen, i]);
  };
  walk(0, []);
  return found;
}

function meanDifference(values: readonly number[], assignment: Uint8Array): number {
  let sum1 = 0,
    n1 = 0,
    sum0 = 0;
  values.forEach((v, i) => {
    if (assignment[i] === 1) {
      sum1 += v;
      n1++;
    } else sum0 += v;
  });
  return sum1 / n1 - sum0 / (values.length - n1);
}

/** Share of the given assignments whose |difference in means| reaches the observed one. */
function exactPValue(values: readonly number[], observed: number, assignments: Uint8Array[]): number {
  const extreme = assignments.filter((a) => Math.abs(meanDifference(values, a)) >= Math.abs(observed) - 1e-12);
  return extreme.length / assignments.length;
}

describe('permutation test', () => {
  // 2 treated of 8: the randomisation distribution has C(8, 2) = 28 equally likely assignments.
  const treatedValues = [7, 4];
  const controlValues = [0, 1, 1, 2, 3, 9];
  const values = [...treatedValues, ...controlValues];
  const data = armsData(treatedValues, controlValues);
  const observed = meanDifference(values, data.treated);

  test('converges to the exact randomisation p-value of an unequal design (2 of 8 treated)', () => {
    const exact = exactPValue(values, observed, allAssignments(8, 2)); // 8/28
    const permutations = 20_000;
    const p = permutationPValue(data, { ...TWO_SIDED, permutations }, 11);
    const mcError = Math.sqrt((exact * (1 - exact)) / permutations);
    expect(Math.abs(p - exact)).toBeLessThan(4 * mcError);
    // A midpoint split (4 vs 4) of the pooled data has another null distribution: its p-value is
    // far outside that band, so an implementation with that bug fails the assertion above.
    const midpoint = exactPValue(values, observed, allAssignments(8, 4));
    expect(Math.abs(midpoint - exact)).toBeGreaterThan(10 * mcError);
  });

  test('one-sided p counts re-drawn differences at or below the observed one', () => {
    const assignments = allAssignments(8, 2);
    const exact = assignments.filter((a) => meanDifference(values, a) <= observed + 1e-12).length / assignments.length;
    const permutations = 20_000;
    const p = permutationPValue(data, { ...ONE_SIDED, permutations }, 12);
    expect(Math.abs(p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / permutations));
  });

  test('has valid size with unequal arms (45 vs 120) on skewed counts under the null', () => {
    // 400 null datasets (NB counts, mean 1.5, k = 2, same for both arms), 199 re-draws each:
    // with exchangeable data the test rejects at exactly alpha = 10/200 = 0.05 in expectation.
    const datasets = 400;
    const rng = testRng(2026);
    let rejections = 0;
    for (let d = 0; d < datasets; d++) {
      const values = Float64Array.from({ length: 165 }, () => drawPoisson(rng, 1.5 * drawGamma(rng, 0.5, 2)));
      const nullData = { values, treated: drawCompleteAssignment(45, 165, rng), integerValued: true };
      const rerandomiser = completeRerandomiser(45, values);
      const plan = { ...TWO_SIDED, permutations: 199 };
      const result = testByPermutation(summariseArms(nullData), rerandomiser, plan, rng);
      if (!result.failed && result.pValue <= 0.05) rejections++;
    }
    const rate = rejections / datasets;
    expect(Math.abs(rate - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / datasets));
  });

  test('depends on the seed of its random source', () => {
    expect(permutationPValue(data, TWO_SIDED, 1)).not.toBe(permutationPValue(data, TWO_SIDED, 2));
  });

  test('never gives p = 0 and reports the log ratio of means', () => {
    const extreme = armsData([50, 60, 70], [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    const plan = { ...TWO_SIDED, permutations: 99 };
    const result = testByPermutation(summariseArms(extreme), extreme.rerandomiser, plan, testRng(3));
    expect(result.pValue).toBeGreaterThanOrEqual(1 / 100);
    expect(result.logEstimate).toBeCloseTo(Math.log(60 / 0.5), 12);
  });

  test('fails when the design offers no re-randomisation', () => {
    expect(testByPermutation(summariseArms(data), null, TWO_SIDED, testRng(1))).toMatchObject({
      failed: true,
      failure: 'no re-randomisation mechanism',
    });
  });
});
