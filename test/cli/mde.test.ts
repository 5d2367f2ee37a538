import { describe, expect, it } from 'vitest';
import { exactPowerTwoProportionZ } from '../search/support/exact-power.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

describe('trialsim mde', () => {
  it('prints the minimum detectable ratio with an interval holding the exact one', async () => {
    const { code, stdout, stderr } = await trialsim([
      'mde',
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
    expect(document.command).toBe('mde');
    expect(document.target).toBe(0.8);
    // Exact: the risk ratio at which the pooled z test (100 per arm, control 50%) has 80% power, by bisection.
    let weak = 0.99;
    let strong = 0.3;
    for (let step = 0; step < 40; step++) {
      const mid = (weak + strong) / 2;
      if (exactPowerTwoProportionZ(0.5 * mid, 0.5, 100) >= 0.8) strong = mid;
      else weak = mid;
    }
    const truth = (weak + strong) / 2;
    expect(Math.min(...document.mdeCI)).toBeLessThanOrEqual(truth);
    expect(Math.max(...document.mdeCI)).toBeGreaterThanOrEqual(truth);
    // The report run is the scenario with the MDE as its effect.
    expect(document.results[0].estimand).toBeCloseTo(document.mde, 6);
  });

  it('explains the answer in words', async () => {
    const { code, stdout } = await trialsim([
      'mde',
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
    expect(code).toBe(0);
    expect(stdout).toMatch(/Minimum detectable effect for 80% power \(reoffend significant\): risk ratio 0\.\d+/);
  });

  it('rejects an unknown outcome and a bad target with exit 2, saying which', async () => {
    const cases: [string[], string][] = [
      [['--outcome', 'knife'], 'trialsim: --outcome: no outcome "knife"; the scenario\'s outcomes are reoffend\n'],
      [['--target', '0'], 'trialsim: --target must be between 0 and 1 (got "0")\n'],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await trialsim([
        'mde',
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
