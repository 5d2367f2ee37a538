import { describe, expect, test } from 'vitest';
import { runTallyToJSON } from '../../src/core/diagnosis/tally.js';
import { combineShards, ShardMismatchError, type ShardInput } from '../../src/runner/combine-shards.js';
import type { SimulateBlock } from '../../src/runner/engine-module.js';
import { shardRange } from '../../src/runner/shard-range.js';
import { shardFields } from '../../src/runner/shard-document.js';
import { fakeDesign } from './fixtures/fake-design.js';
// @ts-expect-error -- the test double is plain JavaScript (a worker must load it), without types.
import * as fakeEngine from './fixtures/fake-simulate-block.mjs';

const simulateBlock = (fakeEngine as { simulateBlock: SimulateBlock }).simulateBlock;
const TRIALS = 301;

/** A shard document as `run --shard I/N --json` writes it (only the fields merge reads, plus a few). */
function shardDocument(
  index: number,
  count: number,
  overrides: { seed?: number; withNull?: boolean; complete?: boolean; sha256?: string; streamVersion?: number } = {},
) {
  const design = fakeDesign('fake', overrides.seed ?? 2023, TRIALS);
  const withNull = overrides.withNull ?? true;
  const range = shardRange(TRIALS, index, count);
  const tally = simulateBlock(design, range[0], range[1], { withNull });
  return JSON.parse(
    JSON.stringify({
      tool: { name: 'trialsim', version: '0.1.0', streamVersion: overrides.streamVersion ?? 1 },
      command: 'run',
      scenario: { name: design.name, sha256: overrides.sha256 ?? `sha-${design.simulation.seed}` },
      seed: design.simulation.seed,
      trials: tally.trials,
      complete: overrides.complete ?? true,
      timing: { seconds: 0.5, trialsPerSecond: 600, threads: 2 },
      ...shardFields(design, { index, count }, range, tally, withNull),
    }),
  ) as unknown;
}

function inputs(...documents: [string, unknown][]): ShardInput[] {
  return documents.map(([file, document]) => ({ file, document }));
}

function problemsOf(shards: ShardInput[]): readonly string[] {
  try {
    combineShards(shards);
  } catch (error) {
    if (error instanceof ShardMismatchError) return error.problems;
    throw error;
  }
  throw new Error('combineShards accepted shards that do not make up one run');
}

describe('combineShards', () => {
  test('merges shards given in any order into the tally of the whole run, with the shards’ design and hash', () => {
    const combined = combineShards(
      inputs(['c.json', shardDocument(3, 3)], ['a.json', shardDocument(1, 3)], ['b.json', shardDocument(2, 3)]),
    );
    const whole = simulateBlock(fakeDesign('fake', 2023, TRIALS), 0, TRIALS, { withNull: true });
    expect(runTallyToJSON(combined.tally)).toEqual(runTallyToJSON(whole));
    expect(combined.design).toEqual(fakeDesign('fake', 2023, TRIALS));
    expect(combined.sha256).toBe('sha-2023');
    expect(combined.command).toBe('run');
    expect(combined.seconds).toBe(1.5);
    expect(combined.threads).toBe(6);
  });

  test('accepts a single shard of one', () => {
    expect(combineShards(inputs(['all.json', shardDocument(1, 1)])).tally.trials).toBe(TRIALS);
  });

  test('names the missing shard when there is a gap', () => {
    expect(problemsOf(inputs(['a.json', shardDocument(1, 3)], ['c.json', shardDocument(3, 3)]))).toEqual([
      'no shard holds trials 100–199 (shard 2/3 is missing)',
    ]);
    expect(problemsOf(inputs(['a.json', shardDocument(1, 3)]))).toEqual([
      'no shard holds trials 100–300 (shard 2/3, 3/3 are missing)',
    ]);
  });

  test('names both files when shards overlap (the same shard twice, or splits that do not fit)', () => {
    expect(
      problemsOf(
        inputs(['a.json', shardDocument(1, 2)], ['b.json', shardDocument(2, 2)], ['b-copy.json', shardDocument(2, 2)]),
      ),
    ).toEqual([
      'b.json (shard 2/2, trials 150–300) and b-copy.json (shard 2/2, trials 150–300) overlap; each trial must be in one shard only',
    ]);
    expect(
      problemsOf(
        inputs(
          ['half.json', shardDocument(1, 2)],
          ['third.json', shardDocument(2, 3)],
          ['last.json', shardDocument(3, 3)],
        ),
      ),
    ).toEqual([
      'half.json (shard 1/2, trials 0–149) and third.json (shard 2/3, trials 100–199) overlap; each trial must be in one shard only',
    ]);
  });

  test('refuses shards of different runs, naming the files and what differs', () => {
    const problems = problemsOf(
      inputs(['a.json', shardDocument(1, 2)], ['b.json', shardDocument(2, 2, { seed: 7, sha256: 'sha-2023' })]),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('the shards differ in seed (a.json: 2023; b.json: 7); merge only the shards of one run');
    expect(problems[1]).toBe('the shards differ in compiled design (a.json; b.json); merge only the shards of one run');
    expect(
      problemsOf(inputs(['a.json', shardDocument(1, 2)], ['b.json', shardDocument(2, 2, { withNull: false })])),
    ).toEqual([
      'the shards differ in null run (a.json: with; b.json: without (--no-null)); merge only the shards of one run',
    ]);
    expect(
      problemsOf(inputs(['a.json', shardDocument(1, 2)], ['b.json', shardDocument(2, 2, { sha256: 'other' })])),
    ).toEqual([
      'the shards differ in scenario sha256 (a.json: sha-2023; b.json: other); merge only the shards of one run',
    ]);
    // Same design and seed drawn by different random streams: the trials are not one run's.
    expect(
      problemsOf(inputs(['a.json', shardDocument(1, 2)], ['b.json', shardDocument(2, 2, { streamVersion: 2 })])),
    ).toEqual(['the shards differ in stream version (a.json: 1; b.json: 2); merge only the shards of one run']);
  });

  test('refuses an interrupted shard and files that are not shard outputs, listing every problem at once', () => {
    const problems = problemsOf(
      inputs(
        ['a.json', shardDocument(1, 3, { complete: false })],
        ['full.json', { tool: {}, results: [] }],
        ['list.json', [1, 2]],
        ['c.json', shardDocument(3, 3)],
      ),
    );
    expect(problems).toEqual([
      'a.json holds shard 1/3, which was interrupted ("complete": false); run that shard again',
      'full.json is not the JSON output of a --shard run (it has no "shard", "tally" or "compiledDesign" field); run each shard with --shard I/N --json --out FILE',
      'list.json is not the JSON output of a --shard run (it is not a JSON object)',
    ]);
  });

  test('refuses a shard whose tally does not hold its trial range', () => {
    const damaged = shardDocument(2, 2) as { tally: { trials: number } };
    damaged.tally.trials -= 1;
    expect(problemsOf(inputs(['a.json', shardDocument(1, 2)], ['b.json', damaged]))).toEqual([
      'b.json: shard 2/2 should hold 151 trials but its tally has 150; run it again',
    ]);
  });

  test('refuses an empty list of files', () => {
    expect(problemsOf([])).toEqual(['no shard files given']);
  });
});
