import { describe, expect, it } from 'vitest';
import { designGroupSequential } from '../../../../src/core/analysis/group-sequential/design-group-sequential.js';
import { computeExitProbabilities } from '../../../../src/core/analysis/group-sequential/exit-probabilities.js';
import { maximumInformationInflation } from '../../../../src/core/analysis/group-sequential/maximum-information-inflation.js';
import type {
  SequentialDesignInput,
  SpendingFunction,
} from '../../../../src/core/analysis/group-sequential/sequential-design.js';
import { rpactDesigns, rpactPower } from './rpact-reference.js';

// Tolerances. The grid (Jennison & Turnbull's, r = 16, finer for close looks) was measured
// against the same code at r = 160: boundaries in z differ by at most 1.3e-6 and probabilities
// by at most 8e-7 over these and harder designs (docs/sequential-and-stepped-wedge.md, "Grid and
// error"); rpact's own root tolerance is 1e-8. So 1e-5 in z (100 times finer than the published
// three decimals) and 2e-6 in probabilities are a few times the worst error either side makes.
const Z_TOLERANCE = 1e-5;
const PROBABILITY_TOLERANCE = 2e-6;

type RpactDesign = (typeof rpactDesigns)[number];

function spendingOf(type: string, gamma: number | null): SpendingFunction {
  if (type.endsWith('OF')) return { family: 'obrien-fleming' };
  if (type.endsWith('P')) return { family: 'pocock' };
  return { family: 'hwang-shih-decani', gamma: gamma! };
}

/** The rpact case as this module's input. */
function inputOf(reference: RpactDesign): SequentialDesignInput {
  const design = reference.typeOfDesign;
  return {
    informationFractions: reference.informationRates,
    alpha: reference.alpha,
    sides: reference.sided as 1 | 2,
    efficacy:
      design === 'OF' || design === 'P'
        ? { kind: 'classic', shape: design === 'OF' ? 'obrien-fleming' : 'pocock' }
        : { kind: 'spending', spending: spendingOf(design, reference.gammaA) },
    ...(reference.typeBetaSpending === null
      ? {}
      : { futility: { beta: reference.beta, spending: spendingOf(reference.typeBetaSpending, reference.gammaB) } }),
  };
}

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, k) => expect(Math.abs(value - expected[k]), `index ${k}`).toBeLessThanOrEqual(tolerance));
}

function cumulative(values: readonly number[]): number[] {
  let total = 0;
  return values.map((value) => (total += value));
}

describe('group-sequential boundaries: published values', () => {
  // Three equally spaced looks, one-sided α = 0.025. Jennison & Turnbull (2000) Tables 2.1 and
  // 2.3 give C_P(3, 0.05) = 2.289 and C_B(3, 0.05) = 2.004 for two-sided α = 0.05, which to three
  // decimals are the one-sided 0.025 boundaries; the Lan–DeMets O'Brien–Fleming-type values are
  // the ones rpact and gsDesign print (3.710, 2.511, 1.993).
  const looks = [1 / 3, 2 / 3, 1];
  const design = (efficacy: SequentialDesignInput['efficacy']): readonly number[] =>
    designGroupSequential({ informationFractions: looks, alpha: 0.025, sides: 1, efficacy }).efficacyZ;

  it("gives classic O'Brien–Fleming 3.471, 2.454, 2.004", () => {
    expectClose(design({ kind: 'classic', shape: 'obrien-fleming' }), [3.471, 2.454, 2.004], 5e-4);
  });

  it('gives Pocock 2.289 at each look', () => {
    expectClose(design({ kind: 'classic', shape: 'pocock' }), [2.289, 2.289, 2.289], 5e-4);
  });

  it("gives Lan–DeMets O'Brien–Fleming-type spending 3.710, 2.511, 1.993", () => {
    expectClose(design({ kind: 'spending', spending: { family: 'obrien-fleming' } }), [3.71, 2.511, 1.993], 5e-4);
  });

  it('inflates the maximum information as Jennison & Turnbull tabulate (K 3, power 0.8)', () => {
    // Jennison & Turnbull (2000) Table 2.2, R_P(3, 0.05, 0.2) = 1.166; Table 2.4,
    // R_B(3, 0.05, 0.2) = 1.017 (two-sided 0.05 ≈ one-sided 0.025 at three decimals).
    const inflation = (shape: 'obrien-fleming' | 'pocock'): number =>
      maximumInformationInflation(
        designGroupSequential({
          informationFractions: looks,
          alpha: 0.025,
          sides: 1,
          efficacy: { kind: 'classic', shape },
        }),
        0.8,
      ).inflationFactor;
    expect(inflation('pocock')).toBeCloseTo(1.166, 3);
    expect(inflation('obrien-fleming')).toBeCloseTo(1.017, 3);
  });
});

describe('group-sequential boundaries agree with rpact 3.3.4', () => {
  describe.each(rpactDesigns.map((reference) => [reference.call, reference] as const))('%s', (_call, reference) => {
    const design = designGroupSequential(inputOf(reference));

    it('has the same efficacy boundaries and α spent', () => {
      expectClose(design.efficacyZ, reference.criticalValues, Z_TOLERANCE);
      // rpact reports the last α spent as α − 1e-8 (its tolerance), hence 1e-7 here.
      expectClose(design.alphaSpent, reference.alphaSpent, 1e-7);
    });

    if (reference.futilityBounds.length > 0) {
      it('has the same futility boundaries', () => {
        // rpact prints NA where a two-sided design has no futility stop (a = 0 here).
        const expected = reference.futilityBounds.map((a) => a ?? 0);
        expectClose(design.futility!.z.slice(0, -1), expected, Z_TOLERANCE);
      });
    }

    it('has the same drift, inflation factor, power by look and expected sample sizes', () => {
      // getDesignCharacteristics(design): shift = θ², inflationFactor = (θ/θ_fixed)²,
      // averageSampleNumber* = E[information fraction]·inflationFactor under θ, θ/2 and 0.
      const inflation = maximumInformationInflation(design, 1 - reference.beta);
      expect(Math.abs(inflation.drift ** 2 - reference.shift[0])).toBeLessThanOrEqual(10 * Z_TOLERANCE);
      expect(Math.abs(inflation.inflationFactor - reference.inflationFactor[0])).toBeLessThanOrEqual(Z_TOLERANCE);
      const atDrift = computeExitProbabilities(design, inflation.drift);
      const upper = atDrift.looks.map((look) => look.efficacyUpper);
      expectClose(upper, reference.rejectionProbabilities, PROBABILITY_TOLERANCE);
      expectClose(cumulative(upper), reference.power, PROBABILITY_TOLERANCE);
      expectClose(
        atDrift.looks.slice(0, -1).map((look) => look.futility),
        reference.futilityProbabilities,
        PROBABILITY_TOLERANCE,
      );
      const averageSampleNumber = (drift: number): number =>
        computeExitProbabilities(design, drift).expectedInformationFraction * inflation.inflationFactor;
      const expected = [
        reference.averageSampleNumber1,
        reference.averageSampleNumber01,
        reference.averageSampleNumber0,
      ];
      const actual = [
        averageSampleNumber(inflation.drift),
        averageSampleNumber(inflation.drift / 2),
        averageSampleNumber(0),
      ];
      expectClose(actual, expected.flat(), PROBABILITY_TOLERANCE);
    });
  });
});

describe('exit probabilities agree with rpact getPowerAndAverageSampleNumber', () => {
  it.each(rpactPower.map((reference) => [reference.call, reference] as const))('%s', (_call, reference) => {
    const design = designGroupSequential(inputOf(rpactDesigns[reference.design]));
    const exits = computeExitProbabilities(design, reference.drift);
    // rpact counts both sides' rejections, and (without futility boundaries) the tiny mass below
    // its floor of z = −6 as "futility" (≈ 1e-9), within the tolerance.
    expectClose(
      exits.looks.map((look) => look.efficacyUpper + look.efficacyLower),
      reference.rejectPerStage,
      PROBABILITY_TOLERANCE,
    );
    expectClose(
      exits.looks.slice(0, -1).map((look) => look.futility),
      reference.futilityPerStage.map((p) => p ?? 0),
      PROBABILITY_TOLERANCE,
    );
    expect(Math.abs(exits.rejectUpper + exits.rejectLower - reference.overallReject[0])).toBeLessThanOrEqual(
      PROBABILITY_TOLERANCE,
    );
    // averageSampleNumber = E[information fraction]·nMax.
    expect(
      Math.abs(exits.expectedInformationFraction - reference.averageSampleNumber[0] / reference.nMax),
    ).toBeLessThanOrEqual(PROBABILITY_TOLERANCE);
  });
});

describe('group-sequential boundaries: edge cases', () => {
  it('puts no early stop where the spending function spends (almost) nothing, and still spends α', () => {
    // HSD γ = −40 spends about 1e-16 of α by t = 0.1: the first boundary is far out (or infinite).
    const design = designGroupSequential({
      informationFractions: [0.02, 0.1, 0.6, 1],
      alpha: 0.025,
      sides: 2,
      efficacy: { kind: 'spending', spending: { family: 'hwang-shih-decani', gamma: -40 } },
      futility: { beta: 0.2, spending: { family: 'obrien-fleming' } },
    });
    expect(design.efficacyZ[0]).toBeGreaterThan(8);
    expect(Math.abs(design.alphaSpent.at(-1)! - 0.025)).toBeLessThan(1e-9);
    const exits = computeExitProbabilities(design, 0);
    expect(exits.looks[0].efficacyUpper + exits.looks[0].efficacyLower).toBeLessThan(1e-15);
    // With futility obeyed the type I error can only fall (non-binding).
    expect(exits.rejectUpper + exits.rejectLower).toBeLessThan(0.025);
  });

  it('reduces to the fixed-sample test with one look', () => {
    const design = designGroupSequential({
      informationFractions: [1],
      alpha: 0.05,
      sides: 2,
      efficacy: { kind: 'classic', shape: 'obrien-fleming' },
    });
    expect(design.efficacyZ[0]).toBeCloseTo(1.959963984540054, 12);
    const inflation = maximumInformationInflation(design, 0.9);
    expect(inflation.inflationFactor).toBeCloseTo(1, 5);
  });
});
