import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { chooseThreadCount } from '../../src/runner/thread-count.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

describe('--threads is capped at the cores', () => {
  it('lowers a count above the cores and says from what; leaves others alone', () => {
    expect(chooseThreadCount(64, 2)).toEqual({ threads: 2, cappedFrom: 64 });
    expect(chooseThreadCount(2, 2)).toEqual({ threads: 2, cappedFrom: null });
    expect(chooseThreadCount(1, 8)).toEqual({ threads: 1, cappedFrom: null });
    expect(chooseThreadCount(undefined, 8)).toEqual({ threads: 8, cappedFrom: null });
  });

  it('says so on stderr, and the run reports the threads it used', async () => {
    const cores = availableParallelism();
    const asked = cores * 32;
    const { code, stdout, stderr } = await trialsim([
      'run',
      'teaching-two-arm',
      '--trials',
      '100',
      '--threads',
      String(asked),
      '--quiet',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      `trialsim: --threads ${asked} is more than the ${cores} core${cores === 1 ? '' : 's'} available; using ${cores} (extra threads would only slow the run; the results are the same)\n`,
    );
    expect(JSON.parse(stdout).timing.threads).toBe(cores);
  }, 60_000);
});
