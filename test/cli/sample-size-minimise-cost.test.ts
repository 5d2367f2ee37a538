// `trialsim sample-size --minimise cost` through the real command line in this process; the runner
// loads the compiled engine from dist/ (the pretest build makes it).
import { describe, expect, it } from 'vitest';
import { exactPowerTwoProportionZ } from '../search/support/exact-power.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

const COSTS = 'costs={ caseworkerAnnualCost: 45000, caseload: 20, perPersonCost: 500, eligiblePerAreaPerYear: 100 }';
const SMALL = ['--quiet', '--threads', '1', '--trials', '300', '--set', COSTS];

describe('trialsim sample-size --minimise cost', () => {
  it('prints the frontier, the cheapest design and the runners-up in the JSON document', async () => {
    const { code, stdout, stderr } = await trialsim([
      'sample-size',
      'teaching-two-arm',
      '--minimise',
      'cost',
      '--vary',
      'design.followUpMonths=6,12',
      '--vary',
      'design.size.total=200,400,1000,1600',
      '--json',
      ...SMALL,
    ]);
    expect(code, stderr).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.command).toBe('sample-size');
    expect(document.minimise).toBe('cost');
    expect(document.target).toBe(0.8);
    const search = document.costSearch;
    expect(search.rows).toEqual({ parameter: 'design.followUpMonths', values: [6, 12] });
    expect(search.columns).toEqual({
      parameter: 'design.size.total',
      values: [200, 400, 1000, 1600],
      min: 200,
      max: 1600,
    });
    expect(search.frontier.map((p: { row: number }) => p.row)).toEqual([6, 12]);
    for (const point of search.frontier)
      expect(Object.keys(point).sort()).toEqual(
        [
          'column',
          'columnCI',
          'cost',
          'costCI',
          'lowestCost',
          'plateau',
          'power',
          'powerCI',
          'row',
          'status',
          'trials',
        ].sort(),
      );
    // 50% vs 40%: by exact enumeration of the pooled z test (support/exact-power.ts) power at 400
    // and 1,000 people is more than four Monte Carlo SEs of 300 trials from 80%, on either side, so
    // 1,000 is the smallest listed size reaching it; and six months of caseworkers cost less than twelve.
    const se = (p: number) => Math.sqrt((p * (1 - p)) / 300);
    const [at400, at1000] = [exactPowerTwoProportionZ(0.4, 0.5, 200), exactPowerTwoProportionZ(0.4, 0.5, 500)];
    expect(at400 + 4 * se(at400)).toBeLessThan(0.8);
    expect(at1000 - 4 * se(at1000)).toBeGreaterThan(0.8);
    expect(search.cheapest.row).toBe(6);
    expect(search.cheapest.column).toBe(1000);
    expect(search.cheapest.people).toEqual({ treated: 500, control: 500, total: 1000 });
    expect(search.cheapest.caseworkers).toBe(25);
    // 25 caseworkers × £45,000 × 6 / 12 + 500 × £500.
    expect(search.cheapest.cost).toBe(25 * 45000 * 0.5 + 500 * 500);
    expect(search.cheapest.powerCI[0]).toBeLessThanOrEqual(search.cheapest.power);
    // The run section is the cheapest design, with the scenario's seed and the same trials.
    expect(document.design.total).toBe(1000);
    expect(document.trials).toBe(300);
    expect(typeof search.withinTheNoise).toBe('string');
    for (const other of search.runnersUp) expect(other.costCI[0]).toBeLessThanOrEqual(search.cheapest.costCI[1]);
  });

  it('refuses a scenario without costs, naming the block to add (exit 2)', async () => {
    const { code, stderr } = await trialsim([
      'sample-size',
      'teaching-two-arm',
      '--minimise',
      'cost',
      '--vary',
      'design.followUpMonths=6,12',
      '--vary',
      'design.size.total',
      '--quiet',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('no costs block');
    expect(stderr).toContain('costs: { caseworkerAnnualCost');
  });

  it.each([
    [['--vary', 'design.size.total'], '--minimise cost needs --vary twice'],
    [['--vary', 'design.size.total', '--vary', 'design.size.total'], 'is given twice'],
    [
      ['--vary', 'design.size.total=200,400', '--vary', 'outcomes.reoffend.prevalence'],
      'the second --vary of a cost search',
    ],
  ])('refuses %j (exit 2)', async (varies, message) => {
    const { code, stderr } = await trialsim([
      'sample-size',
      'teaching-two-arm',
      '--minimise',
      'cost',
      ...varies,
      ...SMALL,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('refuses two --vary without --minimise cost (exit 2)', async () => {
    const { code, stderr } = await trialsim([
      'sample-size',
      'teaching-two-arm',
      '--vary',
      'design.size.total',
      '--vary',
      'design.size.treated',
      ...SMALL,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--vary is given 2 times');
  });
});
