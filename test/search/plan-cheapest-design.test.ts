import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/core/design.js';
import { designWith, loadDesign } from '../../src/scenario/load-design.js';
import { deliveryCost } from '../../src/search/delivery-cost.js';
import { describeParameter } from '../../src/search/design-parameter.js';
import { planCheapestDesign, type RowSetup } from '../../src/search/plan-cheapest-design.js';
import { choosePowerTarget, countSuccesses } from '../../src/search/power-target.js';
import { inProcessRange } from './support/in-process-range.js';

// teaching-two-arm (reoffending 50% vs 40%, two-proportion z) with costs added: caseworkers of
// £45,000 a year at a caseload of 20 plus £500 a person, for the months of follow-up.
const COSTS = 'costs={ caseworkerAnnualCost: 45000, caseload: 20, perPersonCost: 500, eligiblePerAreaPerYear: 100 }';
const TRIALS = 400;

async function teachingWithCosts() {
  return loadDesign('teaching-two-arm', [COSTS, `simulation.trials=${TRIALS}`]);
}

type Loaded = Awaited<ReturnType<typeof teachingWithCosts>>;

// A (rows) and B (columns) as the command line composes them: B described at the design at A.
function setupFor(base: Loaded, rowPath: string, columnPath: string) {
  const rowParameter = describeParameter(base.design, rowPath);
  return (row: number): RowSetup => {
    const rowOverrides = rowParameter.overrides(row);
    const column = describeParameter(designWith(base, rowOverrides).design, columnPath);
    return {
      column,
      designAt: (value: number) => designWith(base, [...rowOverrides, ...column.overrides(value)]).design,
    };
  };
}

// The brute force: every (A, B) of the grid through the same evaluation (the scenario's seed,
// trials 0 … TRIALS − 1, the target's successes), the reaching cells, and the cheapest of them.
async function bruteForce(
  base: Loaded,
  rows: readonly number[],
  columns: readonly number[],
  setup: (row: number) => RowSetup,
) {
  const target = choosePowerTarget(base.design);
  const cells: { row: number; column: number; power: number; cost: number }[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const design: Design = setup(row).designAt(column);
      const { tally } = await inProcessRange(design, 0, TRIALS);
      cells.push({ row, column, power: countSuccesses(design, target, tally) / TRIALS, cost: deliveryCost(design) });
    }
  }
  return cells;
}

describe('planCheapestDesign', () => {
  it('finds the brute-force grid’s cheapest design reaching the target, with its cost (B over a list)', async () => {
    const base = await teachingWithCosts();
    const rowValues = [6, 12, 120];
    const columnValues = [100, 200, 300, 400, 600, 800, 1200];
    const setup = setupFor(base, 'design.followUpMonths', 'design.size.total');
    const grid = await bruteForce(base, rowValues, columnValues, setup);
    // The bisection is exact when power rises along B in every row (checked, so the comparison is fair).
    for (const row of rowValues) {
      const reaches = grid.filter((c) => c.row === row).map((c) => c.power >= 0.8);
      expect(reaches.indexOf(true)).toBeGreaterThan(0);
      expect(reaches.slice(reaches.indexOf(true)).every(Boolean)).toBe(true);
    }
    const reaching = grid.filter((c) => c.power >= 0.8).sort((a, b) => a.cost - b.cost || a.row - b.row);
    const plan = await planCheapestDesign(
      { path: 'design.followUpMonths', values: rowValues },
      'design.size.total',
      setup,
      deliveryCost,
      inProcessRange,
      { target: 0.8, powerTarget: choosePowerTarget(base.design), columnValues, listTrials: TRIALS },
    );
    expect(plan.complete).toBe(true);
    expect([plan.cheapest!.row, plan.cheapest!.column, plan.cheapest!.cost]).toEqual([
      reaching[0].row,
      reaching[0].column,
      reaching[0].cost,
    ]);
    // Every row the minimiser answered has the brute force's smallest reaching B and its cost and power.
    for (const point of plan.frontier.filter((p) => p.status === 'found')) {
      const first = grid.find((c) => c.row === point.row && c.power >= 0.8)!;
      expect([point.column, point.cost, point.power]).toEqual([first.column, first.cost, first.power]);
    }
    // Longer follow-up costs more at every size: 120 months cannot beat 6 and is skipped, not simulated.
    const skipped = plan.frontier.find((p) => p.row === 120)!;
    expect(skipped.status).toBe('skipped');
    expect(skipped.trials).toBe(0);
    expect(skipped.lowestCost).toBeGreaterThan(plan.cheapest!.costCI![1]);
  });

  it('searches B’s range per row, cheapest-scouted row first, with a frontier that falls as A grows when A buys power for free', async () => {
    // A = the control arm's size (free: costs are for the treated), B = people treated. More
    // controls can only lower the treated needed, so the frontier's B and cost must not rise
    // beyond their Monte Carlo intervals, and the cheapest is the largest control arm.
    const base = await teachingWithCosts();
    const setup = setupFor(base, 'design.size.control', 'design.size.treated');
    const plan = await planCheapestDesign(
      { path: 'design.size.control', values: [300, 600, 1200] },
      'design.size.treated',
      setup,
      deliveryCost,
      inProcessRange,
      { target: 0.8, powerTarget: choosePowerTarget(base.design), listTrials: TRIALS, precision: 0.02 },
    );
    const found = plan.frontier.filter((p) => p.status === 'found');
    expect(found.length).toBeGreaterThanOrEqual(1);
    // Rows are searched in the order a coarse scouting search prices them, each bounded by the
    // cheapest found before it: a row not found is one that could not beat it, never one that
    // fails the target (more treated always reach it here).
    for (const p of plan.frontier) if (p.status !== 'found') expect(['dearer', 'skipped']).toContain(p.status);
    for (let i = 1; i < found.length; i++) {
      expect(found[i].columnCI![0]).toBeLessThanOrEqual(found[i - 1].columnCI![1]);
      expect(found[i].costCI![0]).toBeLessThanOrEqual(found[i - 1].costCI![1]);
    }
    expect(plan.cheapest!.row).toBeGreaterThanOrEqual(600);
    // Scouting orders the rows and never changes an answer: the cheapest row searched on its own
    // gives the same B, interval and cost.
    const alone = await planCheapestDesign(
      { path: 'design.size.control', values: [plan.cheapest!.row] },
      'design.size.treated',
      setup,
      deliveryCost,
      inProcessRange,
      { target: 0.8, powerTarget: choosePowerTarget(base.design), listTrials: TRIALS, precision: 0.02 },
    );
    expect(alone.cheapest!.column).toBe(plan.cheapest!.column);
    expect(alone.cheapest!.columnCI).toEqual(plan.cheapest!.columnCI);
    expect(alone.cheapest!.cost).toBe(plan.cheapest!.cost);
    // Runners-up obey the stated rule.
    for (const other of plan.runnersUp) expect(other.costCI![0]).toBeLessThanOrEqual(plan.cheapest!.costCI![1]);
    expect(plan.atCheapest!.design.simulation.seed).toBe(base.design.simulation.seed);
  });
});
