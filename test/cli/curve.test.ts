import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exactPowerTwoProportionZ } from '../search/support/exact-power.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-curve-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('trialsim curve', () => {
  it('gives power at each value within 4 Monte Carlo SEs of exact enumeration', async () => {
    const { code, stdout, stderr } = await trialsim([
      'curve',
      'teaching-two-arm',
      '--vary',
      'design.size.total=200:600:200',
      '--json',
      '--quiet',
      '--threads',
      '1',
      '--trials',
      '1000',
    ]);
    expect(code, stderr).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.command).toBe('curve');
    expect(document.curve.map((p: { value: number }) => p.value)).toEqual([200, 400, 600]);
    for (const point of document.curve) {
      const perArm = point.value / 2;
      const exact = exactPowerTwoProportionZ(0.4, 0.5, perArm);
      expect(Math.abs(point.power - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 1000));
    }
  });

  it('draws an SVG and prints a text plot', async () => {
    const svg = join(folder, 'power.svg');
    const { code, stdout } = await trialsim([
      'curve',
      'teaching-two-arm',
      '--vary',
      'design.size.total=100,300',
      '--svg',
      svg,
      '--quiet',
      '--threads',
      '1',
      '--trials',
      '200',
    ]);
    expect(code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    expect(stdout).toMatch(/power by design\.size\.total/);
  });

  it('evaluates a two-way grid with --vary twice: JSON cells, the contour, a heatmap', async () => {
    const svg = join(folder, 'grid.svg');
    const args = ['curve', 'teaching-two-arm', '--vary', 'outcomes.reoffend.effect.riskRatio=0.6,0.8'];
    const { code, stdout, stderr } = await trialsim([
      ...args,
      '--vary',
      'design.size.total=200,400',
      '--target',
      '0.8',
      '--svg',
      svg,
      '--json',
      '--quiet',
      '--threads',
      '1',
      '--trials',
      '400',
    ]);
    expect(code, stderr).toBe(0);
    const { grid } = JSON.parse(stdout);
    expect(grid.rows).toEqual({ parameter: 'outcomes.reoffend.effect.riskRatio', values: [0.6, 0.8] });
    expect(grid.columns).toEqual({ parameter: 'design.size.total', values: [200, 400] });
    expect(grid.cells).toHaveLength(4);
    for (const cell of grid.cells) {
      // Exact enumeration of the pooled z test, within 4 binomial Monte Carlo SEs of 400 trials.
      const exact = exactPowerTwoProportionZ(0.5 * cell.row, 0.5, cell.column / 2);
      expect(Math.abs(cell.power - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 400));
    }
    expect(grid.contour.map((point: { row: number }) => point.row)).toEqual([0.6, 0.8]);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
  });

  it('refuses a grid of one parameter twice, three --vary and several outcomes, with exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--vary', 'design.size.total=100,200', '--vary', 'design.size.total=300'], /given twice/],
      [
        ['--vary', 'design.size.total=100', '--vary', 'design.size.treated=50', '--vary', 'design.size.control=50'],
        /given 3 times/,
      ],
      [
        ['--vary', 'design.size.total=100', '--vary', 'design.size.treated=50', '--outcome', 'reoffend,reoffend2'],
        /one target/,
      ],
    ];
    for (const [options, message] of cases) {
      const { code, stderr } = await trialsim(['curve', 'teaching-two-arm', ...options, '--quiet', '--trials', '10']);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it('rejects a malformed --vary, an unknown outcome, a parameter the scenario lacks and a bad target with exit 2, saying which', async () => {
    const cases: [string[], string][] = [
      [['--vary', 'design.size.total=1:0:1'], 'trialsim: --vary design.size.total=1:0:1: TO must be at least FROM\n'],
      [
        ['--vary', 'nonsense'],
        'trialsim: --vary nonsense: expected PATH=FROM:TO:STEP, e.g. design.size.total=100:1000:100\n',
      ],
      [
        ['--vary', 'design.size.total=100,200', '--outcome', 'nope,other'],
        "trialsim: --outcome: no outcome nope, other\nhint: the scenario's outcomes are reoffend\n",
      ],
      [
        ['--vary', 'design.sites.count=2:4:1'],
        'trialsim: --vary design.sites.count: the scenario has no sites: add design.sites to vary their number\n',
      ],
      [
        ['--vary', 'design.size.total=100,200', '--target', '2'],
        'trialsim: --target must be between 0 and 1 (got "2")\n',
      ],
      [
        ['--vary', 'design.size.total=100,200', '--shard', '1/2'],
        'trialsim: --shard is for `run`; the planning commands choose their own trials\n' +
          'hint: run the search on one machine, or shard `run` at the chosen size\n',
      ],
      [[], "error: required option '--vary <path=from:to:step>' not specified\n(add --help for usage)\n"],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await trialsim([
        'curve',
        'teaching-two-arm',
        '--quiet',
        '--threads',
        '1',
        ...args,
      ]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toBe(message);
      expect(stdout).toBe('');
    }
  });
});
