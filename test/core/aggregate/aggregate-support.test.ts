import { describe, expect, test } from 'vitest';
import { aggregateSupport, needsJointDraw } from '../../../src/core/aggregate/aggregate-support.js';
import { chosenEngine } from '../../../src/core/aggregate/chosen-engine.js';
import type { Design } from '../../../src/core/design.js';
import { loadDesign } from '../../../src/scenario/load-design.js';
import { designFrom } from './compare-engines.js';

const COUNT =
  '{ id: crime, kind: count, ratePerYear: 1.5, effect: { rateRatio: 0.8 }, analysis: quasi-poisson, primary: true }';
const DESIGN = 'design: { followUpMonths: 12, size: { treated: 50, control: 50 } }';

async function supportOf(yaml: string): Promise<ReturnType<typeof aggregateSupport>> {
  return aggregateSupport(await designFrom('support', yaml, 1));
}

function withEngine(design: Design, engine: 'auto' | 'person' | 'aggregate'): Design {
  return { ...design, simulation: { ...design.simulation, engine } };
}

describe('aggregateSupport', () => {
  test('REF (one NB count, a binary from it) is supported', async () => {
    expect(aggregateSupport((await loadDesign('bench-ref')).design)).toEqual({ ok: true });
  });

  test('Milton Keynes falls back: its prior-count covariate (adjustForPrior) is named', async () => {
    const support = aggregateSupport((await loadDesign('milton-keynes', ['simulation.engine=auto'])).design);
    expect(support.ok).toBe(false);
    if (!support.ok) expect(support.reason).toMatch(/adjustForPrior needs each person's prior-window count/);
  });

  test('selection on a prior window is supported, unless a selection outcome has its own dispersion', async () => {
    const selection = `cohort: { propensity: { dispersion: 1 }, selection: { priorMonths: 12, require: [{ outcomes: [crime], atLeast: 1, withinMonths: 12 }] } }`;
    const design = await designFrom('selection', `${selection}\noutcomes: [${COUNT}]\n${DESIGN}`, 1);
    expect(aggregateSupport(design)).toEqual({ ok: true });
    expect(needsJointDraw(design)).toBe(true);
    const noisy = '{ id: crime, kind: count, ratePerYear: 1.5, dispersion: 0.3, analysis: quasi-poisson }';
    expect(await supportOf(`${selection}\noutcomes: [${noisy}]\n${DESIGN}`)).toEqual({
      ok: false,
      reason: expect.stringMatching(/selection outcome "crime" has its own dispersion/),
    });
    // Without a propensity the outcome's own noise alone carries the selection into follow-up.
    const noPropensity = selection.replace('propensity: { dispersion: 1 }, ', '');
    expect(await supportOf(`${noPropensity}\noutcomes: [${noisy}]\n${DESIGN}`)).toEqual({
      ok: false,
      reason: expect.stringMatching(/selection outcome "crime" has its own dispersion/),
    });
  });

  test('harm outcomes are supported, except by permutation (continuous person-level values)', async () => {
    const harm = (analysis: string) => `
outcomes:
  - ${COUNT}
  - { id: harm, kind: harm, from: crime, severity: { distribution: lognormal, median: 30, spread: 2 }, analysis: ${analysis} }
${DESIGN}`;
    expect(await supportOf(harm('mann-whitney'))).toEqual({ ok: true });
    expect(await supportOf(harm('permutation'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/harm outcome "harm" is analysed by permutation/),
    });
  });

  test('caseworker clustering is supported (each caseload is a cell)', async () => {
    const support = await supportOf(
      `outcomes: [${COUNT}]\ndesign: { followUpMonths: 12, size: { treated: 50, control: 50 }, caseworkers: { caseload: 20, icc: 0.02 } }`,
    );
    expect(support).toEqual({ ok: true });
  });

  test('adjustForPrior falls back (it needs person-level prior counts)', async () => {
    const design = await designFrom('adjust', `outcomes: [${COUNT}]\n${DESIGN}`, 1);
    const adjusted: Design = { ...design, analysis: { ...design.analysis, adjustForPrior: true } };
    expect(aggregateSupport(adjusted)).toEqual({ ok: false, reason: expect.stringMatching(/adjustForPrior/) });
  });

  test('a count with its own dispersion on top of the propensity falls back; either alone is supported', async () => {
    const own = '{ id: crime, kind: count, ratePerYear: 1.5, dispersion: 0.5, analysis: quasi-poisson }';
    expect(await supportOf(`cohort: { propensity: { dispersion: 1 } }\noutcomes: [${own}]\n${DESIGN}`)).toEqual({
      ok: false,
      reason: expect.stringMatching(/own dispersion on top of the propensity/),
    });
    expect(await supportOf(`outcomes: [${own}]\n${DESIGN}`)).toEqual({ ok: true });
    expect(await supportOf(`cohort: { propensity: { dispersion: 1 } }\noutcomes: [${COUNT}]\n${DESIGN}`)).toEqual({
      ok: true,
    });
  });

  test('primary outcomes on different sources sharing the propensity are drawn jointly; two own binaries among them fall back', async () => {
    const two = `outcomes:\n  - ${COUNT}\n  - { id: reoffend, kind: binary, prevalence: 0.4, analysis: two-proportion-z, primary: true }`;
    const shared = await designFrom('joint', `cohort: { propensity: { dispersion: 1 } }\n${two}\n${DESIGN}`, 1);
    expect(aggregateSupport(shared)).toEqual({ ok: true });
    expect(needsJointDraw(shared)).toBe(true);
    expect(needsJointDraw(await designFrom('independent', `${two}\n${DESIGN}`, 1))).toBe(false);
    const secondary = `outcomes:\n  - ${COUNT}\n  - { id: reoffend, kind: binary, prevalence: 0.4, analysis: two-proportion-z }`;
    expect(
      needsJointDraw(
        await designFrom('secondary', `cohort: { propensity: { dispersion: 1 } }\n${secondary}\n${DESIGN}`, 1),
      ),
    ).toBe(false);
    const threeWay = `${two}\n  - { id: arrest, kind: binary, prevalence: 0.2, analysis: two-proportion-z }`;
    expect(await supportOf(`cohort: { propensity: { dispersion: 1 } }\n${threeWay}\n${DESIGN}`)).toEqual({
      ok: false,
      reason: expect.stringMatching(/own-prevalence binaries "reoffend" and "arrest" share the propensity/),
    });
  });
});

describe('chosenEngine', () => {
  test('auto picks the aggregate engine where it is exact and the per-person engine elsewhere', async () => {
    expect(chosenEngine(withEngine((await loadDesign('bench-ref')).design, 'auto'))).toBe('aggregate');
    expect(chosenEngine(withEngine((await loadDesign('milton-keynes')).design, 'auto'))).toBe('person');
  });

  test('person is always honoured; aggregate on an unsupported design is an error naming the reason', async () => {
    const ref = (await loadDesign('bench-ref')).design;
    expect(chosenEngine(withEngine(ref, 'person'))).toBe('person');
    expect(chosenEngine(withEngine(ref, 'aggregate'))).toBe('aggregate');
    const mk = (await loadDesign('milton-keynes')).design;
    expect(() => chosenEngine(withEngine(mk, 'aggregate'))).toThrow(
      /cannot simulate this design exactly: analysis.adjustForPrior/,
    );
  });

  test('the scenario loader rejects engine: aggregate on a design it cannot simulate exactly', async () => {
    await expect(loadDesign('milton-keynes', ['simulation.engine=aggregate'])).rejects.toThrow(
      /simulation.engine aggregate cannot simulate/,
    );
  });
});
