// --out and --svg are checked before any trial runs, so a long simulation is never lost to a
// mistyped folder: each command below would run for hours with these --trials, yet fails at once.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

describe('an unwritable --out or --svg is found before the simulation starts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trialsim-out-first-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const missing = join(dir, 'no-such-folder', 'result.json');
  const HUGE = ['--trials', '100000000'];
  const cases: [string, string[], string][] = [
    ['run, missing folder', ['run', 'milton-keynes', ...HUGE, '--json', '--out', missing], `--out ${missing}`],
    ['run, a folder', ['run', 'milton-keynes', ...HUGE, '--out', dir], `--out ${dir}`],
    [
      'sample-size --svg',
      ['sample-size', 'teaching-two-arm', ...HUGE, '--svg', join(dir, 'nope', 'c.svg')],
      `--svg ${join(dir, 'nope', 'c.svg')}`,
    ],
    ['mde --out', ['mde', 'teaching-two-arm', ...HUGE, '--out', missing], `--out ${missing}`],
    [
      'curve --out',
      ['curve', 'teaching-two-arm', '--vary', 'design.size.total=100,200', ...HUGE, '--out', missing],
      `--out ${missing}`,
    ],
    ['explain --out', ['explain', 'teaching-two-arm', ...HUGE, '--out', missing], `--out ${missing}`],
  ];
  for (const [name, args, named] of cases)
    it(name, async () => {
      const started = performance.now();
      const { code, stdout, stderr } = await trialsim(args);
      const seconds = (performance.now() - started) / 1000;
      expect(code).toBe(2);
      expect(stdout).toBe('');
      // The whole of stderr is the error: no progress line, so no trial ran.
      expect(stderr).toMatch(
        new RegExp(
          `^trialsim: ${named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be written: [^\\n]+\\n` +
            'hint: give --(out|svg) a file in an existing folder you can write to; nothing has been simulated yet\\n$',
        ),
      );
      // 10^8 trials would take days; loading and checking the scenario takes well under a second on
      // a quiet machine, but a shared machine running the whole suite can stretch it past one.
      expect(seconds).toBeLessThan(30);
      expect(readdirSync(dir)).toEqual([]);
    });
});
