/**
 * `trialsim schema`: prints the scenario JSON Schema as one JSON document.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

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

describe('trialsim schema', () => {
  test('prints a JSON Schema that lists the scenario sections and rejects unknown keys', async () => {
    const { code, stdout } = await trialsim(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'cohort', 'outcomes', 'design', 'analysis', 'simulation', 'pilot', 'costs']));
  });

  test('has --help', async () => {
    const { code, stdout } = await trialsim(['schema', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('print the scenario JSON Schema');
  });
});
