// `trialsim run` on a rollout end to end: the per-step results in the JSON document, identical on
// one thread and two, and `--svg` drawing them (against the build).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialsim } from '../support/run-cli.js';

describe('trialsim run on a rollout', () => {
  it('reports results[].steps, the same on one thread and two', async () => {
    const args = ['run', 'milton-keynes-rollout', '--json', '--trials', '60'];
    const one = await trialsim([...args, '--threads', '1']);
    const two = await trialsim([...args, '--threads', '2']);
    expect(one.code).toBe(0);
    const results = (text: string) => (JSON.parse(text) as { results: unknown[] }).results;
    expect(results(two.stdout)).toEqual(results(one.stdout));
    const [knife] = JSON.parse(one.stdout).results as { steps: Record<string, unknown>[] }[];
    expect(knife.steps.map((s) => s.exposurePeriods)).toEqual([0, 1, 2, 3]);
    expect(knife.steps.map((s) => s.treatedClusterPeriods)).toEqual([12, 9, 6, 3]);
    expect(Object.keys(knife.steps[0])).toEqual([
      'exposurePeriods',
      'fromMonth',
      'toMonth',
      'estimand',
      'meanEstimate',
      'bias',
      'biasMcse',
      'rmse',
      'estimateRange',
      'coverage',
      'power',
      'powerCI',
      'typeIError',
      'typeIErrorCI',
      'treatedClusterPeriods',
      'controlClusterPeriods',
      'failures',
    ]);
  });

  it('draws the per-step picture with --svg, and refuses --svg for a design with neither looks nor a rollout', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'trialsim-steps-')), 'steps.svg');
    const drawn = await trialsim(['run', 'milton-keynes-rollout', '--trials', '40', '--quiet', '--svg', file]);
    expect(drawn.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('The effect by time since crossover (4 steps)');
    const refused = await trialsim(['run', 'teaching-two-arm', '--trials', '40', '--quiet', '--svg', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('has neither design.interim nor design.rollout');
  });
});
