// The clustered-analysis calibration script (scripts/clustered-calibration.mjs), quoted by
// docs/clustered-analysis.md, run at a tiny trial count against the build so that it cannot
// silently break when the core changes: its JSON shape, its rows for each outcome, the Monte Carlo
// intervals around each rate, and its exit codes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runNodeScript, type Finished } from '../support/run-cli.js';

const script = join(projectRoot, 'scripts/clustered-calibration.mjs');
const TRIALS = 20;

function calibrate(args: readonly string[]): Promise<Finished> {
  return runNodeScript(script, args);
}

interface Rate {
  value: number;
  low: number;
  high: number;
}

interface Row {
  design: string;
  outcome: string;
  analysis: string;
  coverage: Rate;
  coverageFlag: string;
  typeISharpNull: Rate;
  typeISharpFlag: string;
  typeIClusteredNull: Rate;
  typeIClusteredFlag: string;
  power: Rate;
  meanDf: number | null;
  shareDfBelow4: number | null;
  failures: number;
}

interface Summary {
  design: string;
  sets: string[];
  trials: number;
  caseworkers: number;
  plannedDf: number;
  seconds: number;
  rows: Row[];
}

// milton-keynes's own analyses (negative-binomial for counts, two-proportion-z for any-crime,
// mann-whitney for harm), the person-level alternatives and the cluster-robust variants.
const EXPECTED_ROWS = [
  ['crime', 'negative-binomial (scenario)'],
  ['crime', 'quasi-poisson'],
  ['crime', 'CR2 Poisson working'],
  ['crime', 'CR2 NB working'],
  ['crime', 'CR1 t(G-1)'],
  ['knife', 'negative-binomial (scenario)'],
  ['knife', 'quasi-poisson'],
  ['knife', 'CR2 Poisson working'],
  ['knife', 'CR2 NB working'],
  ['knife', 'CR1 t(G-1)'],
  ['any-crime', 'two-proportion-z (scenario)'],
  ['any-crime', 'risk-ratio'],
  ['any-crime', 'CR2 binomial working'],
  ['any-crime', 'CR1 t(G-1)'],
  ['harm', 'mann-whitney (scenario)'],
  ['harm', 'quasi-poisson'],
  ['harm', 'CR2 quasi-Poisson working'],
  ['harm', 'CR1 t(G-1)'],
];

/** A rate of `successes` out of `n` with its Wilson interval around it. */
function expectRate(rate: Rate, n: number, where: string): void {
  expect(rate.low, where).toBeLessThanOrEqual(rate.value);
  expect(rate.value, where).toBeLessThanOrEqual(rate.high);
  expect(rate.low, where).toBeGreaterThanOrEqual(0);
  expect(rate.high, where).toBeLessThanOrEqual(1);
  // A count of trials over the trials counted.
  expect(Math.abs(rate.value * n - Math.round(rate.value * n)), where).toBeLessThan(1e-9);
}

describe('scripts/clustered-calibration.mjs', () => {
  it(`--trials ${TRIALS} --design milton-keynes --json: one summary, a row per analysis, rates with their intervals`, async () => {
    const first = await calibrate(['--trials', String(TRIALS), '--design', 'milton-keynes', '--json']);
    expect(first.stderr).toMatch(/^milton-keynes: [\d.]+s\n$/);
    expect(first.code).toBe(0);
    const summaries = JSON.parse(first.stdout) as Summary[];
    expect(summaries).toHaveLength(1);
    const [summary] = summaries;
    expect(summary).toMatchObject({ design: 'milton-keynes', sets: [], trials: TRIALS, seconds: expect.any(Number) });
    // 45 treated at caseload 22 are dealt to 3 caseworkers; the planned CR2 df is a few (docs/clustered-analysis.md).
    expect(summary.caseworkers).toBe(3);
    expect(summary.plannedDf).toBeGreaterThan(2);
    expect(summary.plannedDf).toBeLessThan(5);
    expect(summary.rows.map((r) => [r.outcome, r.analysis])).toEqual(EXPECTED_ROWS);
    for (const row of summary.rows) {
      const where = `${row.outcome} ${row.analysis}`;
      expect(row.design).toBe('milton-keynes');
      expect(Number.isInteger(row.failures) && row.failures >= 0 && row.failures <= TRIALS, where).toBe(true);
      expectRate(row.coverage, TRIALS - row.failures, `${where} coverage`);
      expectRate(row.typeISharpNull, TRIALS, `${where} sharp null`);
      expectRate(row.typeIClusteredNull, TRIALS, `${where} clustered null`);
      expectRate(row.power, TRIALS, `${where} power`);
      for (const flag of [row.coverageFlag, row.typeISharpFlag, row.typeIClusteredFlag])
        expect(['', '!', '↑', '↓']).toContain(flag);
      // Only the cluster-robust analyses have degrees of freedom; CR1's G − 1 counts every control.
      if (row.analysis.startsWith('CR')) {
        expect(row.meanDf, where).toBeGreaterThan(0);
        expect(row.shareDfBelow4, where).toBeGreaterThanOrEqual(0);
      } else {
        expect(row.meanDf, where).toBeNull();
      }
    }
  });

  it('--list names every design; bad arguments are the user’s to fix (exit 2, naming the value)', async () => {
    const [list, unknown] = await Promise.all([
      calibrate(['--list']),
      calibrate(['--trials', '0', '--design', 'nowhere']),
    ]);
    expect(list.code).toBe(0);
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(':')[0]),
    ).toEqual([
      'milton-keynes',
      'milton-keynes-12-caseworkers',
      'milton-keynes-12-caseworkers-icc-0.05',
      'milton-keynes-scale-up',
      'milton-keynes-scale-up-individual',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--trials must be a positive whole number/);
  });

  it('a bad --set is a scenario error: exit 2, naming the path', async () => {
    const bad = await calibrate(['--trials', '5', '--design', 'milton-keynes', '--set', 'design.caseworkers.icc=-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/design\.caseworkers\.icc/);
  });
});
