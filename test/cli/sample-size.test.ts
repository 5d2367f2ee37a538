// `trialsim sample-size` through the real command line in this process; the runner loads the
// compiled engine from dist/ (the pretest build makes it).
import { describe, expect, it } from 'vitest';
import { exactPowerTwoProportionZ } from '../search/support/exact-power.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

describe('trialsim sample-size', () => {
  it('prints the contract fields and a size whose interval holds the exact answer', async () => {
    const { code, stdout, stderr } = await trialsim([
      'sample-size',
      'teaching-two-arm',
      '--target',
      '0.8',
      '--json',
      '--quiet',
      '--threads',
      '1',
      '--no-null',
      '--trials',
      '500',
    ]);
    expect(code, stderr).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.command).toBe('sample-size');
    expect(document.target).toBe(0.8);
    expect(document.parameter).toBe('design.size.total');
    expect(document.status).toBe('found');
    expect(document.curve.length).toBeGreaterThan(4);
    for (const point of document.curve)
      expect(Object.keys(point)).toEqual(expect.arrayContaining(['value', 'power', 'powerCI']));
    // Exact enumeration of the pooled z test (support/exact-power.ts): the total first reaching 80%.
    const exact = (total: number) =>
      exactPowerTwoProportionZ(0.4, 0.5, Math.round(total / 2), 0.05, total - Math.round(total / 2));
    let truth = 700;
    while (exact(truth) < 0.8) truth++;
    expect(document.valueCI[0]).toBeLessThanOrEqual(truth);
    expect(document.valueCI[1]).toBeGreaterThanOrEqual(truth);
    // The report run is the design at the answer, with the scenario's seed and --trials.
    expect(document.design.total).toBe(document.value);
    expect(document.trials).toBe(500);
    expect(document.seed).toBe(1);
  });

  it('opens the table output with the verdict in plain words, wrapped to the width', async () => {
    const { code, stdout, stderr } = await trialsim([
      'sample-size',
      'teaching-two-arm',
      '--quiet',
      '--threads',
      '1',
      '--no-null',
      '--trials',
      '200',
      '--precision',
      '0.02',
    ]);
    expect(code, stderr).toBe(0);
    const verdict = stdout.slice(0, stdout.indexOf('\n\n')).replace(/\n\s*/g, ' ');
    expect(verdict).toMatch(
      /^To detect a true 20% reduction in reoffended within 12 months 80 times in 100 \(reoffend significant\), a trial needs about [\d,]+ people randomised \([\d,]+ treated and [\d,]+ control\); intention to treat\. As written \(200 people randomised\) it would detect it \d+ times in 100 \(\d+ simulated trials\)\.$/,
    );
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('prints the curve as CSV', async () => {
    const { code, stdout } = await trialsim([
      'sample-size',
      'teaching-two-arm',
      '--csv',
      '--quiet',
      '--threads',
      '1',
      '--no-null',
      '--trials',
      '200',
      '--precision',
      '0.02',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[0]).toBe('parameter,value,outcome,power,powerCILower,powerCIUpper,target');
  });

  it('rejects an unknown parameter, one the scenario lacks, an unknown outcome, a bad target and a bad --max with exit 2, saying which', async () => {
    const cases: [string[], string][] = [
      [
        ['--vary', 'design.nonsense'],
        'trialsim: --vary design.nonsense is not a parameter sample-size can search\n' +
          'hint: use one of design.size.total, design.size.treated, design.size.control, design.sites.count, design.sites.peoplePerSite, ' +
          'design.caseworkers.count, design.caseworkers.caseload, design.followUpMonths, recruitment.years ' +
          '(`curve` takes any numeric path)\n',
      ],
      [
        ['--vary', 'design.sites.count'],
        'trialsim: --vary design.sites.count: the scenario has no sites: add design.sites to vary their number\n',
      ],
      [
        ['--vary', 'recruitment.years'],
        'trialsim: --vary recruitment.years: recruitment years need costs.eligiblePerAreaPerYear in the scenario\n',
      ],
      [['--outcome', 'nope'], 'trialsim: --outcome: no outcome "nope"; the scenario\'s outcomes are reoffend\n'],
      [['--target', '1.2'], 'trialsim: --target must be between 0 and 1 (got "1.2")\n'],
      [['--precision', '0'], 'trialsim: --precision must be between 0 and 1 (got "0")\n'],
      [['--max', '2'], 'trialsim: --max must be above 4 for design.size.total (got 2)\n'],
      [['--max', 'x'], 'trialsim: --max must be a number above 0 (got "x")\n'],
      [
        ['--json', '--csv'],
        'trialsim: choose one output format, not --json and --csv\n' +
          'hint: run the command once per format, e.g. with --json --out result.json, then --csv --out result.csv\n',
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await trialsim([
        'sample-size',
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
