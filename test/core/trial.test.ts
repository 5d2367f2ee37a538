import { describe, expect, test } from 'vitest';
import { prepareDesign } from '../../src/core/prepare-design.js';
import { emptyTrialStart, simulateTrial } from '../../src/core/trial.js';
import { loadDesign } from '../../src/scenario/load-design.js';
import { designFrom } from '../support/design-from.js';

const BUSY = `
cohort:
  groups: [{ id: youth, share: 0.44 }, { id: adult, share: 0.56 }]
  propensity: { dispersion: 1.2 }
outcomes:
  - { id: crime, kind: count, ratePerYear: { youth: 2.2, adult: 1.8 }, effect: { rateRatio: { from: 0.6, to: 0.9 } }, analysis: negative-binomial, primary: true }
  - { id: knife, kind: count, ratePerYear: 0.6, effect: { rateRatio: 0.6 }, analysis: permutation, primary: true }
  - { id: any-knife, kind: binary, from: knife, analysis: fisher-exact, within: youth }
design: { followUpMonths: 12, size: { treated: 50, control: 70 }, randomisation: stratified, strata: [group, site], sites: { count: 3, rateCV: 0.3 }, caseworkers: { caseload: 8, icc: 0.1 }, engagement: 0.8, attrition: 0.05 }
analysis: { permutations: 99 }
`;

/** BUSY with seed `seed`, simulated in the given form (person or cell, by the engine asked for). */
async function busy(name: string, seed: number, engine: 'person' | 'aggregate') {
  const design = await designFrom(name, `${BUSY}simulation: { engine: ${engine} }\n`, seed);
  return prepareDesign(design);
}

describe.each(['person', 'aggregate'] as const)('simulateTrial on the %s engine', (engine) => {
  test('runs the engine asked for', async () => {
    expect((await busy(`busy-kind-${engine}`, 7, engine)).engine.kind).toBe(engine);
  });

  test('trial i is a pure function of (design, seed, i): the same whatever ran before, in a fresh or a used prepared design', async () => {
    const used = await busy(`busy-${engine}`, 7, engine);
    for (let i = 0; i < 40; i++) simulateTrial(used, i, i % 2 === 1);
    const fresh = prepareDesign(used.design);
    for (const [index, nullRun] of [
      [3, false],
      [17, true],
      [25, false],
    ] as const) {
      expect(simulateTrial(used, index, nullRun)).toEqual(simulateTrial(fresh, index, nullRun));
    }
  });

  test('another seed or another trial index gives another trial', async () => {
    const prepared = await busy(`busy-a-${engine}`, 7, engine);
    const other = await busy(`busy-b-${engine}`, 8, engine);
    const record = simulateTrial(prepared, 0, false);
    expect(simulateTrial(other, 0, false)).not.toEqual(record);
    expect(simulateTrial(prepared, 1, false)).not.toEqual(record);
  });

  test('the paired null run is judged against no effect, the effect run against the (drawn) estimand', async () => {
    const prepared = await busy(`busy-truth-${engine}`, 7, engine);
    expect(simulateTrial(prepared, 5, true).logEstimands).toEqual([0, 0, 0]);
    const drawn = simulateTrial(prepared, 5, false).logEstimands;
    expect(drawn[0]).toBeLessThan(0);
    expect(drawn[1]).toBeLessThan(0);
    // crime's ratio is drawn per trial (uniform 0.6–0.9): trial 6 is judged against another truth.
    expect(simulateTrial(prepared, 6, false).logEstimands[0]).not.toBe(drawn[0]);
  });
});

test('a design the aggregate engine cannot simulate exactly is refused with the reason', async () => {
  const { design } = await loadDesign('milton-keynes');
  const asked = { ...design, simulation: { ...design.simulation, engine: 'aggregate' as const } };
  expect(() => prepareDesign(asked)).toThrow(/cannot simulate this design exactly: analysis.adjustForPrior/);
});

test('a null run resuming its effect run (TrialStart) is the null run drawn afresh, on a selected cohort', async () => {
  const { design } = await loadDesign('milton-keynes');
  const prepared = prepareDesign(design);
  for (const index of [0, 9]) {
    const shared = emptyTrialStart();
    const effect = simulateTrial(prepared, index, false, shared);
    expect(shared.rng).not.toBeNull();
    const resumed = simulateTrial(prepared, index, true, shared);
    expect(shared.rng).toBeNull();
    expect(resumed).toEqual(simulateTrial(prepareDesign(design), index, true));
    expect(effect).toEqual(simulateTrial(prepareDesign(design), index, false));
  }
  // Held for another trial, it is not used: trial 4's null run draws its own cohort.
  const stale = emptyTrialStart();
  simulateTrial(prepared, 3, false, stale);
  expect(simulateTrial(prepared, 4, true, stale)).toEqual(simulateTrial(prepareDesign(design), 4, true));
});
