import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkOutputPath } from '../../src/report/check-output-path.js';
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

  /** Runs `work` with stdout captured; returns what it wrote. */
  async function capturingStdout(work: () => Promise<unknown>): Promise<string> {
    let written = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, callback?: () => void) => {
      written += chunk;
      callback?.();
      return true;
    }) as typeof process.stdout.write);
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return written;
  }

  it('refuses a path in a missing folder with a user error, creating no folder, and prints the result on stdout instead', async () => {
    const dir = folder();
    const target = join(dir, 'missing', 'r.json');
    let error: unknown;
    const stdout = await capturingStdout(() => writeOutput('the result\n', target).catch((e: unknown) => (error = e)));
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe(
      `cannot write ${target}: its folder does not exist; the result was printed on stdout instead`,
    );
    expect(stdout).toBe('the result\n');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('refuses a folder as the output file, printing the result on stdout instead', async () => {
    const dir = folder();
    let error: unknown;
    const stdout = await capturingStdout(() => writeOutput('x', dir).catch((e: unknown) => (error = e)));
    expect((error as Error).message).toMatch(/is a folder; the result was printed on stdout instead/);
    expect(stdout).toBe('x');
  });
});

describe('checkOutputPath', () => {
  const folders: string[] = [];
  const folder = () => {
    const path = mkdtempSync(join(tmpdir(), 'trialsim-check-'));
    folders.push(path);
    return path;
  };
  afterEach(() => {
    for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
  });

  it('accepts a new file in an existing folder and leaves nothing behind', () => {
    const dir = folder();
    checkOutputPath(join(dir, 'r.json'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('accepts an existing file and leaves it unchanged', () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.json'), 'keep me');
    checkOutputPath(join(dir, 'r.json'));
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('keep me');
  });

  it('refuses a missing folder, a folder and a file used as a folder, naming the flag, the path and the reason', () => {
    const dir = folder();
    writeFileSync(join(dir, 'plain'), '');
    const cases: [string, string, RegExp][] = [
      [join(dir, 'missing', 'r.json'), '--out', /its folder does not exist/],
      [dir, '--out', /is a folder/],
      [join(dir, 'plain', 'r.svg'), '--svg', /./],
    ];
    for (const [path, flag, reason] of cases) {
      let error: unknown;
      try {
        checkOutputPath(path, flag);
      } catch (caught) {
        error = caught;
      }
      expect(error, path).toBeInstanceOf(OutputError);
      expect((error as Error).message.startsWith(`${flag} ${path} cannot be written: `), path).toBe(true);
      expect((error as Error).message, path).toMatch(reason);
      expect((error as OutputError).hint, path).toContain('nothing has been simulated yet');
    }
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder without write permission', () => {
    const dir = folder();
    chmodSync(dir, 0o500);
    try {
      expect(() => checkOutputPath(join(dir, 'r.json'))).toThrow(/cannot be written/);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
