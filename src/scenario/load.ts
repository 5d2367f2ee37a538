/**
 * Reading scenario files: the only place the project reads a scenario from disk. Checks the file
 * before reading it (missing, a directory, too large); validating parsed text after `--set`
 * overrides, so every problem comes back as one ScenarioError.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { applyOverridesWithPaths } from './overrides.js';
import { parseScenarioText, type ParsedScenario } from './parse-document.js';
import { fileProblem, ScenarioError } from './scenario-error.js';
import type { ScenarioInput } from './schema.js';
import { validateScenario } from './validate-scenario.js';

/** Largest scenario file read; a real scenario is a few kilobytes. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/** A scenario file as read: its text, and the SHA-256 of its bytes (what `sha256sum FILE` prints). */
export interface ScenarioFileText {
  readonly text: string;
  readonly fileSha256: string;
}

/**
 * A scenario file's text and the hash of its bytes, after checking it is a readable file of
 * reasonable size. The hash is of the bytes exactly as on disk, before decoding, so it equals
 * `sha256sum FILE` whatever the file's encoding or line endings.
 *
 * Example: `(await readScenarioFile('s.yaml')).fileSha256` is the first word of `sha256sum s.yaml`.
 */
export async function readScenarioFile(file: string): Promise<ScenarioFileText> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory())
      throw fileProblem(
        file,
        'is a directory, not a scenario file',
        'give a .yaml or .json file inside it, or a built-in name (see `trialsim scenarios`)',
      );
    if (!info.isFile()) throw fileProblem(file, 'is not a regular file', 'give a .yaml or .json file');
    size = info.size;
  } catch (error) {
    throw asFileProblem(error, file);
  }
  if (size > MAX_SCENARIO_BYTES) {
    throw fileProblem(
      file,
      `is ${(size / 1024 / 1024).toFixed(1)} MB; scenario files are limited to 5 MB`,
      'a scenario is a few kilobytes of YAML: check this is the right file',
    );
  }
  try {
    const bytes = await readFile(file);
    return { text: bytes.toString('utf8'), fileSha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    throw asFileProblem(error, file);
  }
}

function asFileProblem(error: unknown, file: string): Error {
  if (error instanceof ScenarioError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return fileProblem(file, 'does not exist', 'check the path, or give a built-in name (see `trialsim scenarios`)');
  if (code === 'EACCES' || code === 'EPERM')
    return fileProblem(file, 'cannot be read (permission denied)', 'check the file’s permissions');
  if (code === 'ENOTDIR')
    return fileProblem(file, 'does not exist (a part of the path is not a folder)', 'check the path');
  return fileProblem(file, `cannot be read (${code ?? String(error)})`, 'check the path');
}

/** A scenario's text, validated after any overrides: the typed scenario or a ScenarioError. */
export function validateScenarioText(text: string, file: string, sets: readonly string[] = []): ScenarioInput {
  return validateParsedScenario(parseScenarioText(text, file), file, sets);
}

/**
 * A parsed scenario, validated after the overrides `sets`: the typed scenario or a ScenarioError.
 * The parsed data is left as it was (the overrides apply to a copy), so one parse serves every
 * set of overrides a command compiles.
 */
export function validateParsedScenario(parsed: ParsedScenario, file: string, sets: readonly string[]): ScenarioInput {
  const { document, paths } = applyOverridesWithPaths(parsed.data, sets);
  return validateScenario(document, parsed, file, paths);
}
