// Shared test data for the analysis tests: small fixed datasets (also pasted into the R script
// that produced the reference values), helpers that build the people of a trial and the analysis
// input the person form gives for them.
import { analyse, analysisNeeds } from '../../../src/core/analysis/analyse.js';
import type { AnalysisInput } from '../../../src/core/analysis/analysis-input.js';
import type { AnalysisResult } from '../../../src/core/analysis/analysis-result.js';
import { summariseArms, type OutcomeData } from '../../../src/core/analysis/outcome-data.js';
import type { Rerandomiser } from '../../../src/core/assignment/rerandomise.js';
import type { AnalysisName, AnalysisPlan } from '../../../src/core/design.js';
import type { Rng } from '../../../src/core/rng/rng.js';

export const TWO_SIDED: AnalysisPlan = {
  alpha: 0.05,
  sides: 'two',
  multiplicity: 'none',
  adjustForPrior: false,
  permutations: 199,
};
export const ONE_SIDED: AnalysisPlan = { ...TWO_SIDED, sides: 'one' };

/** A trial's analysed people, with a re-randomiser of them (complete randomisation of the treated count). */
export interface ArmsData extends OutcomeData {
  readonly rerandomiser: Rerandomiser;
}

/** Builds the people of a trial with the treated people first; their re-randomiser redraws complete randomisation. */
export function armsData(
  treatedValues: readonly number[],
  controlValues: readonly number[],
  options: { prior?: readonly number[]; integerValued?: boolean } = {},
): ArmsData {
  const values = Float64Array.from([...treatedValues, ...controlValues]);
  const treated = Uint8Array.from([...treatedValues.map(() => 1), ...controlValues.map(() => 0)]);
  return {
    values,
    treated,
    prior: options.prior === undefined ? null : Float64Array.from(options.prior),
    integerValued: options.integerValued ?? values.every((v) => Number.isInteger(v)),
    rerandomiser: completeRerandomiser(treatedValues.length, values),
  };
}

/** The analysis input the person form gives for these people and this analysis (see `OutcomeViews`). */
export function inputOf(data: ArmsData, name: AnalysisName): AnalysisInput {
  const needs = analysisNeeds(name);
  return {
    summaries: summariseArms(data, needs.histogram),
    people: data,
    clusters: null,
    rerandomiser: needs.rerandomiser ? data.rerandomiser : null,
  };
}

/** `analyse` on the input the person form gives for these people. */
export function analysePeople(name: AnalysisName, data: ArmsData, plan: AnalysisPlan, rng: Rng): AnalysisResult {
  return analyse(name, inputOf(data, name), plan, rng);
}

/** Complete randomisation of exactly `treatedCount` of `total` people (partial Fisher–Yates). */
export function drawCompleteAssignment(treatedCount: number, total: number, rng: Rng): Uint8Array {
  const order = Array.from({ length: total }, (_, i) => i);
  const assignment = new Uint8Array(total);
  for (let i = 0; i < treatedCount; i++) {
    const j = i + Math.floor(rng.next() * (total - i));
    [order[i], order[j]] = [order[j], order[i]];
    assignment[order[i]] = 1;
  }
  return assignment;
}

/** Redraws complete randomisation of `treatedCount` of the people and sums the treated ones' values. */
export function completeRerandomiser(treatedCount: number, values: Float64Array): Rerandomiser {
  return {
    redraw(rng, into) {
      const assignment = drawCompleteAssignment(treatedCount, values.length, rng);
      into.n = 0;
      into.total = 0;
      for (let i = 0; i < values.length; i++) {
        if (assignment[i] === 1) {
          into.n++;
          into.total += values[i];
        }
      }
    },
  };
}

/** A small, fast, seeded test generator (mulberry32); the core's own streams are not needed here. */
export function testRng(seed: number): Rng {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

// 30 treated then 50 control, simulated once with NumPy (seed 20261126) and pasted here and in
// the R script whose output the tests quote.
export const COUNTS = [
  5, 0, 0, 4, 1, 2, 2, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 2, 1, 0, 2, 1, 2, 0, 4, 0, 0, 1, 7, 0, 4, 1, 0, 2, 2, 4, 0, 2,
  0, 0, 0, 4, 0, 1, 2, 0, 0, 3, 1, 0, 1, 7, 0, 2, 0, 1, 3, 2, 0, 1, 9, 6, 0, 4, 1, 0, 3, 2, 0, 1, 0, 0, 0, 4, 2, 3, 2,
  2, 2,
];
export const PRIOR = [
  13, 0, 0, 0, 2, 3, 1, 0, 2, 2, 0, 5, 0, 0, 2, 1, 5, 0, 6, 2, 2, 1, 1, 1, 5, 5, 0, 3, 1, 15, 4, 0, 10, 0, 0, 1, 2, 0,
  1, 3, 1, 2, 3, 3, 1, 1, 0, 0, 5, 0, 2, 0, 2, 4, 3, 0, 4, 1, 0, 1, 2, 2, 2, 1, 3, 0, 0, 1, 5, 3, 3, 4, 0, 0, 0, 1, 4,
  0, 4, 2,
];
export const HARM = [
  238.06, 0.0, 0.0, 95.47, 12.74, 74.61, 20.62, 0.0, 0.0, 17.41, 0.0, 57.59, 0.0, 31.8, 23.67, 14.57, 0.0, 46.23, 42.13,
  19.6, 0.0, 27.95, 61.3, 244.69, 0.0, 110.02, 0.0, 0.0, 26.0, 308.97, 0.0, 101.7, 30.03, 0.0, 89.12, 44.0, 120.9, 0.0,
  38.43, 0.0, 0.0, 0.0, 98.77, 0.0, 12.56, 34.38, 0.0, 0.0, 44.65, 27.62, 0.0, 24.53, 145.15, 0.0, 77.52, 0.0, 43.15,
  143.88, 18.25, 0.0, 48.91, 447.69, 54.63, 0.0, 108.39, 9.01, 0.0, 175.1, 122.66, 0.0, 20.21, 0.0, 0.0, 0.0, 141.22,
  127.08, 93.12, 54.23, 17.81, 37.69,
];
export const TREATED_COUNT = 30;

/** The fixed dataset: counts (with the prior covariate) or harm. */
export function fixedData(which: 'counts' | 'harm'): ArmsData {
  const values = which === 'counts' ? COUNTS : HARM;
  return armsData(values.slice(0, TREATED_COUNT), values.slice(TREATED_COUNT), {
    prior: which === 'counts' ? PRIOR : undefined,
  });
}
