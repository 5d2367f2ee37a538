// The runner against real worker threads, with the fake engine (fixtures/fake-simulate-block.mjs)
// standing in for the simulation: these tests are about dispatch, merging, faults and interrupts.
// Workers load the build output, so `npm run build` must have run (the pretest script does it).
import { fc, test } from '@fast-check/vitest';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { runTallyToJSON } from '../../src/core/diagnosis/tally.js';
import type { RunProgress } from '../../src/events/run-progress.js';
import { runTrials } from '../../src/runner/run-trials.js';
import { TrialFailureError } from '../../src/runner/trial-failure-error.js';
import { FAKE_ENGINE_URL, fakeDesign } from './fixtures/fake-design.js';

const engineUrl = FAKE_ENGINE_URL;

/** The reference: every trial in one chunk, in this thread. */
async function wholeRunJSON(design = fakeDesign(), trials = 600, withNull = true): Promise<unknown> {
  const result = await runTrials(design, {
    trials,
    threads: 1,
    inProcess: true,
    chunkSize: Math.max(1, trials),
    withNull,
    engineUrl,
  });
  return runTallyToJSON(result.tally);
}

describe('runTrials', () => {
  const warnings: Error[] = [];
  const collectWarning = (warning: Error) => warnings.push(warning);
  beforeEach(() => {
    warnings.length = 0;
    process.on('warning', collectWarning);
  });
  afterEach(() => {
    process.off('warning', collectWarning);
  });

  test.prop(
    [
      fc.integer({ min: 1, max: 3 }),
      fc.option(fc.integer({ min: 1, max: 250 }), { nil: undefined }),
      fc.boolean(),
      fc.boolean(),
    ],
    { numRuns: 8 },
  )(
    'gives the same tally for any thread count and chunk size, on workers or in this thread',
    async (threads, chunkSize, inProcess, withNull) => {
      const reference = await wholeRunJSON(fakeDesign(), 600, withNull);
      const result = await runTrials(fakeDesign(), {
        trials: 600,
        threads,
        chunkSize,
        inProcess: inProcess && threads === 1,
        withNull,
        engineUrl,
      });
      expect(result.complete).toBe(true);
      expect(result.trialRange).toEqual([0, 600]);
      expect(runTallyToJSON(result.tally)).toEqual(reference);
    },
  );

  test('shards 1/3, 2/3 and 3/3 run disjoint slices whose tallies merge to the full run', async () => {
    const { mergeRunTally } = await import('../../src/core/diagnosis/tally.js');
    const shards = [];
    for (const index of [1, 2, 3]) {
      shards.push(
        await runTrials(fakeDesign(), {
          trials: 601,
          threads: 2,
          withNull: true,
          shard: { index, count: 3 },
          engineUrl,
        }),
      );
    }
    expect(shards.map((shard) => shard.trialRange)).toEqual([
      [0, 200],
      [200, 400],
      [400, 601],
    ]);
    const merged = shards[0].tally;
    mergeRunTally(merged, shards[1].tally);
    mergeRunTally(merged, shards[2].tally);
    expect(runTallyToJSON(merged)).toEqual(await wholeRunJSON(fakeDesign(), 601));
  });

  test.each(['exit', 'throw', 'engine-error'] as const)(
    'reruns a chunk whose worker failed (%s) on a fresh worker and gives the identical result',
    async (mode) => {
      const result = await runTrials(fakeDesign(), {
        trials: 600,
        threads: 2,
        chunkSize: 50,
        withNull: true,
        engineUrl,
        faultInjection: { atTrial: 275, times: 2, mode },
      });
      expect(result.complete).toBe(true);
      expect(runTallyToJSON(result.tally)).toEqual(await wholeRunJSON());
      expect(warnings).toEqual([]);
    },
  );

  test('ends the run with an error naming the trials and the seed when a chunk fails on every attempt', async () => {
    const run = runTrials(fakeDesign('fake', 4242), {
      trials: 600,
      threads: 2,
      chunkSize: 50,
      withNull: true,
      engineUrl,
      faultInjection: { atTrial: 275, times: 3, mode: 'exit' },
    });
    await expect(run).rejects.toThrow(TrialFailureError);
    await expect(run).rejects.toThrow(
      'trials 250–299 of seed 4242 failed on 3 attempts: the worker exited with code 1',
    );
  });

  test.each([true, false])(
    'names the first failing trial when the engine throws on it (in this thread: %s)',
    async (inProcess) => {
      const run = runTrials(fakeDesign('fake;failAt=77', 99), {
        trials: 300,
        threads: inProcess ? 1 : 2,
        inProcess,
        chunkSize: 40,
        withNull: false,
        engineUrl,
      });
      await expect(run).rejects.toThrow(
        'trial 77 of seed 99 (in the chunk of trials 40–79) failed on 3 attempts: fake engine fails at trial 77',
      );
    },
  );

  test.each([true, false])(
    'stops when aborted and returns the finished trials, marked incomplete (in this thread: %s)',
    async (inProcess) => {
      const controller = new AbortController();
      const events: RunProgress[] = [];
      const design = fakeDesign('fake;slowMs=2');
      const result = await runTrials(design, {
        trials: 100_000,
        threads: inProcess ? 1 : 2,
        inProcess,
        chunkSize: 10,
        withNull: true,
        engineUrl,
        signal: controller.signal,
        onProgress: (progress) => {
          events.push(progress);
          if (progress.trialsDone >= 40) controller.abort();
        },
      });
      expect(result.complete).toBe(false);
      const tally = result.tally;
      expect(tally.trials).toBeGreaterThanOrEqual(40);
      expect(tally.trials).toBeLessThan(100_000);
      // Only whole chunks count, and every part of the tally describes the same trials.
      expect(tally.trials % 10).toBe(0);
      for (const outcome of [...tally.outcomes, ...tally.nullRun!.outcomes]) {
        expect(outcome.trials).toBe(tally.trials);
        expect(outcome.estimateHistogram.reduce((a, b) => a + b, 0) + outcome.failures).toBe(tally.trials);
      }
      expect(events.at(-1)!.trialsDone).toBe(tally.trials);
    },
  );

  test('returns an empty, incomplete tally when aborted before it starts', async () => {
    const result = await runTrials(fakeDesign(), {
      trials: 100,
      threads: 2,
      withNull: true,
      engineUrl,
      signal: AbortSignal.abort(),
    });
    expect(result.complete).toBe(false);
    expect(result.tally.trials).toBe(0);
  });

  test('reports progress from 0 to every trial, with power so far matching the tally', async () => {
    const events: RunProgress[] = [];
    const result = await runTrials(fakeDesign(), {
      trials: 500,
      threads: 2,
      withNull: true,
      engineUrl,
      onProgress: (p) => events.push(p),
    });
    expect(events[0].trialsDone).toBe(0);
    const last = events.at(-1)!;
    expect(last.trialsDone).toBe(500);
    expect(last.trialsTotal).toBe(500);
    expect(last.etaSeconds).toBe(0);
    result.tally.outcomes.forEach((outcome, k) => {
      expect(last.outcomes[k].power).toBe(outcome.rejections / 500);
      expect(last.outcomes[k].failures).toBe(outcome.failures);
      expect(last.outcomes[k].typeIError).toBe(result.tally.nullRun!.outcomes[k].rejections / 500);
      expect(last.outcomes[k].powerCI[0]).toBeLessThan(last.outcomes[k].power);
      expect(last.outcomes[k].powerCI[1]).toBeGreaterThan(last.outcomes[k].power);
    });
    const done = events.map((event) => event.trialsDone);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
  });

  test('keeps sending progress while a slow chunk runs, so elapsed time and ETA move', async () => {
    const events: RunProgress[] = [];
    await runTrials(fakeDesign('fake;slowMs=600'), {
      trials: 1,
      threads: 2,
      withNull: false,
      engineUrl,
      onProgress: (p) => events.push(p),
    });
    const waiting = events.filter((event) => event.trialsDone === 0);
    // The first event is sent at the start; the later ones come from the clock while the one trial runs.
    expect(waiting.length).toBeGreaterThan(1);
    expect(waiting.at(-1)!.elapsedSeconds).toBeGreaterThan(waiting[0].elapsedSeconds);
    expect(events.at(-1)!.trialsDone).toBe(1);
  });

  test('runs no trials, and starts no worker, for an empty shard', async () => {
    const result = await runTrials(fakeDesign(), {
      trials: 2,
      threads: 2,
      withNull: true,
      shard: { index: 1, count: 3 },
      engineUrl,
    });
    expect(result.trialRange).toEqual([0, 0]);
    expect(result.complete).toBe(true);
    expect(result.tally.trials).toBe(0);
    expect(result.workerStartMilliseconds).toBeNull();
  });
});

describe('runTrials when workers cannot start', () => {
  test('gives up after three failed starts with an error that says why', async () => {
    const missing = new URL('./fixtures/no-such-engine.mjs', import.meta.url);
    const run = runTrials(fakeDesign(), { trials: 100, threads: 2, withNull: false, engineUrl: missing });
    await expect(run).rejects.toThrow(
      /worker threads could not start \(3 tries\): the worker threw: .*no-such-engine\.mjs/,
    );
  });
});
