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

  it('rejects an unknown parameter, an unknown outcome and a target outside (0, 1) with exit 2', async () => {
    for (const args of [
      ['--vary', 'design.nonsense'],
      ['--vary', 'design.sites.count'],
      ['--outcome', 'nope'],
      ['--target', '1.2'],
      ['--max', '2'],
    ]) {
      const { code, stderr } = await trialsim([
        'sample-size',
        'teaching-two-arm',
        '--quiet',
        '--threads',
        '1',
        ...args,
      ]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/trialsim|error/);
    }
  });
});
