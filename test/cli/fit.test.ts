/**
 * `trialsim synth` and `trialsim fit` from the command line: a synthetic extract fits to a scenario
 * that `validate` accepts; bad extracts are refused with file:line:column, exit 2 and no output
 * file; the output is written whole or not at all.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-fit-'));
const extract = join(folder, 'mk.csv');
const WINDOWS = ['--prior-months', '24', '--followup-months', '12'];

beforeAll(async () => {
  const { code } = await trialsim(['synth', 'milton-keynes', '--people', '400', '--seed', '5', '--out', extract]);
  expect(code).toBe(0);
});

describe('trialsim synth', () => {
  test('writes the same extract for the same seed and another for another seed', async () => {
    const again = join(folder, 'again.csv');
    const other = join(folder, 'other.csv');
    await trialsim(['synth', 'milton-keynes', '--people', '400', '--seed', '5', '--out', again]);
    await trialsim(['synth', 'milton-keynes', '--people', '400', '--seed', '6', '--out', other]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(extract, 'utf8'));
    expect(readFileSync(other, 'utf8')).not.toBe(readFileSync(extract, 'utf8'));
    const header = readFileSync(extract, 'utf8').split('\n')[0];
    expect(header).toBe(
      'id,group,exposure_prior_days,exposure_followup_days,crime_prior,crime_followup,knife_prior,knife_prior_12m,knife_followup,victim_prior,victim_followup,violence_prior,violence_followup,knife-u18_prior,knife-u18_followup,harm_followup_events',
    );
  });

  test('refuses a bad --people with exit 2', async () => {
    const { code, stderr } = await trialsim(['synth', 'milton-keynes', '--people', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('--people must be a whole number');
  });
});

describe('trialsim fit', () => {
  test('fits a scenario that validate accepts, with FITTED comments and TODO placeholders', async () => {
    const out = join(folder, 'fitted.yaml');
    const select =
      '[{ outcomes: [knife], atLeast: 1, withinMonths: 12 }, { outcomes: [knife, violence], atLeast: 2, withinMonths: 24 }]';
    const { code, stderr } = await trialsim(['fit', extract, ...WINDOWS, '--select', select, '--out', out]);
    expect(stderr).toMatch(/^fitted .*mk\.csv: 400 people, 2 group\(s\)/);
    expect(code).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toMatch(
      /dispersion: \{ from: ([\d.]+), to: ([\d.]+), central: [\d.]+ \} {2}# FITTED from mk\.csv: n = 400, 95% CI \1–\2 \((profile likelihood|Wald on the log scale)\)/,
    );
    // Fitted values are uncertain values: the interval is the range, the estimate its central value.
    expect(yaml).toMatch(
      /youth: \{ from: ([\d.]+), to: ([\d.]+), central: [\d.]+ \} {2}# FITTED from mk\.csv: n = \d+, 95% CI \1–\2/,
    );
    expect(yaml).toContain('effect: { rateRatio: 1 }  # TODO');
    expect(yaml).toContain('# Eligible in mk.csv:');
    const validated = await trialsim(['validate', out]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/^ok .*fitted\.yaml: mk — 6 outcomes/);
  });

  test('copies effects and analyses with --effect-from', async () => {
    const { code, stdout } = await trialsim(['fit', extract, ...WINDOWS, '--effect-from', 'milton-keynes']);
    expect(code).toBe(0);
    expect(stdout).toContain('effect: { rateRatio: 0.46 }  # copied from milton-keynes');
    expect(stdout).not.toContain('TODO: a placeholder of no effect');
  });

  test('prints the extract columns in --help', async () => {
    const { code, stdout } = await trialsim(['fit', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('OUTCOME_followup');
    expect(stdout).toContain('exposure_followup_days');
  });

  const header = 'id,group,knife_prior,knife_followup';
  const bad: [string, string, string[], RegExp][] = [
    [
      'a missing column',
      `${header}\np1,youth,1,0\n`,
      ['--outcomes', 'knife,crime'],
      /bad\.csv:1:1: has no column "crime_followup"/,
    ],
    [
      'a negative count',
      `${header}\np1,youth,1,0\np2,adult,-2,1\n`,
      [],
      /bad\.csv:3:10: knife_prior must be a count ≥ 0, not negative \(got "-2"\)/,
    ],
    [
      'text in a number',
      `${header}\np1,youth,1,0\np2,adult,1,two\n`,
      [],
      /bad\.csv:3:12: knife_followup is not a number \(got "two"\)/,
    ],
    ['an empty file', '', [], /bad\.csv:1:1: is empty/],
    ['a row with too few fields', `${header}\np1,youth,1\n`, [], /bad\.csv:2:1: has 3 fields but the header has 4/],
    ['an unclosed quote', `${header}\np1,"youth,1,0\n`, [], /bad\.csv:2:\d+: is not valid CSV/],
    [
      'a repeated person',
      `${header}\np1,youth,1,0\np1,adult,0,0\n`,
      [],
      /bad\.csv:3:1: id repeats the person id of line 2/,
    ],
    [
      'a count in a fraction',
      `${header}\np1,youth,1.5,0\n`,
      [],
      /bad\.csv:2:10: knife_prior must be a whole number of events/,
    ],
  ];
  test.each(bad)('refuses %s: exit 2, line:column, no output file', async (_, text, flags, message) => {
    const file = join(folder, 'bad.csv');
    const out = join(folder, `never-${readdirSync(folder).length}.yaml`);
    writeFileSync(file, text);
    const { code, stderr } = await trialsim(['fit', file, ...WINDOWS, ...flags, '--out', out]);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('refuses a 1 GB file from its size, before reading it', async () => {
    const huge = join(folder, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 1024 ** 3); // sparse: no disk is used
    const out = join(folder, 'huge.yaml');
    const { code, stderr } = await trialsim(['fit', huge, ...WINDOWS, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'huge.csv: is 1.0 GB; extracts are limited to 100 MB (about a million people) and it was not read',
    );
    expect(existsSync(out)).toBe(false);
  });

  test('leaves an existing output untouched, and no temporary file, when the fit fails', async () => {
    const out = join(folder, 'kept.yaml');
    writeFileSync(out, 'name: kept\n');
    const file = join(folder, 'bad2.csv');
    writeFileSync(file, `${header}\np1,youth,x,0\n`);
    const { code } = await trialsim(['fit', file, ...WINDOWS, '--out', out]);
    expect(code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('name: kept\n');
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('refuses --select rules the extract cannot evaluate', async () => {
    const unknown = await trialsim([
      'fit',
      extract,
      ...WINDOWS,
      '--select',
      '[{ outcomes: [guns], atLeast: 1, withinMonths: 24 }]',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--select: --select rule 1: the extract has no count outcome guns');
    const window = await trialsim([
      'fit',
      extract,
      ...WINDOWS,
      '--select',
      '[{ outcomes: [crime], atLeast: 1, withinMonths: 6 }]',
    ]);
    expect(window.code).toBe(2);
    expect(window.stderr).toContain('no crime_prior_6m column');
  });

  test('needs --prior-months when the extract has prior-window counts', async () => {
    const { code, stderr } = await trialsim(['fit', extract, '--followup-months', '12']);
    expect(code).toBe(2);
    expect(stderr).toContain('has prior-window counts but no window length');
  });

  test('reports an unwritable --out as exit 2', async () => {
    const { code, stderr } = await trialsim([
      'fit',
      extract,
      ...WINDOWS,
      '--out',
      join(folder, 'no', 'such', 'x.yaml'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('its folder does not exist');
  });
});
