/**
 * `trialsim scenarios`: lists every built-in scenario with its title.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { listBuiltInScenarios } from '../../src/scenario/builtin-scenarios.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

describe('trialsim scenarios', () => {
  test('prints one line per built-in with its title', async () => {
    const { code, stdout } = await trialsim(['scenarios']);
    expect(code).toBe(0);
    for (const { name } of listBuiltInScenarios()) expect(stdout).toMatch(new RegExp(`^${name} +\\S`, 'm'));
    expect(stdout).toMatch(/^milton-keynes +Focused deterrence in Milton Keynes — the 45-person trial as run$/m);
    expect(stdout).toContain('trialsim run NAME');
  });

  test('the built program (dist/, as `npm test` builds it) finds the same built-ins', async () => {
    const bin = fileURLToPath(new URL('../../bin/trialsim', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'scenarios']);
    expect(stdout).toBe((await trialsim(['scenarios'])).stdout);
  });

  test('has --help', async () => {
    const { code, stdout } = await trialsim(['scenarios', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('list the built-in scenarios');
  });
});
