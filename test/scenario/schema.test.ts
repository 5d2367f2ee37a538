/**
 * The schema agrees with the Design's types, and a few rules that the fixtures do not pin.
 */
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { BinaryAnalysis, CountAnalysis, HarmAnalysis } from '../../src/core/design.js';
import { validateScenarioText } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { BINARY_ANALYSES, COUNT_ANALYSES, HARM_ANALYSES } from '../../src/scenario/schema-outcomes.js';

function problems(text: string): string[] {
  try {
    validateScenarioText(text, 's.yaml');
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.problems.map((problem) => `${problem.path} ${problem.message}`);
  }
}

const DESIGN = 'design: { followUpMonths: 12, size: { treated: 10, control: 10 } }\n';

describe('scenario schema', () => {
  test('accepts exactly the analyses the Design types name, per outcome kind', () => {
    expectTypeOf<(typeof COUNT_ANALYSES)[number]>().toEqualTypeOf<CountAnalysis>();
    expectTypeOf<(typeof BINARY_ANALYSES)[number]>().toEqualTypeOf<BinaryAnalysis>();
    expectTypeOf<(typeof HARM_ANALYSES)[number]>().toEqualTypeOf<HarmAnalysis>();
    expect(new Set(COUNT_ANALYSES).size).toBe(COUNT_ANALYSES.length);
  });

  test('an uncertain ratio must run from low to high', () => {
    expect(
      problems(
        `outcomes: [ { id: a, kind: count, ratePerYear: 1, effect: { rateRatio: { from: 0.9, to: 0.8 } } } ]\n${DESIGN}`,
      ),
    ).toEqual(['outcomes[0].effect.rateRatio.to must not be below from']);
  });

  test('a treated prevalence above 1 is refused', () => {
    expect(
      problems(`outcomes: [ { id: a, kind: binary, prevalence: 0.6, effect: { riskRatio: 2 } } ]\n${DESIGN}`),
    ).toEqual(['outcomes[0].effect.riskRatio gives a treated prevalence above 1 in group "all" (0.6 × 2)']);
  });

  test('shares that add up to 1 only up to rounding are accepted', () => {
    expect(
      problems(
        `cohort: { groups: [ { id: a, share: 0.1 }, { id: b, share: 0.2 }, { id: c, share: 0.7 } ] }\noutcomes: [ { id: x, kind: count, ratePerYear: 1 } ]\n${DESIGN}`,
      ),
    ).toEqual([]);
  });

  test('a derived binary takes no effect of its own, and k treated must leave some controls', () => {
    expect(
      problems(
        `outcomes:\n  - { id: c, kind: count, ratePerYear: 1 }\n  - { id: b, kind: binary, from: c, effect: { riskRatio: 0.5 } }\ndesign: { followUpMonths: 12, size: { total: 10, treated: 10 } }\n`,
      ),
    ).toEqual([
      'outcomes[1].effect cannot be given for a binary derived with from:',
      'design.size.treated must be below total (10) so some people are controls',
    ]);
  });

  test('strata and block sizes need stratified randomisation; sites need exactly one of icc and rateCV', () => {
    expect(
      problems(
        `outcomes: [ { id: x, kind: count, ratePerYear: 1 } ]\ndesign: { followUpMonths: 12, size: { total: 40 }, strata: [group], blockSize: 4, sites: { count: 4 } }\n`,
      ),
    ).toEqual([
      'design.strata is used only with randomisation: stratified (this is complete)',
      'design.blockSize is used only with randomisation: stratified',
      'design.sites must give exactly one of icc and rateCV',
    ]);
  });
});
