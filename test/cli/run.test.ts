// `trialsim run` end to end: the JSON contract of docs/json-output.md, reproducibility across threads,
// exit codes, and clean output off a terminal.
import { describe, expect, it } from 'vitest';
import { trialsim } from '../support/run-cli.js';
import { STREAM_VERSION } from '../../src/core/rng/stream-version.js';

const CONTRACT_RESULT_FIELDS = [
  'outcome',
  'analysis',
  'primary',
  'estimand',
  'power',
  'powerCI',
  'mcse',
  'typeIError',
  'bias',
  'rmse',
  'coverage',
  'typeS',
  'exaggeration',
  'meanEstimate',
  'failures',
];

function withoutTiming(text: string): Record<string, unknown> {
  const { timing, ...rest } = JSON.parse(text) as Record<string, unknown>;
  expect(timing).toMatchObject({
    seconds: expect.any(Number),
    trialsPerSecond: expect.any(Number),
    threads: expect.any(Number),
  });
  return rest;
}

describe('trialsim run --json', () => {
  it('prints one document with every contract field', async () => {
    const { code, stdout } = await trialsim(['run', 'milton-keynes', '--json', '--trials', '200', '--threads', '1']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.tool).toEqual({ name: 'trialsim', version: expect.any(String), streamVersion: STREAM_VERSION });
    expect(document.command).toBe('run');
    expect(document.scenario).toMatchObject({ name: 'milton-keynes', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(document).toMatchObject({
      seed: 2023,
      trials: 200,
      complete: true,
      design: { treated: 45, control: 120, total: 165 },
    });
    expect(document.results.length).toBeGreaterThan(0);
    for (const result of document.results)
      for (const field of CONTRACT_RESULT_FIELDS) expect(result).toHaveProperty(field);
    expect(document.familywise).toEqual(
      expect.objectContaining({
        anyPrimary: expect.any(Number),
        allPrimary: expect.any(Number),
        errorUnderNull: expect.any(Number),
      }),
    );
  });

  it('gives the same document on 1 and 2 threads, except timing', async () => {
    const args = ['run', 'teaching-two-arm', '--json', '--trials', '300'];
    const [one, two] = await Promise.all([
      trialsim([...args, '--threads', '1']),
      trialsim([...args, '--threads', '2']),
    ]);
    expect(withoutTiming(two.stdout)).toEqual(withoutTiming(one.stdout));
  });

  it('changes its numbers when the seed changes', async () => {
    const args = ['run', 'teaching-two-arm', '--json', '--trials', '300', '--threads', '1'];
    const [first, second] = await Promise.all([trialsim([...args, '--seed', '1']), trialsim([...args, '--seed', '2'])]);
    expect(JSON.parse(first.stdout).results[0].power).not.toBe(JSON.parse(second.stdout).results[0].power);
  });

  it('skips the paired null run with --no-null', async () => {
    const { stdout } = await trialsim([
      'run',
      'teaching-two-arm',
      '--json',
      '--trials',
      '100',
      '--no-null',
      '--threads',
      '1',
    ]);
    expect(JSON.parse(stdout).results[0].typeIError).toBeNull();
  });
});

describe('trialsim run, bad input and plain output', () => {
  it('exits 2 with the path and value for a bad --set, and prints no stack', async () => {
    const { code, stderr, stdout } = await trialsim(['run', 'teaching-two-arm', '--set', 'design.attrition=1.5']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/design\.attrition/);
    expect(stderr).toMatch(/1\.5/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an unknown scenario, a bad flag value and a misused --shard, saying which', async () => {
    const cases: [string[], string][] = [
      [
        ['no-such-scenario'],
        'no-such-scenario: is neither a file nor a built-in scenario\n' +
          '  fix: known built-in scenarios: bench-ref, milton-keynes-replication, milton-keynes-rollout, milton-keynes-scale-up, milton-keynes-sequential, milton-keynes, teaching-two-arm\n' +
          '1 problem found.\n',
      ],
      [['teaching-two-arm', '--trials', 'many'], 'trialsim: --trials must be a whole number ≥ 1 (got "many")\n'],
      [['teaching-two-arm', '--engine', 'nope'], 'trialsim: --engine must be person, aggregate or auto (got "nope")\n'],
      [
        ['teaching-two-arm', '--shard', '1/2'],
        'trialsim: --shard writes a shard document for `trialsim merge`; add --json\n' +
          'hint: e.g. trialsim run SCENARIO --shard 1/3 --json --out shard-1.json\n',
      ],
      [
        ['teaching-two-arm', '--shard', '3/2', '--json'],
        'trialsim: --shard 3/2: the shard number must be from 1 to 2\n',
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await trialsim(['run', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toBe(message);
      expect(stdout).toBe('');
    }
  });

  it('writes no escape codes to a pipe, and progress only to stderr', async () => {
    const { code, stdout, stderr } = await trialsim(['run', 'teaching-two-arm', '--trials', '200', '--threads', '1']);
    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain(`${String.fromCharCode(27)}[`);
    expect(stdout).toMatch(/power/);
    expect(stderr).toMatch(/trials/);
  });

  it('prints the costs where the scenario has them, agreeing with its inputs', async () => {
    const { code, stdout } = await trialsim([
      'run',
      'milton-keynes-scale-up',
      '--trials',
      '100',
      '--threads',
      '1',
      '--no-null',
    ]);
    expect(code).toBe(0);
    const text = stdout.replace(/\n\s*/g, ' ');
    // scenarios/milton-keynes-scale-up.yaml: 300 treated, caseload 22, £45,000 a year, £500 a person, 12 months:
    // ⌈300 / 22⌉ = 14 caseworkers; 14 × 45,000 + 300 × 500 = 780,000.
    expect(text).toContain(
      'A trial of 300 treated and 300 control (600 people; 14 caseworkers at a caseload of 22, delivery about £780,000) would detect',
    );
    expect(text).toContain(
      'Caseworkers: 14 (caseload 22) · delivery £780,000 = 14 caseworkers × £45,000 a year for 12 months + 300 treated × £500',
    );
  });
});
