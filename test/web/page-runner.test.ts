import { describe, expect, it } from 'vitest';
import { prepareDesign } from '../../src/core/prepare-design.js';
import { runTrials } from '../../src/runner/run-trials.js';
import { formatJson } from '../../src/report/format-json.js';
import { builtInScenarios } from '../../src/web/engine/builtin-scenarios.js';
import { designFromText } from '../../src/web/engine/design-from-text.js';
import { PageRunner } from '../../src/web/engine/page-runner.js';
import { summariseTally } from '../../src/web/engine/run-document.js';
import { sampleTrials } from '../../src/web/engine/trial-sample.js';
import { fakeWorkerFactory } from './fake-worker.js';

function compiled(name: string, sets: string[]) {
  const scenario = builtInScenarios().find((s) => s.name === name)!;
  const result = designFromText(scenario.text, scenario.file, sets);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

/** The document without `timing`, the one field allowed to differ between identical runs. */
function withoutTiming(text: string): unknown {
  const document = JSON.parse(text) as Record<string, unknown>;
  delete document.timing;
  return document;
}

describe('the page runner', () => {
  it.each(['teaching-two-arm', 'milton-keynes'])(
    'tallies %s exactly as the command line runner does, whatever its workers and chunks',
    async (name) => {
      const { design, sha256 } = compiled(name, ['simulation.trials=120']);
      const cli = await runTrials(design, { threads: 1, withNull: true });
      const expected = formatJson(
        summariseTally(design, cli.tally, { sha256, complete: true, seconds: 1, threads: 1 }),
      );
      const runner = new PageRunner(3, fakeWorkerFactory().create);
      const page = await runner.run(design, { trials: 120, withNull: true, chunkSize: 17 });
      runner.close();
      expect(page.complete).toBe(true);
      const actual = formatJson(summariseTally(design, page.tally, { sha256, complete: true, seconds: 2, threads: 3 }));
      expect(withoutTiming(actual)).toEqual(withoutTiming(expected));
    },
  );

  it('returns the individual trials asked for, which are the trials of the run', async () => {
    const { design } = compiled('teaching-two-arm', ['simulation.trials=60']);
    const runner = new PageRunner(2, fakeWorkerFactory().create);
    const page = await runner.run(design, { trials: 60, withNull: false, sampleBelow: 25, chunkSize: 10 });
    runner.close();
    expect(page.samples.map((s) => s.trial)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(page.samples).toEqual(sampleTrials(prepareDesign(design), 0, 25));
    // Their significant count is the tally's rejections among those trials: check against a 25-trial run.
    const first25 = await runTrials(design, { threads: 1, withNull: false, trials: 25 });
    const significant = page.samples.filter((s) => s.outcomes[0].pValue < design.analysis.alpha).length;
    expect(significant).toBe(first25.tally.outcomes[0].rejections);
  });

  it('runs a crashed chunk again on a fresh worker and still gives the same tally', async () => {
    const { design } = compiled('teaching-two-arm', ['simulation.trials=80']);
    let crashes = 0;
    const factory = fakeWorkerFactory((fromTrial) => {
      if (fromTrial !== 40 || crashes > 0) return false;
      crashes += 1;
      return true;
    });
    const runner = new PageRunner(2, factory.create);
    const page = await runner.run(design, { trials: 80, withNull: true, chunkSize: 10 });
    const clean = await runTrials(design, { threads: 1, withNull: true });
    runner.close();
    expect(crashes).toBe(1);
    expect(factory.started()).toBe(3);
    expect(JSON.stringify(page.tally)).toBe(JSON.stringify(clean.tally));
  });

  it('fails with the trial range and seed after three crashes of the same chunk', async () => {
    const { design } = compiled('teaching-two-arm', ['simulation.trials=40']);
    const runner = new PageRunner(2, fakeWorkerFactory((fromTrial) => fromTrial === 20).create);
    await expect(runner.run(design, { trials: 40, withNull: false, chunkSize: 10 })).rejects.toThrow(
      /trials 20–29 of seed 1 failed on 3 attempts/,
    );
    runner.close();
  });

  it('stops when asked, keeping the finished chunks, and can run again afterwards', async () => {
    const { design } = compiled('teaching-two-arm', ['simulation.trials=5000']);
    const runner = new PageRunner(2, fakeWorkerFactory().create);
    const stop = new AbortController();
    const page = await runner.run(design, {
      trials: 5000,
      withNull: false,
      chunkSize: 10,
      signal: stop.signal,
      onChunk: (soFar) => {
        if (soFar.trials >= 50) stop.abort();
      },
    });
    expect(page.complete).toBe(false);
    expect(page.tally.trials).toBeGreaterThanOrEqual(50);
    expect(page.tally.trials).toBeLessThan(5000);
    const again = await runner.run(design, { trials: 30, withNull: false });
    runner.close();
    expect(again.complete).toBe(true);
    expect(again.tally.trials).toBe(30);
  });
});
