/**
 * Compiling a validated scenario into the Design: defaults filled in, scalars expanded to every
 * group, effect distributions, size forms, and a frozen plain-data result.
 */
import { describe, expect, test } from 'vitest';
import type { BinaryOutcome, CountOutcome, HarmOutcome } from '../../src/core/design.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { DEFAULTS } from '../../src/scenario/defaults.js';
import { validateScenarioText } from '../../src/scenario/load.js';

const GROUPS = 'cohort: { groups: [ { id: youth, share: 0.4 }, { id: adult, share: 0.6 } ] }\n';
const DESIGN = 'design: { followUpMonths: 12, size: { treated: 10, control: 20 } }\n';

function compile(text: string) {
  return compileScenario(validateScenarioText(text, 'test.yaml'), 'fallback');
}

describe('compileScenario', () => {
  test('expands a scalar rate, effect and engagement to every group, keeping per-group values', () => {
    const design = compile(
      `${GROUPS}outcomes:\n  - { id: knife, kind: count, ratePerYear: 0.6, effect: { rateRatio: 0.6, byGroup: { youth: { rateRatio: 0.4 } } } }\n${DESIGN}`,
    );
    const knife = design.outcomes[0] as CountOutcome;
    expect(knife.ratePerYear).toEqual({ youth: 0.6, adult: 0.6 });
    expect(knife.rateRatio).toEqual({ youth: 0.4, adult: 0.6 });
    expect(design.plan.engagement).toEqual({ youth: DEFAULTS.engagement, adult: DEFAULTS.engagement });
  });

  test('fills every default of a minimal scenario from defaults.ts', () => {
    const design = compile(`outcomes: [ { id: x, kind: count, ratePerYear: 1 } ]\n${DESIGN}`);
    expect(design.name).toBe('fallback');
    expect(design.title).toBe('fallback');
    expect(design.groups).toEqual([DEFAULTS.group]);
    expect(design.propensityDispersion).toBe(DEFAULTS.propensityDispersion);
    expect(design.selection).toBeNull();
    expect(design.outcomes[0]).toEqual({
      id: 'x',
      label: 'x',
      kind: 'count',
      analysis: DEFAULTS.analysis.count,
      primary: true,
      within: null,
      ratePerYear: { all: 1 },
      dispersion: DEFAULTS.countDispersion,
      rateRatio: { all: DEFAULTS.ratio },
      effectDistribution: null,
    });
    expect(design.plan).toEqual({
      followUpMonths: 12,
      size: { kind: 'fixed', treated: 10, control: 20 },
      randomisation: DEFAULTS.randomisation,
      strata: [],
      blockSize: DEFAULTS.blockSize,
      engagement: { all: DEFAULTS.engagement },
      attrition: DEFAULTS.attrition,
      caseworkers: null,
      sites: null,
    });
    expect(design.analysis).toEqual({
      alpha: DEFAULTS.alpha,
      sides: DEFAULTS.sides,
      multiplicity: DEFAULTS.multiplicity,
      adjustForPrior: DEFAULTS.adjustForPrior,
      permutations: DEFAULTS.permutations,
    });
    expect(design.simulation).toEqual({ trials: DEFAULTS.trials, seed: DEFAULTS.seed, engine: DEFAULTS.engine });
    expect(design.pilot).toBeNull();
    expect(design.costs).toBeNull();
  });

  test('stratified randomisation without strata stratifies by group', () => {
    const design = compile(
      `outcomes: [ { id: x, kind: count, ratePerYear: 1 } ]\ndesign: { followUpMonths: 6, size: { total: 40 }, randomisation: stratified }\n`,
    );
    expect(design.plan.strata).toEqual(['group']);
    expect(design.plan.size).toEqual({ kind: 'ratio', total: 40, treatedShare: 0.5 });
  });

  test('only outcomes marked primary are primary when any is marked', () => {
    const design = compile(
      `outcomes:\n  - { id: a, kind: count, ratePerYear: 1 }\n  - { id: b, kind: count, ratePerYear: 1, primary: true }\n${DESIGN}`,
    );
    expect(design.outcomes.map((outcome) => outcome.primary)).toEqual([false, true]);
  });

  test('an uncertain effect keeps its distribution and states its median or midpoint', () => {
    const design = compile(
      `outcomes:\n  - { id: a, kind: count, ratePerYear: 1, effect: { rateRatio: { lognormal: { median: 0.84, spread: 1.1 } } } }\n` +
        `  - { id: b, kind: binary, prevalence: 0.5, effect: { riskRatio: { from: 0.77, to: 0.95 } } }\n${DESIGN}`,
    );
    const [a, b] = design.outcomes as [CountOutcome, BinaryOutcome];
    expect(a.effectDistribution).toEqual({ kind: 'lognormal', median: 0.84, sdLog: Math.log(1.1) });
    expect(a.rateRatio.all).toBe(0.84);
    expect(b.effectDistribution).toEqual({ kind: 'uniform', from: 0.77, to: 0.95 });
    expect(b.riskRatio.all).toBeCloseTo(0.86, 12);
    expect(b.prevalence).toEqual({ all: 0.5 });
  });

  test('harm severity spread becomes sdLog = ln(spread); a derived binary has no prevalence', () => {
    const design = compile(
      `outcomes:\n  - { id: c, kind: count, ratePerYear: 1 }\n  - { id: any, kind: binary, from: c }\n` +
        `  - { id: h, kind: harm, from: c, severity: { distribution: lognormal, median: 30, spread: 2 } }\n${DESIGN}`,
    );
    const [, any, harm] = design.outcomes as [CountOutcome, BinaryOutcome, HarmOutcome];
    expect(any).toMatchObject({ prevalence: null, from: 'c', riskRatio: { all: 1 }, analysis: 'two-proportion-z' });
    expect(harm.severity).toEqual({ distribution: 'lognormal', median: 30, sdLog: Math.LN2 });
    expect(harm.analysis).toBe('mann-whitney');
  });

  test('"k treated out of a total" leaves the rest as controls', () => {
    const design = compile(
      `outcomes: [ { id: x, kind: count, ratePerYear: 1 } ]\ndesign: { followUpMonths: 12, size: { total: 165, treated: 45 } }\n`,
    );
    expect(design.plan.size).toEqual({ kind: 'fixed', treated: 45, control: 120 });
  });

  test('a site icc becomes the rate CV of the site multiplier; a given rateCV is kept', () => {
    const text = (sites: string) =>
      `${GROUPS}outcomes: [ { id: x, kind: count, ratePerYear: { youth: 2, adult: 1 }, primary: true } ]\n` +
      `design: { followUpMonths: 6, size: { total: 400 }, randomisation: cluster, sites: ${sites} }\n`;
    const withIcc = compile(text('{ count: 8, icc: 0.05 }'));
    // control mean count over 6 months m = (0.4 × 2 + 0.6 × 1) × 0.5 = 0.7, no propensity (d = 0):
    // v = 0.05 · (1/0.7) / (1 − 0.05) = 0.0751880, CV = √v = 0.2742042
    expect(withIcc.plan.sites?.count).toBe(8);
    expect(withIcc.plan.sites?.rateCV).toBeCloseTo(0.2742042, 6);
    expect(compile(text('{ count: 8, rateCV: 0.3 }')).plan.sites).toEqual({ count: 8, rateCV: 0.3 });
  });

  test('the Design is deeply frozen plain data that survives structuredClone unchanged', () => {
    const design = compile(
      `${GROUPS}outcomes: [ { id: x, kind: count, ratePerYear: 1 } ]\n${DESIGN}pilot: { treated: 45, control: 120, estimates: { x: 0.5 } }\n`,
    );
    expect(Object.isFrozen(design.outcomes[0])).toBe(true);
    expect(Object.isFrozen((design.outcomes[0] as CountOutcome).ratePerYear)).toBe(true);
    expect(Object.isFrozen(design.pilot?.estimates)).toBe(true);
    expect(() => {
      (design.plan.engagement as Record<string, number>).youth = 0;
    }).toThrow(TypeError);
    expect(structuredClone(design)).toEqual(design);
    expect(JSON.parse(JSON.stringify(design))).toEqual(design);
  });
});
