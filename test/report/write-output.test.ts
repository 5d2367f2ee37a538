import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/report/output-error.js';
import { writeOutput } from '../../src/report/write-output.js';

describe('writeOutput', () => {
  const folders: string[] = [];
  const folder = () => {
    const path = mkdtempSync(join(tmpdir(), 'trialsim-out-'));
    folders.push(path);
    return path;
  };
  afterEach(() => {
    for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
  });

  it('writes the text to the file and nothing else', async () => {
    const dir = folder();
    await writeOutput('{"a":1}\n', join(dir, 'result.json'));
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('replaces an existing file', async () => {
    const dir = folder();
    await writeOutput('first, longer text', join(dir, 'r.txt'));
    await writeOutput('second', join(dir, 'r.txt'));
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe('second');
  });

  it('refuses a path in a missing folder with a user error, creating no folder', async () => {
    const dir = folder();
    const target = join(dir, 'missing', 'r.json');
    await expect(writeOutput('x', target)).rejects.toThrow(OutputError);
    await expect(writeOutput('x', target)).rejects.toThrow(/its folder does not exist/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('refuses a folder as the output file', async () => {
    const dir = folder();
    await expect(writeOutput('x', dir)).rejects.toThrow(/is a folder/);
  });
});
