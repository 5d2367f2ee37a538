// `trialsim merge` as a user runs it: the built executable in separate processes (bin/trialsim
// loads dist/, which the pretest build produces).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { trialsim, type Finished } from '../support/run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-merge-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The document without `timing`, the one field allowed to differ. */
function withoutTiming(text: string): unknown {
  const { timing, ...rest } = JSON.parse(text) as Record<string, unknown>;
  expect(timing).toBeDefined();
  return rest;
}

describe('trialsim merge', () => {
  const shards = [1, 2, 3].map((index) => join(folder, `shard-${index}.json`));
  let shardRuns: Finished[] = [];
  beforeAll(async () => {
    // Three shards as three separate processes, at the same time, as a batch scheduler would run them.
    shardRuns = await Promise.all(
      shards.map((file, i) =>
        trialsim([
          'run',
          'bench-ref',
          '--shard',
          `${i + 1}/3`,
          '--json',
          '--trials',
          '300',
          '--threads',
          '1',
          '--quiet',
          '--out',
          file,
        ]),
      ),
    );
  });

  test('merging 3 shards run as separate processes prints the full run’s document, timing aside', async () => {
    for (const run of shardRuns) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe(''); // no warnings (e.g. DEP0132) or stray output from the workers
    }
    const full = await trialsim(['run', 'bench-ref', '--json', '--trials', '300', '--threads', '2', '--quiet']);
    expect(full.code, full.stderr).toBe(0);
    // Shards given out of order: merge sorts them by trial range.
    const merged = await trialsim(['merge', shards[2], shards[0], shards[1], '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toBe('');
    expect(withoutTiming(merged.stdout)).toEqual(withoutTiming(full.stdout));
    expect(JSON.parse(merged.stdout).trials).toBe(300);
  });

  test('writes the merged result to --out in the chosen format', async () => {
    const out = join(folder, 'merged.md');
    const merged = await trialsim(['merge', ...shards, '--markdown', '--out', out]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('offences');
  });

  test('refuses a missing slice with exit 2, naming the gap and the missing shard', async () => {
    const first = join(folder, 'lonely.json');
    writeFileSync(first, JSON.stringify(fakeShard(1, 3)));
    const merged = await trialsim(['merge', first]);
    expect(merged.code).toBe(2);
    expect(merged.stdout).toBe('');
    expect(merged.stderr).toContain('no shard holds trials 3–8 (shard 2/3, 3/3 are missing)');
  });

  test('refuses a file that does not exist or is not JSON, with exit 2 and the file named', async () => {
    const missing = await trialsim(['merge', join(folder, 'nowhere.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot read shard file ${join(folder, 'nowhere.json')}: no such file`);
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not json');
    const notJson = await trialsim(['merge', text]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain(`${text} is not JSON`);
  });

  test('needs at least one file', async () => {
    const none = await trialsim(['merge']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument/);
  });
});

/** A shard document with only what merge checks before it simulates anything (it fails on the gap). */
function fakeShard(index: number, count: number): unknown {
  const tally = { trials: 3, outcomes: [], anyPrimary: 0, allPrimary: 0, nullRun: null };
  return {
    tool: { name: 'trialsim', version: '0.1.0' },
    command: 'run',
    scenario: { name: 'x', sha256: 'abc' },
    seed: 1,
    trials: 3,
    complete: true,
    timing: { seconds: 1, trialsPerSecond: 3, threads: 1 },
    shard: { index, count, trialRange: [0, 3], totalTrials: 9, withNull: false },
    compiledDesign: { name: 'x' },
    tally,
  };
}
