/**
 * Uncertain values (docs/scenario-language.md, "Uncertain values"): any number of the world may be
 * a range `{ from, to, central }` or `{ lognormal: { median, spread } }`; the Design holds the
 * central value where the engine reads the number and lists the uncertainty alongside; `--set`
 * writes it; bad ones are refused naming the path.
 */
import { describe, expect, test } from 'vitest';
import { designWith, loadDesign } from '../../src/scenario/load-design.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

const DISPERSION = 'cohort.propensity.dispersion={ from: 0.8, to: 3, central: 1.5 }';
const KNIFE_RATE = 'outcomes.knife.ratePerYear={ lognormal: { median: 0.6, spread: 1.5 } }';

describe('uncertain values', () => {
  test('compile to the same engine input as their central values, with the uncertainty alongside', async () => {
    const central = await loadDesign('milton-keynes', [
      'cohort.propensity.dispersion=1.5',
      'outcomes.knife.ratePerYear=0.6',
    ]);
    const uncertain = await loadDesign('milton-keynes', [DISPERSION, KNIFE_RATE]);
    const { uncertainInputs: all, ...rest } = uncertain.design;
    const { uncertainInputs: others, ...centralRest } = central.design;
    expect(rest).toEqual(centralRest);
    // milton-keynes has its own ranges too; the two set here are added to them, in document order.
    const uncertainInputs = all?.filter((input) => !others?.some((other) => other.path === input.path));
    expect(uncertainInputs?.map((input) => input.path)).toEqual([
      'cohort.propensity.dispersion',
      'outcomes.knife.ratePerYear',
    ]);
    expect(uncertainInputs?.[0]).toMatchObject({ central: 1.5, low: 0.8, high: 3, distribution: { kind: 'uniform' } });
    // The lognormal's plausible range is its central 95%: 0.6 × 1.5^(±1.959964).
    // python3 -c "print(0.6*1.5**-1.959963984540054, 0.6*1.5**1.959963984540054)" → 0.27103084845 1.32826208549
    expect(uncertainInputs?.[1].low).toBeCloseTo(0.27103084845, 9);
    expect(uncertainInputs?.[1].high).toBeCloseTo(1.32826208549, 9);
    expect(uncertainInputs?.[1].distribution).toEqual({ kind: 'lognormal', median: 0.6, sdLog: Math.log(1.5) });
  });

  test('a range without central is used at its midpoint', async () => {
    const loaded = await loadDesign('teaching-two-arm', ['design.attrition={ from: 0, to: 0.2 }']);
    expect(loaded.design.plan.attrition).toBeCloseTo(0.1, 12);
  });

  test('an effect written as a range keeps its distribution for assurance and its central value as the stated ratio', async () => {
    const loaded = await loadDesign('milton-keynes', [
      'outcomes.crime.effect.rateRatio={ from: 0.4, to: 0.9, central: 0.5 }',
    ]);
    const crime = loaded.design.outcomes[0];
    expect(crime.kind === 'count' && crime.rateRatio.youth).toBe(0.5);
    expect(crime.effectDistribution).toEqual({ kind: 'uniform', from: 0.4, to: 0.9, central: 0.5 });
    const input = loaded.design.uncertainInputs?.find((entry) => entry.path === 'outcomes.crime.effect.rateRatio');
    expect(input).toMatchObject({ central: 0.5, low: 0.4, high: 0.9, effect: true });
  });

  test('a design without uncertain values has no uncertainInputs key (its hash is unchanged)', async () => {
    const loaded = await loadDesign('teaching-two-arm');
    expect('uncertainInputs' in loaded.design).toBe(false);
  });

  test.each([
    ['cohort.propensity.dispersion={ from: 3, to: 0.8 }', 'cohort.propensity.dispersion.to must not be below from'],
    [
      'cohort.propensity.dispersion={ from: 0.8, to: 3, central: 4 }',
      'cohort.propensity.dispersion.central must lie between from and to',
    ],
    ['design.engagement={ from: 0.5, to: 1.2 }', 'design.engagement.to must be a probability in [0, 1]'],
    ['simulation.seed={ from: 1, to: 2 }', 'simulation.seed must be a whole number'],
  ])('refuses %s naming the path', async (set, message) => {
    const base = await loadDesign('milton-keynes');
    let caught: unknown;
    try {
      designWith(base, [set]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).message).toContain(message);
  });
});
