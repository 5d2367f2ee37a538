import { describe, expect, test } from 'vitest';
import { drawCrossover, planRollout, rolloutTreatedProbabilities } from '../../src/core/assignment/rollout.js';
import { prepareDesign } from '../../src/core/prepare-design.js';
import { simulateBlock } from '../../src/core/simulate-block.js';
import { simulateTrial } from '../../src/core/trial.js';
import { trialStream } from '../../src/core/rng/trial-stream.js';
import { designFrom } from '../support/design-from.js';

function rolloutYaml(options: {
  sampling: string;
  total: number;
  followUp: number;
  extra?: string;
  analysis?: string;
}) {
  return `
outcomes:
  - { id: crime, kind: count, ratePerYear: 4, effect: { rateRatio: 0.8 }, analysis: ${options.analysis ?? 'stepped-wedge-within'} }
design:
  followUpMonths: ${options.followUp}
  size: { total: ${options.total} }
  rollout: { clusters: 8, steps: 4, periodMonths: 6, sampling: ${options.sampling}${options.extra ?? ''} }
analysis: { permutations: 99 }
`;
}

describe('stepped-wedge randomisation', () => {
  test('slots spread clusters over the steps as steppedWedgeTreatment does', () => {
    expect(Array.from(planRollout(5, 2).slotCrossover)).toEqual([1, 1, 1, 2, 2]);
    expect(Array.from(rolloutTreatedProbabilities(planRollout(12, 4)))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  test('every cluster crosses at each step with the slot share (20,000 draws, 4 Monte Carlo SEs)', () => {
    const plan = planRollout(6, 3);
    const draws = 20_000;
    const counts = Array.from({ length: 6 }, () => new Float64Array(4));
    const rng = trialStream(11, 0);
    for (let d = 0; d < draws; d++) {
      const crossover = drawCrossover(plan, rng);
      crossover.forEach((period, cluster) => (counts[cluster][period] += 1));
      if (d % 1000 === 0) expect(Array.from(crossover).sort()).toEqual([1, 1, 2, 2, 3, 3]);
    }
    const se = Math.sqrt((1 / 3) * (2 / 3) * draws);
    for (const perCluster of counts)
      for (let s = 1; s <= 3; s++) expect(Math.abs(perCluster[s] - draws / 3)).toBeLessThan(4 * se);
  });
});

describe('a rollout trial', () => {
  test('runs on the person form, for a stated reason, and refuses the aggregate engine', async () => {
    const design = await designFrom(
      'sw-engine',
      rolloutYaml({ sampling: 'cross-sectional', total: 800, followUp: 6 }),
      1,
    );
    const prepared = prepareDesign(design);
    expect(prepared.engine.kind).toBe('person');
    expect(prepared.engine.reason).toMatch(/rollout/);
    const asked = { ...design, simulation: { ...design.simulation, engine: 'aggregate' as const } };
    expect(() => prepareDesign(asked)).toThrow(/rollout/);
  });

  test('cross-sectional: every cluster-period holds the same number of new people; closed cohort: the same people each period', async () => {
    for (const [sampling, total, followUp] of [
      ['cross-sectional', 800, 6],
      ['closed-cohort', 160, 30],
    ] as const) {
      const prepared = prepareDesign(await designFrom(`sw-${sampling}`, rolloutYaml({ sampling, total, followUp }), 1));
      const { form } = prepared;
      const rng = trialStream(1, 0);
      const cohort = form.drawCohort(rng);
      const assignment = form.assign(cohort, rng);
      const measured = form.measure(cohort, assignment, prepared.statedRatios, rng, true);
      const input = form.analysisInput(measured, 0);
      expect(Array.from(input.clusterPeriods!.sizes)).toEqual(new Array(40).fill(20));
      expect(input.summaries.treated.n + input.summaries.control.n).toBe(8 * 5 * 20);
      // Periods before crossing are control, after are treated: 8 clusters × (4+3+2+1)/4·2 treated cells.
      expect(input.summaries.treated.n).toBe(20 * 2 * (4 + 3 + 2 + 1));
    }
  });

  test('a trial is a pure function of (design, seed, index)', async () => {
    const design = await designFrom(
      'sw-pure',
      rolloutYaml({ sampling: 'closed-cohort', total: 160, followUp: 30, analysis: 'stepped-wedge-permutation' }),
      5,
    );
    const used = prepareDesign(design);
    for (let i = 0; i < 10; i++) simulateTrial(used, i, i % 2 === 0);
    const fresh = prepareDesign(design);
    expect(simulateTrial(used, 7, false)).toEqual(simulateTrial(fresh, 7, false));
    expect(simulateTrial(used, 3, true)).toEqual(simulateTrial(fresh, 3, true));
  });

  test('Poisson counts with no cluster variation: the within estimate is unbiased for log 0.8 and the permutation test keeps its size', async () => {
    // 20 people × 8 clusters × 5 periods, rate 4/year over 6 months: cluster-period totals of about
    // 40, so log((S + 0.5)/n) has a bias of order 1/(2·40²)·… far below the Monte Carlo error.
    // Tolerances: 4 Monte Carlo SEs from the simulated spread; type I SE √(0.05·0.95/trials).
    const trials = 600;
    const design = await designFrom(
      'sw-poisson',
      rolloutYaml({ sampling: 'cross-sectional', total: 800, followUp: 6, analysis: 'stepped-wedge-permutation' }),
      9,
    );
    const prepared = prepareDesign(design);
    let sum = 0;
    let sumSquares = 0;
    let nullRejections = 0;
    for (let t = 0; t < trials; t++) {
      const estimate = simulateTrial(prepared, t, false).results[0].logEstimate;
      sum += estimate;
      sumSquares += estimate * estimate;
      if (simulateTrial(prepared, t, true).results[0].pValue <= 0.05) nullRejections++;
    }
    const mean = sum / trials;
    const sd = Math.sqrt(sumSquares / trials - mean * mean);
    expect(Math.abs(mean - Math.log(0.8))).toBeLessThan(4 * (sd / Math.sqrt(trials)));
    expect(Math.abs(nullRejections / trials - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / trials));
    expect(simulateBlock(prepared, 0, 5, { withNull: true }).trials).toBe(5);
  });
});
