import { describe, expect, it } from 'vitest';
import { loadDesign, designWith } from '../../src/scenario/load-design.js';
import { describeParameter } from '../../src/search/design-parameter.js';
import { planGrid } from '../../src/search/plan-grid.js';
import { choosePowerTarget } from '../../src/search/power-target.js';
import { exactPowerTwoProportionZ } from './support/exact-power.js';
import { inProcessRange } from './support/in-process-range.js';

describe('planGrid', () => {
  it('simulates every pair with the scenario’s own seed and trials, each cell as `run --set` gives it', async () => {
    const base = await loadDesign('teaching-two-arm', ['simulation.trials=1000']);
    const effect = describeParameter(base.design, 'outcomes.reoffend.effect.riskRatio');
    const size = describeParameter(base.design, 'design.size.total');
    const designAt = async (row: number, column: number) =>
      designWith(base, [...effect.overrides(row), ...size.overrides(column)]).design;
    const rows = { path: effect.path, values: [0.7, 0.8] };
    const columns = { path: size.path, values: [200, 400] };
    const target = choosePowerTarget(base.design);
    const plan = await planGrid(rows, columns, designAt, inProcessRange, { trials: 1000, target });
    expect(plan.complete).toBe(true);
    expect(plan.runs.map((run) => [run.row, run.column])).toEqual([
      [0.7, 200],
      [0.7, 400],
      [0.8, 200],
      [0.8, 400],
    ]);
    for (const run of plan.runs) {
      // Common random numbers: every cell uses the scenario's seed and trials 0–999.
      expect(run.design.simulation.seed).toBe(base.design.simulation.seed);
      const alone = await inProcessRange(await designAt(run.row, run.column), 0, 1000);
      expect(run.tally).toEqual(alone.tally);
      // Control 50%, treated 50% × ratio; exact enumeration of the pooled z test (support/exact-power.ts),
      // within 4 binomial Monte Carlo SEs of 1000 trials.
      const exact = exactPowerTwoProportionZ(0.5 * run.row, 0.5, run.column / 2);
      expect(Math.abs(run.power - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 1000));
    }
  });

  it('stops between cells when aborted, marking the grid incomplete', async () => {
    const base = await loadDesign('teaching-two-arm');
    const size = describeParameter(base.design, 'design.size.total');
    const controller = new AbortController();
    const plan = await planGrid(
      { path: 'design.size.total', values: [100, 200] },
      { path: 'design.size.treated', values: [50, 60] },
      async (row) => designWith(base, size.overrides(row)).design,
      inProcessRange,
      {
        trials: 20,
        target: choosePowerTarget(base.design),
        signal: controller.signal,
        onCell: () => controller.abort(),
      },
    );
    expect(plan.runs).toHaveLength(1);
    expect(plan.complete).toBe(false);
  });
});
