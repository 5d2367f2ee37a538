// `run --trials-out`: the simulated trials themselves. The rows must be the trials the report
// summarises (power, type I error, coverage and bias recomputed from the rows equal the JSON's),
// and the same bytes for any thread count or shard split.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialsim } from '../support/run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-trials-out-'));

interface Row {
  trial: number;
  run: string;
  outcome: string;
  logEstimand: number;
  logEstimate: number | null;
  lowerLog: number | null;
  upperLog: number | null;
  significant: boolean;
  failed: boolean;
}

function readNdjson(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
}

async function runTo(file: string, args: readonly string[]): Promise<{ results: Record<string, unknown>[] }> {
  const finished = await trialsim(['run', ...args, '--json', '--quiet', '--trials-out', file]);
  expect(finished.stderr).toBe('');
  expect(finished.code).toBe(0);
  return JSON.parse(finished.stdout) as { results: Record<string, unknown>[] };
}

describe('run --trials-out', () => {
  it('writes the trials the report summarises: its diagnosands recomputed from the rows equal the JSON', async () => {
    // milton-keynes: eight count and harm outcomes, negative-binomial with the prior window, the
    // per-person engine, some analyses failing in small sub-groups.
    const file = join(folder, 'mk.ndjson');
    const report = await runTo(file, ['milton-keynes', '--trials', '120', '--threads', '2']);
    const rows = readNdjson(file);
    expect(rows.length).toBe(120 * 2 * report.results.length);
    for (const result of report.results) {
      const effect = rows.filter((r) => r.outcome === result.outcome && r.run === 'effect');
      const nullRun = rows.filter((r) => r.outcome === result.outcome && r.run === 'null');
      expect(effect.map((r) => r.trial)).toEqual([...Array(120).keys()]);
      const estimated = effect.filter((r) => !r.failed);
      expect(effect.length - estimated.length).toBe(result.failures);
      expect(effect.filter((r) => r.significant).length / 120).toBe(result.power);
      expect(nullRun.filter((r) => r.significant).length / 120).toBe(result.typeIError);
      const covered = estimated.filter((r) => r.lowerLog! <= r.logEstimand && r.logEstimand <= r.upperLog!);
      expect(covered.length / estimated.length).toBe(result.coverage);
      const meanError = estimated.reduce((sum, r) => sum + (r.logEstimate! - r.logEstimand), 0) / estimated.length;
      // The report's bias is this mean on the log scale. Its tally rounds each term to a multiple
      // of 2^-32 before summing exactly (so any split sums alike), so a mean of rounded terms is
      // within half of 2^-32 of this plain one.
      expect(Math.abs(meanError - (result.bias as number))).toBeLessThanOrEqual(2 ** -33);
    }
  });

  it('is the same file for one thread, two threads, and three shards put end to end', async () => {
    const args = ['bench-ref', '--trials', '900'];
    const one = join(folder, 'one.csv');
    const two = join(folder, 'two.csv');
    await runTo(one, [...args, '--threads', '1']);
    await runTo(two, [...args, '--threads', '2']);
    const whole = readFileSync(one, 'utf8');
    expect(readFileSync(two, 'utf8')).toBe(whole);
    const [header, ...body] = whole.trimEnd().split('\n');
    expect(header).toBe(
      'trial,run,outcome,analysis,logEstimand,logEstimate,standardErrorLog,lowerLog,upperLog,pValue,significant,failed,failure',
    );
    expect(body.length).toBe(900 * 2 * 2); // two outcomes, each in the effect and the null run
    const shardBodies: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const file = join(folder, `shard-${shard[0]}.csv`);
      await runTo(file, [...args, '--shard', shard]);
      const [shardHeader, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(shardHeader).toBe(header);
      shardBodies.push(...rows);
    }
    expect(shardBodies).toEqual(body);
  });

  it('refuses an unknown extension or an unwritable folder before any trial, leaving no file', async () => {
    const before = readdirSync(folder).length;
    const wrongExtension = await trialsim(['run', 'teaching-two-arm', '--trials-out', join(folder, 'rows.txt')]);
    expect(wrongExtension.code).toBe(2);
    expect(wrongExtension.stderr).toMatch(
      /--trials-out .*rows\.txt: the extension must say the format \(\.csv, \.ndjson or \.jsonl\)/,
    );
    const missingFolder = await trialsim(['run', 'teaching-two-arm', '--trials-out', join(folder, 'no/such/rows.csv')]);
    expect(missingFolder.code).toBe(2);
    expect(missingFolder.stderr).toMatch(/cannot be written: its folder does not exist/);
    expect(missingFolder.stderr).not.toMatch(/trials\/s/);
    expect(readdirSync(folder).length).toBe(before);
  });
});
