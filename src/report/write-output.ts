/**
 * The one writer of results: to stdout, or to the file named by --out. It creates nothing but that
 * file (no directories), and turns file-system failures into an `OutputError` that says what to do.
 * A result that cannot be written where asked is not lost: it goes to stdout, and the error says so.
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
 * The reason a file-system error gives, in words.
 *
 * Example: an error with code `ENOENT` → "its folder does not exist".
 */
export function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (error as Error).message;
}

/**
 * Writes `text` to `outFile` (replacing it) or, when `outFile` is null, to stdout; resolves when
 * the text has been handed to the operating system. A closed pipe on stdout (e.g. `| head`) is
 * not an error. When the file cannot be written (the commands check the path before simulating,
 * but a disk can fill or a folder vanish meanwhile), the text is written to stdout instead and the
 * `OutputError` says so.
 *
 * Example: `await writeOutput('{}\n', 'result.json')` creates result.json holding `{}`;
 * `await writeOutput('x', 'no/such/dir/r.json')` prints `x` on stdout, then rejects with OutputError
 * "cannot write no/such/dir/r.json: its folder does not exist; the result was printed on stdout instead".
 */
export async function writeOutput(text: string, outFile: string | null): Promise<void> {
  if (outFile === null) return writeStdout(text);
  try {
    writeFileSync(outFile, text);
  } catch (error) {
    await writeStdout(text);
    throw new OutputError(
      `cannot write ${outFile}: ${reasonFor(error)}; the result was printed on stdout instead`,
      'give --out a path in an existing folder you can write to',
    );
  }
}

function writeStdout(text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    process.stdout.write(text, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else resolve();
    });
  });
}
