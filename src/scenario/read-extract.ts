/**
 * Reading a cohort extract from disk (beside the scenario loader, the only other file read): the
 * file is checked before it is read — it must exist, be a file, and be at most 100 MB, so a
 * runaway 1 GB export is refused at once — then parsed and checked cell by cell.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ExtractOptions } from './extract-columns.js';
import { parseExtractText, type ParsedExtract } from './parse-extract.js';
import { fileProblem } from './scenario-error.js';

/** Largest extract read: about a million people; a borough's records are a few megabytes. */
export const MAX_EXTRACT_BYTES = 100 * 1024 * 1024;

/**
 * Reads and checks an extract; throws a ScenarioError (exit 2) naming the file, line and column
 * of every problem.
 *
 * @example await readExtract('examples/mk-like-extract.csv', { groupColumn: null, outcomes: null,
 *   priorMonths: 24, followUpMonths: 12, harmFrom: null }) → 3,000 people
 */
export async function readExtract(file: string, options: ExtractOptions): Promise<ParsedExtract> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw fileProblem(file, 'is a directory, not an extract', 'give a .csv file');
    if (!info.isFile()) throw fileProblem(file, 'is not a regular file', 'give a .csv file');
    size = info.size;
  } catch (error) {
    throw asProblem(error, file);
  }
  if (size > MAX_EXTRACT_BYTES)
    throw fileProblem(
      file,
      `is ${(size / 1024 / 1024 / 1024).toFixed(1)} GB; extracts are limited to 100 MB (about a million people) and it was not read`,
      'check this is the right file, or fit a sample of its people',
    );
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw asProblem(error, file);
  }
  return parseExtractText(text, file, options, basename(file));
}

function asProblem(error: unknown, file: string): Error {
  if (error instanceof Error && error.name === 'ScenarioError') return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fileProblem(file, 'does not exist', 'check the path');
  if (code === 'EACCES' || code === 'EPERM')
    return fileProblem(file, 'cannot be read (permission denied)', 'check the file’s permissions');
  return fileProblem(file, `cannot be read (${code ?? String(error)})`, 'check the path');
}
