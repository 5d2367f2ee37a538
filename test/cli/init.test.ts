/**
 * `trialsim init FILE`: writes a starter scenario that validates, and never overwrites a file
 * unless told to.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trialsim-init-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('trialsim init', () => {
  test('writes a commented starter scenario that validates and compiles', async () => {
    const file = join(folder, 'starter.yaml');
    const { code, stdout } = await trialsim(['init', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${file}`);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^# A trialsim scenario/);
    const { design } = await loadDesign(file);
    expect(design.name).toBe('my-trial');
    expect((await trialsim(['validate', file])).code).toBe(0);
  });

  test('refuses to overwrite an existing file (exit 2), and overwrites it with --force', async () => {
    const file = join(folder, 'mine.yaml');
    await writeFile(file, 'precious: true\n');
    const refused = await trialsim(['init', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${file} already exists`);
    expect(refused.stderr).toContain('--force');
    expect(await readFile(file, 'utf8')).toBe('precious: true\n');
    expect((await trialsim(['init', file, '--force'])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^# A trialsim scenario/);
  });

  test('says so when the folder does not exist (exit 2)', async () => {
    const { code, stderr } = await trialsim(['init', join(folder, 'no', 'such', 'x.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toContain('its folder does not exist');
  });

  test('has --help', async () => {
    const { code, stdout } = await trialsim(['init', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--force');
  });
});
