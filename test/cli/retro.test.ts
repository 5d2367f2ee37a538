import { describe, expect, it } from 'vitest';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

describe('trialsim retro', () => {
  it('prints Gelman & Carlin’s published case as JSON with its inputs', async () => {
    const { code, stdout } = await trialsim(['retro', '--effect', '1', '--se', '3.3', '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['effect', 'se', 'alpha', 'power', 'typeS', 'exaggeration']);
    expect(document.effect).toBe(1);
    expect(document.se).toBe(3.3);
    expect(document.alpha).toBe(0.05);
    // Gelman & Carlin (2014): power 0.06, type S 0.19, exaggeration 7.8 (validation.md: 0.0606, 0.195, 7.80)
    expect(document.power).toBeCloseTo(0.0606, 4);
    expect(document.typeS).toBeCloseTo(0.195, 3);
    expect(document.exaggeration).toBeCloseTo(7.8, 1);
  });

  it('explains the numbers in a sentence', async () => {
    const { code, stdout } = await trialsim(['retro', '--effect', '3', '--se', '3.3']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/power\s+14\.9%/);
    expect(stdout).toMatch(/exaggeration\s+2\.72×/);
    expect(stdout).toMatch(/would be significant 14\.9% of the time/);
  });

  it('uses --alpha', async () => {
    const { stdout } = await trialsim(['retro', '--effect', '0.4', '--se', '0.25', '--alpha', '0.1', '--json']);
    // SciPy: norm.sf(c,.4,.25)+norm.cdf(-c,.4,.25) with c = norm.ppf(.95)·0.25 → 0.482700
    expect(JSON.parse(stdout).power).toBeCloseTo(0.4827, 4);
  });

  it('rejects a zero effect, a non-positive SE, a bad number, a bad alpha and a missing flag with exit 2, saying which', async () => {
    const cases: [string[], string][] = [
      [
        ['--effect', '0', '--se', '1'],
        'trialsim: --effect must not be 0: exaggeration is measured against a non-zero true effect\n' +
          'hint: give the smallest effect you think plausible, e.g. --effect 0.1\n',
      ],
      [
        ['--effect', '1', '--se', '-1'],
        'trialsim: --se must be above 0 (got -1)\nhint: the standard error of the estimate, e.g. --se 0.35\n',
      ],
      [['--effect', 'x', '--se', '1'], 'trialsim: --effect must be a number (got "x")\n'],
      [
        ['--effect', '1', '--se', '1', '--alpha', '2'],
        'trialsim: --alpha must be between 0 and 1 (got 2)\nhint: e.g. --alpha 0.05\n',
      ],
      [['--se', '1'], "error: required option '--effect <a>' not specified\n(add --help for usage)\n"],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await trialsim(['retro', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toBe(message);
      expect(stdout).toBe('');
    }
  });
});
