// The runner with the real engine (dist/src/core/simulate-block.js, from the pretest build) on the
// built-in scenarios: the promise of docs/json-output.md, "Reproducibility", that every number is the same for any thread
// count, chunk size and shard split, checked on the actual simulation rather than a stand-in.
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import type { Design } from '../../src/core/design.js';
import { mergeRunTally, runTallyToJSON } from '../../src/core/diagnosis/tally.js';
import { runTrials } from '../../src/runner/run-trials.js';
import { loadDesign } from '../../src/scenario/load-design.js';

const TRIALS = 24;
const designs = new Map<string, Design>();
const references = new Map<string, unknown>();

beforeAll(async () => {
  for (const name of ['milton-keynes', 'teaching-two-arm']) {
    const { design } = await loadDesign(name, [`simulation.trials=${TRIALS}`]);
    designs.set(name, design);
    const whole = await runTrials(design, { threads: 1, inProcess: true, chunkSize: TRIALS, withNull: true });
    references.set(name, runTallyToJSON(whole.tally));
  }
});

describe('runTrials with the real engine', () => {
  test.prop(
    [
      fc.constantFrom('milton-keynes', 'teaching-two-arm'),
      fc.integer({ min: 1, max: 2 }),
      fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
    ],
    {
      numRuns: 4,
    },
  )('gives the identical tally on 1 or 2 threads and any chunk size', async (name, threads, chunkSize) => {
    const result = await runTrials(designs.get(name)!, { threads, chunkSize, withNull: true });
    expect(runTallyToJSON(result.tally)).toEqual(references.get(name));
  });

  test('shards 1/3 … 3/3 merge to the identical tally of the whole run', async () => {
    const design = designs.get('milton-keynes')!;
    const parts = [];
    // One shard on workers is enough to mix the two paths; the slicing is what is under test.
    for (const index of [1, 2, 3])
      parts.push(await runTrials(design, { threads: index === 2 ? 2 : 1, withNull: true, shard: { index, count: 3 } }));
    const merged = parts[0].tally;
    for (const part of parts.slice(1)) mergeRunTally(merged, part.tally);
    expect(runTallyToJSON(merged)).toEqual(references.get('milton-keynes'));
  });

  test('recovers from a crashed worker with the identical tally', async () => {
    const result = await runTrials(designs.get('milton-keynes')!, {
      threads: 2,
      chunkSize: 6,
      withNull: true,
      faultInjection: { atTrial: 14, times: 1, mode: 'exit' },
    });
    expect(runTallyToJSON(result.tally)).toEqual(references.get('milton-keynes'));
  });
});
