import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TOOL_VERSION } from '../../src/report/tool-version.js';

describe('TOOL_VERSION', () => {
  test('is the version in package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(TOOL_VERSION).toBe(manifest.version);
  });
});
