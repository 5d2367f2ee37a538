import { describe, expect, test } from 'vitest';
import { chooseEngine } from '../../src/core/choose-engine.js';
import type { Design } from '../../src/core/design.js';
import { needsJointDraw } from '../../src/core/model/needs-joint-draw.js';
import { loadDesign } from '../../src/scenario/load-design.js';
import { designFrom } from '../support/design-from.js';

const COUNT =
  '{ id: crime, kind: count, ratePerYear: 1.5, effect: { rateRatio: 0.8 }, analysis: quasi-poisson, primary: true }';
const DESIGN = 'design: { followUpMonths: 12, size: { treated: 50, control: 50 } }';

function withEngine(design: Design, engine: 'auto' | 'person' | 'aggregate'): Design {
  return { ...design, simulation: { ...design.simulation, engine } };
}

/** What `auto` chooses for a design: { ok: true } for the aggregate engine, else the reason the cell form is not exact. */
function cellFormSupport(design: Design): { ok: true } | { ok: false; reason: string } {
  const engine = chooseEngine(withEngine(design, 'auto'));
  return engine.kind === 'aggregate' ? { ok: true } : { ok: false, reason: engine.reason };
}

async function supportOf(yaml: string): Promise<ReturnType<typeof cellFormSupport>> {
  return cellFormSupport(await designFrom('support', yaml, 1));
}

describe('the cell form is exact (auto chooses the aggregate engine)', () => {
  test('REF (one NB count, a binary from it) is supported', async () => {
    expect(cellFormSupport((await loadDesign('bench-ref')).design)).toEqual({ ok: true });
  });

  test('Milton Keynes falls back: its prior-count covariate (adjustForPrior) is named', async () => {
    const support = cellFormSupport((await loadDesign('milton-keynes', ['simulation.engine=auto'])).design);
    expect(support.ok).toBe(false);
    if (!support.ok) expect(support.reason).toMatch(/adjustForPrior needs each person's prior-window count/);
  });

  test('selection on a prior window is supported, unless a selection outcome has its own dispersion', async () => {
    const selection = `cohort: { propensity: { dispersion: 1 }, selection: { priorMonths: 12, require: [{ outcomes: [crime], atLeast: 1, withinMonths: 12 }] } }`;
    const design = await designFrom('selection', `${selection}\noutcomes: [${COUNT}]\n${DESIGN}`, 1);
    expect(cellFormSupport(design)).toEqual({ ok: true });
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
    expect(cellFormSupport(adjusted)).toEqual({ ok: false, reason: expect.stringMatching(/adjustForPrior/) });
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
    expect(cellFormSupport(shared)).toEqual({ ok: true });
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

describe('chooseEngine', () => {
  test('auto picks the aggregate engine where it is exact and the per-person engine elsewhere, saying why', async () => {
    expect(chooseEngine(withEngine((await loadDesign('bench-ref')).design, 'auto'))).toEqual({
      kind: 'aggregate',
      reason: 'auto: the cell form is exact for this design',
    });
    expect(chooseEngine(withEngine((await loadDesign('milton-keynes')).design, 'auto'))).toEqual({
      kind: 'person',
      reason: "analysis.adjustForPrior needs each person's prior-window count",
    });
  });

  test('person is always honoured; aggregate on a design the cell form cannot simulate exactly is refused with the reason', async () => {
    const ref = (await loadDesign('bench-ref')).design;
    expect(chooseEngine(withEngine(ref, 'person')).kind).toBe('person');
    expect(chooseEngine(withEngine(ref, 'aggregate')).kind).toBe('aggregate');
    const mk = (await loadDesign('milton-keynes')).design;
    expect(chooseEngine(withEngine(mk, 'aggregate'))).toEqual({
      kind: 'refused',
      reason: expect.stringMatching(/analysis.adjustForPrior/),
    });
  });

  test('the scenario loader rejects engine: aggregate on a design it cannot simulate exactly', async () => {
    await expect(loadDesign('milton-keynes', ['simulation.engine=aggregate'])).rejects.toThrow(
      /simulation.engine aggregate cannot simulate/,
    );
  });
});
