// A runner kept open across runs (as searches over design points use it), with the fake engine.
import { describe, expect, test } from 'vitest';
import { runTallyToJSON } from '../../src/core/diagnosis/tally.js';
import { openTrialRunner, runTrials } from '../../src/runner/run-trials.js';
import { FAKE_ENGINE_URL, fakeDesign } from './fixtures/fake-design.js';

const engineUrl = FAKE_ENGINE_URL;

async function freshRunJSON(seed: number, trials: number, withNull: boolean): Promise<unknown> {
  const result = await runTrials(fakeDesign('fake', seed), { trials, threads: 1, withNull, engineUrl });
  return runTallyToJSON(result.tally);
}

describe('openTrialRunner', () => {
  test('gives each of several runs on the same workers the tally a fresh run gives, and starts the workers once', async () => {
    const runner = openTrialRunner({ threads: 2, engineUrl });
    try {
      const first = await runner.run(fakeDesign('fake', 1), { trials: 300, withNull: true });
      const second = await runner.run(fakeDesign('fake', 2), { trials: 500, withNull: false });
      const third = await runner.run(fakeDesign('fake', 1), { trials: 300, withNull: true, chunkSize: 7 });
      expect(runTallyToJSON(first.tally)).toEqual(await freshRunJSON(1, 300, true));
      expect(runTallyToJSON(second.tally)).toEqual(await freshRunJSON(2, 500, false));
      expect(runTallyToJSON(third.tally)).toEqual(await freshRunJSON(1, 300, true));
      // Workers start once, when first needed: a short first run may finish before the second
      // worker is up (it then starts during a later run), so at most `threads` runs report a start.
      expect(first.workerStartMilliseconds).not.toBeNull();
      expect([first, second, third].filter((run) => run.workerStartMilliseconds !== null).length).toBeLessThanOrEqual(
        2,
      );
    } finally {
      await runner.close();
    }
  });

  test('runs again after an aborted run and after a crashed worker, with the same results', async () => {
    const runner = openTrialRunner({ threads: 2, engineUrl });
    try {
      const controller = new AbortController();
      const aborted = await runner.run(fakeDesign('fake;slowMs=2', 5), {
        trials: 50_000,
        withNull: true,
        chunkSize: 10,
        signal: controller.signal,
        onProgress: (progress) => progress.trialsDone >= 20 && controller.abort(),
      });
      expect(aborted.complete).toBe(false);
      const crashed = await runner.run(fakeDesign('fake', 5), {
        trials: 400,
        withNull: true,
        chunkSize: 25,
        faultInjection: { atTrial: 130, times: 1, mode: 'throw' },
      });
      expect(runTallyToJSON(crashed.tally)).toEqual(await freshRunJSON(5, 400, true));
      const after = await runner.run(fakeDesign('fake', 5), { trials: 400, withNull: true });
      expect(runTallyToJSON(after.tally)).toEqual(await freshRunJSON(5, 400, true));
    } finally {
      await runner.close();
    }
  });

  test('runs an explicit trial range, whose tallies add up to the whole run', async () => {
    const runner = openTrialRunner({ threads: 2, engineUrl });
    try {
      const { mergeRunTally } = await import('../../src/core/diagnosis/tally.js');
      const head = await runner.run(fakeDesign('fake', 9), { withNull: true, trialRange: [0, 130] });
      const tail = await runner.run(fakeDesign('fake', 9), { withNull: true, trialRange: [130, 400] });
      expect(tail.trialRange).toEqual([130, 400]);
      mergeRunTally(head.tally, tail.tally);
      expect(runTallyToJSON(head.tally)).toEqual(await freshRunJSON(9, 400, true));
    } finally {
      await runner.close();
    }
  });

  test('rejects a run that is still going when the runner is closed', async () => {
    const runner = openTrialRunner({ threads: 2, engineUrl });
    const run = runner.run(fakeDesign('fake;slowMs=5'), { trials: 10_000, withNull: false });
    await runner.close();
    await expect(run).rejects.toThrow('the runner was closed during a run');
  });

  test('runs one run at a time', async () => {
    const runner = openTrialRunner({ threads: 2, engineUrl });
    try {
      const first = runner.run(fakeDesign(), { trials: 200, withNull: false });
      await expect(runner.run(fakeDesign(), { trials: 200, withNull: false })).rejects.toThrow('one run at a time');
      expect((await first).tally.trials).toBe(200);
    } finally {
      await runner.close();
    }
  });
});
