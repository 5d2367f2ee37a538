import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { emptyRunTally, mergeRunTally, runTallyFromJSON, runTallyToJSON } from '../../../src/core/diagnosis/tally.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { designFrom } from '../../support/design-from.js';

// 8 clusters crossing in 4 steps, 50 new people per cluster-period followed for 6 months at 4 a
// year: about 100 events a cell, so the cluster-period log means are close to normal.
const ROLLOUT = `
outcomes:
  - { id: crime, kind: count, ratePerYear: 4, effect: { rateRatio: 0.8 }, analysis: stepped-wedge-within }
design:
  followUpMonths: 6
  size: { total: 2000 }
  rollout: { clusters: 8, steps: 4, periodMonths: 6, sampling: cross-sectional, icc: 0.01 }
`;

describe("a rollout's per-step tallies", () => {
  test('any split of the trials, through the JSON of worker messages and shards, tallies to the whole', async () => {
    const prepared = prepareDesign(await designFrom('steps-split', ROLLOUT, 5));
    const whole = simulateBlock(prepared, 0, 40, { withNull: true });
    expect(whole.steps?.effect[0].estimated.length).toBe(4);
    const parts = emptyRunTally(1, true);
    for (const [from, to] of [
      [25, 40],
      [0, 9],
      [9, 25],
    ])
      mergeRunTally(parts, runTallyFromJSON(runTallyToJSON(simulateBlock(prepared, from, to, { withNull: true }))));
    expect(runTallyToJSON(parts)).toEqual(runTallyToJSON(whole));
  });

  test('each step is unbiased for the stated effect and its intervals cover within Monte Carlo error', async () => {
    // The model's effect does not change with exposure, so every step's truth is the estimand
    // (0.8 with full engagement). Tolerances: 4 Monte Carlo SEs — biasMcse for the bias,
    // √(0.95·0.05/400) = 0.0109 for coverage and √(0.05·0.95/400) for the null run's rejections.
    const prepared = prepareDesign(await designFrom('steps-law', ROLLOUT, 9));
    const tally = simulateBlock(prepared, 0, 400, { withNull: true });
    const steps = diagnose(prepared, tally).results[0].steps!;
    expect(steps.map((s) => s.exposurePeriods)).toEqual([0, 1, 2, 3]);
    expect(steps.map((s) => s.treatedClusterPeriods)).toEqual([8, 6, 4, 2]);
    expect(steps.every((s) => s.controlClusterPeriods === 20)).toBe(true);
    const se = Math.sqrt((0.95 * 0.05) / 400);
    for (const step of steps) {
      expect(step.estimand).toBeCloseTo(0.8, 12);
      expect(Math.abs(step.bias)).toBeLessThan(4 * step.biasMcse);
      expect(Math.abs(step.coverage - 0.95)).toBeLessThan(4 * se);
      expect(Math.abs(step.typeIError! - 0.05)).toBeLessThan(4 * se);
      expect(step.failures).toBe(0);
    }
    // Longer exposures rest on fewer cluster-periods, so they are estimated less precisely.
    expect(steps[3].rmse).toBeGreaterThan(steps[0].rmse);
  });
});
