/**
 * `trialsim schema`: prints the scenario JSON Schema as one JSON document.
 */
import { describe, expect, test } from 'vitest';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

describe('trialsim schema', () => {
  test('prints a JSON Schema that lists the scenario sections and rejects unknown keys', async () => {
    const { code, stdout } = await trialsim(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'cohort', 'outcomes', 'design', 'analysis', 'simulation', 'pilot', 'costs']),
    );
  });

  test('has --help', async () => {
    const { code, stdout } = await trialsim(['schema', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('print the scenario JSON Schema');
  });
});
