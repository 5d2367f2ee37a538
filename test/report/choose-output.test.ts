import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors/user-error.js';
import { chooseOutput, readOutputEnvironment, type OutputFlags } from '../../src/report/choose-output.js';
import { OutputError } from '../../src/report/output-error.js';

const terminal = { isTTY: true, ci: false, noColor: false };
const pipe = { isTTY: false, ci: false, noColor: false };

describe('chooseOutput', () => {
  // One row per case of DESIGN.md §4: [flags, environment, expected mode].
  const cases: [string, OutputFlags, typeof terminal, ReturnType<typeof chooseOutput>][] = [
    [
      'a terminal gets the dashboard and colour',
      {},
      terminal,
      { format: 'table', dashboard: true, progress: 'dashboard', color: true },
    ],
    [
      'a pipe gets the plain table and progress lines',
      {},
      pipe,
      { format: 'table', dashboard: false, progress: 'lines', color: false },
    ],
    [
      'CI on a terminal gets no dashboard and no colour',
      {},
      { ...terminal, ci: true },
      { format: 'table', dashboard: false, progress: 'lines', color: false },
    ],
    [
      'NO_COLOR keeps the dashboard but drops colour',
      {},
      { ...terminal, noColor: true },
      { format: 'table', dashboard: true, progress: 'dashboard', color: false },
    ],
    [
      '--quiet on a terminal gets no progress at all',
      { quiet: true },
      terminal,
      { format: 'table', dashboard: false, progress: 'none', color: true },
    ],
    [
      '--quiet on a pipe gets no progress',
      { quiet: true },
      pipe,
      { format: 'table', dashboard: false, progress: 'none', color: false },
    ],
    [
      '--json on a terminal gets progress lines',
      { json: true },
      terminal,
      { format: 'json', dashboard: false, progress: 'lines', color: false },
    ],
    ['--csv on a pipe', { csv: true }, pipe, { format: 'csv', dashboard: false, progress: 'lines', color: false }],
    [
      '--markdown --quiet',
      { markdown: true, quiet: true },
      terminal,
      { format: 'markdown', dashboard: false, progress: 'none', color: false },
    ],
    [
      '--out on a terminal keeps the dashboard but writes the file without colour',
      { out: 'r.txt' },
      terminal,
      { format: 'table', dashboard: true, progress: 'dashboard', color: false },
    ],
    [
      '--json --out on a terminal',
      { json: true, out: 'r.json' },
      terminal,
      { format: 'json', dashboard: false, progress: 'lines', color: false },
    ],
  ];
  it.each(cases)('%s', (_name, flags, env, expected) => {
    expect(chooseOutput(flags, env)).toEqual(expected);
  });

  it('refuses two formats at once with a user error', () => {
    expect(() => chooseOutput({ json: true, csv: true }, pipe)).toThrow(OutputError);
    expect(() => chooseOutput({ json: true, markdown: true }, pipe)).toThrow(/--json and --markdown/);
    expect(new OutputError('x')).toBeInstanceOf(UserError);
  });
});

describe('readOutputEnvironment', () => {
  it('reads CI and NO_COLOR as set only when non-empty (and CI not false)', () => {
    expect(readOutputEnvironment({ CI: 'true', NO_COLOR: '1' }, { isTTY: true })).toEqual({
      isTTY: true,
      ci: true,
      noColor: true,
    });
    expect(readOutputEnvironment({ CI: '', NO_COLOR: '' }, {})).toEqual({ isTTY: false, ci: false, noColor: false });
    expect(readOutputEnvironment({ CI: 'false' }, { isTTY: false }).ci).toBe(false);
  });
});
