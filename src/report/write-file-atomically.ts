/**
 * Writes a whole file so that readers only ever see the old file or the complete new one: the
 * text goes to a temporary file in the same folder, which is then renamed over the target (a
 * rename within one file system is atomic). On any failure the temporary file is removed, so a
 * partial file is never left behind.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError } from './output-error.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * Writes `text` to `file` atomically (see above); throws an OutputError (exit 2) saying why not.
 *
 * @example await writeFileAtomically('fitted.yaml', 'name: x\n') — fitted.yaml appears whole
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new OutputError(
      `cannot write ${file}: ${REASONS[code] ?? (error as Error).message}`,
      'give --out a path in an existing folder you can write to',
    );
  }
}
