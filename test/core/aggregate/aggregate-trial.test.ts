import { describe, expect, test } from 'vitest';
import { prepareAggregateTrial, simulateAggregateTrial } from '../../../src/core/aggregate/aggregate-trial.js';
import { loadDesign } from '../../../src/scenario/load-design.js';
import { designFrom } from './compare-engines.js';

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

describe('simulateAggregateTrial', () => {
  test('trial i is a pure function of (design, seed, i): the same whatever ran before, in a fresh or a used context', async () => {
    const design = await designFrom('busy', BUSY, 7);
    const used = prepareAggregateTrial(design);
    for (let i = 0; i < 40; i++) simulateAggregateTrial(used, i, i % 2 === 1);
    for (const [index, nullRun] of [
      [3, false],
      [17, true],
      [25, false],
    ] as const) {
      expect(simulateAggregateTrial(used, index, nullRun)).toEqual(
        simulateAggregateTrial(prepareAggregateTrial(design), index, nullRun),
      );
    }
  });

  test('another seed or another trial index gives another trial', async () => {
    const design = await designFrom('busy-a', BUSY, 7);
    const other = await designFrom('busy-b', BUSY, 8);
    const record = simulateAggregateTrial(prepareAggregateTrial(design), 0, false);
    expect(simulateAggregateTrial(prepareAggregateTrial(other), 0, false)).not.toEqual(record);
    expect(simulateAggregateTrial(prepareAggregateTrial(design), 1, false)).not.toEqual(record);
  });

  test('the paired null run is judged against no effect, the effect run against the (drawn) estimand', async () => {
    const design = await designFrom('busy-truth', BUSY, 7);
    const context = prepareAggregateTrial(design);
    expect(simulateAggregateTrial(context, 5, true).logTruth).toEqual([0, 0, 0]);
    const truth = simulateAggregateTrial(context, 5, false).logTruth;
    expect(truth[0]).toBeLessThan(0);
    expect(truth[1]).toBeLessThan(0);
  });

  test('a design the aggregate engine cannot simulate exactly is refused with the reason', async () => {
    const { design } = await loadDesign('milton-keynes');
    expect(() => prepareAggregateTrial(design)).toThrow(/cannot simulate this design exactly: analysis.adjustForPrior/);
  });
});
