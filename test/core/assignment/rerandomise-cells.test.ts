import { describe, expect, test } from 'vitest';
import type { ArmSummaries, ArmSummary } from '../../../src/core/analysis/outcome-data.js';
import { testByPermutation } from '../../../src/core/analysis/permutation.js';
import { planAssignment } from '../../../src/core/assignment/assign.js';
import { rerandomiseCells } from '../../../src/core/assignment/rerandomise.js';
import type { Design } from '../../../src/core/design.js';
import { layOutCells } from '../../../src/core/model/cell-layout.js';
import { Histogram } from '../../../src/core/model/histogram.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import type { Rng } from '../../../src/core/rng/rng.js';
import { designFrom } from '../../support/design-from.js';

/** The permutation test with the cell form's re-randomiser over the units' pooled histograms. */
function testOnCells(design: Design, unitHistograms: Histogram[], summaries: ArmSummaries, rng: Rng) {
  const model = prepareModel(design);
  const plan = planAssignment(design, model);
  const rerandomiser = rerandomiseCells(plan, layOutCells(model, plan), unitHistograms);
  return testByPermutation(summaries, rerandomiser, design.analysis, rng);
}

const R = 9999;

function arm(values: number[]): ArmSummary {
  const histogram = new Float64Array(10);
  for (const v of values) histogram[v] += 1;
  return {
    n: values.length,
    sum: values.reduce((s, v) => s + v, 0),
    sumSquares: values.reduce((s, v) => s + v * v, 0),
    positives: values.filter((v) => v > 0).length,
    histogram,
  };
}

function pooled(values: number[]): Histogram {
  const histogram = new Histogram();
  for (const v of values) histogram.add(v, 1);
  return histogram;
}

/** Exact randomisation p-value by enumeration: `assignments` lists each equally likely treated set (indices into people). */
function enumeratedShare(values: (number | null)[], assignments: number[][], observed: number): number {
  let extreme = 0;
  for (const treatedSet of assignments) {
    let n1 = 0,
      s1 = 0,
      n0 = 0,
      s0 = 0;
    values.forEach((value, i) => {
      if (value === null) return; // unobserved: re-randomised but not analysed
      if (treatedSet.includes(i)) {
        n1++;
        s1 += value;
      } else {
        n0++;
        s0 += value;
      }
    });
    if (n1 === 0 || n0 === 0 || Math.abs(s1 / n1 - s0 / n0) >= Math.abs(observed) - 1e-12) extreme++;
  }
  return extreme / assignments.length;
}

function pairs(size: number): number[][] {
  const all: number[][] = [];
  for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) all.push([a, b]);
  return all;
}

function triples(size: number): number[][] {
  const all: number[][] = [];
  for (let a = 0; a < size; a++)
    for (let b = a + 1; b < size; b++) for (let c = b + 1; c < size; c++) all.push([a, b, c]);
  return all;
}

describe('the permutation test on the cell form (rerandomiseCells)', () => {
  test('complete randomisation of 2 of 6: p is the exact 1/15 within Monte Carlo error', async () => {
    const design = await designFrom(
      'perm-complete',
      `
outcomes: [{ id: y, kind: count, ratePerYear: 1, analysis: permutation }]
design: { followUpMonths: 12, size: { treated: 2, control: 4 } }
analysis: { permutations: ${R} }`,
      1,
    );
    const summaries: ArmSummaries = { treated: arm([5, 6]), control: arm([0, 1, 2, 3]) };
    const result = testOnCells(design, [pooled([5, 6, 0, 1, 2, 3])], summaries, trialStream(1, 0));
    const exact = enumeratedShare([5, 6, 0, 1, 2, 3], pairs(6), 5.5 - 1.5);
    expect(exact).toBeCloseTo(1 / 15, 12);
    const expected = (1 + R * exact) / (R + 1);
    expect(Math.abs(result.pValue - expected)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / R));
  });

  test('with people lost to attrition, the whole cohort is re-randomised and only the observed are compared', async () => {
    const design = await designFrom(
      'perm-attrition',
      `
outcomes: [{ id: y, kind: count, ratePerYear: 1, analysis: permutation }]
design: { followUpMonths: 12, size: { treated: 3, control: 5 } }
analysis: { permutations: ${R} }`,
      1,
    );
    // People 0–4 observed: 5 and 6 treated, 0, 1, 3 controls; people 5–7 unobserved (one of them treated).
    const values = [5, 6, 0, 1, 3, null, null, null];
    const observed = 5.5 - 4 / 3;
    const summaries: ArmSummaries = { treated: arm([5, 6]), control: arm([0, 1, 3]) };
    const result = testOnCells(design, [pooled([5, 6, 0, 1, 3])], summaries, trialStream(2, 0));
    const exact = enumeratedShare(values, triples(8), observed);
    const expected = (1 + R * exact) / (R + 1);
    expect(Math.abs(result.pValue - expected)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / R));
  });

  test('simple randomisation: each observed person is treated independently with the share', async () => {
    const design = await designFrom(
      'perm-simple',
      `
outcomes: [{ id: y, kind: count, ratePerYear: 1, analysis: permutation }]
design: { followUpMonths: 12, size: { treated: 3, control: 3 }, randomisation: simple }
analysis: { permutations: ${R} }`,
      1,
    );
    const values = [4, 6, 5, 0, 1, 2];
    const summaries: ArmSummaries = { treated: arm([4, 6, 5]), control: arm([0, 1, 2]) };
    const result = testOnCells(design, [pooled(values)], summaries, trialStream(3, 0));
    // All 2^6 subsets are equally likely under share 1/2.
    const subsets = Array.from({ length: 64 }, (_, mask) => values.map((_, i) => i).filter((i) => (mask >> i) & 1));
    const exact = enumeratedShare(values, subsets, 5 - 1);
    const expected = (1 + R * exact) / (R + 1);
    expect(Math.abs(result.pValue - expected)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / R));
  });
});
