/**
 * `trialsim scenarios`: lists every built-in scenario with its title.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { listBuiltInScenarios } from '../../src/scenario/builtin-scenarios.js';

/** Runs `trialsim ARGS` in this process and captures what it writes. */
async function trialsim(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const code = await main(['node', 'trialsim', ...args]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

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
