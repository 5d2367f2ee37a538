/**
 * Finds out, before any trial runs, whether a result can be written where --out (or --svg) says,
 * so a long simulation is never lost to a typo in a folder name. The check opens the file the way
 * the final write will, so it sees what the operating system will say then (a missing folder, a
 * folder in the way, no permission, a read-only disk), and leaves no file behind.
 */
import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import { OutputError } from './output-error.js';
import { reasonFor } from './write-output.js';

/**
 * Throws an `OutputError` naming `outFile`, the reason and the fix when a result could not be
 * written there; otherwise returns, leaving the file system as it was (an existing file is opened
 * without being changed; a new one is created and removed again).
 *
 * Example: `checkOutputPath('no/such/dir/r.json', '--out')` throws
 * "--out no/such/dir/r.json cannot be written: its folder does not exist".
 */
export function checkOutputPath(outFile: string, flag = '--out'): void {
  let existed = true;
  try {
    if (statSync(outFile).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw unwritable(outFile, flag, error);
    existed = false;
  }
  try {
    // 'a' opens an existing file without truncating it; 'wx' creates a new one (removed below).
    const descriptor = openSync(outFile, existed ? 'a' : 'wx');
    closeSync(descriptor);
    if (!existed) unlinkSync(outFile);
  } catch (error) {
    throw unwritable(outFile, flag, error);
  }
}

function unwritable(outFile: string, flag: string, error: unknown): OutputError {
  return new OutputError(
    `${flag} ${outFile} cannot be written: ${reasonFor(error)}`,
    `give ${flag} a file in an existing folder you can write to; nothing has been simulated yet`,
  );
}
