/**
 * The one writer of results: to stdout, or to the file named by --out. It creates nothing but that
 * file (no directories), and turns file-system failures into an `OutputError` that says what to do.
 */
import { writeFileSync } from 'node:fs';
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
 * Writes `text` to `outFile` (replacing it) or, when `outFile` is null, to stdout; resolves when
 * the text has been handed to the operating system. A closed pipe on stdout (e.g. `| head`) is
 * not an error.
 *
 * Example: `await writeOutput('{}\n', 'result.json')` creates result.json holding `{}`;
 * `await writeOutput('x', 'no/such/dir/r.json')` rejects with OutputError
 * "cannot write no/such/dir/r.json: its folder does not exist".
 */
export async function writeOutput(text: string, outFile: string | null): Promise<void> {
  if (outFile !== null) {
    try {
      writeFileSync(outFile, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      throw new OutputError(
        `cannot write ${outFile}: ${REASONS[code] ?? (error as Error).message}`,
        'give --out a path in an existing folder you can write to',
      );
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(text, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else resolve();
    });
  });
}
