/**
 * The built-in scenarios shipped in `scenarios/`, and resolving what a user typed (a path or a
 * built-in name) to a file. The folder is found relative to this module, so it works from `src/`
 * (tests) and from `dist/src/` (the built program).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestWord } from './did-you-mean.js';
import { fileProblem } from './scenario-error.js';

const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The project's `scenarios/` folder: two levels up from `src/scenario/`, three from `dist/src/scenario/`. */
export function builtInScenarioFolder(): string {
  const candidates = ['../../scenarios', '../../../scenarios'].map((relative) =>
    fileURLToPath(new URL(relative, import.meta.url)),
  );
  const found = candidates.find((folder) => existsSync(join(folder, '..', 'package.json')) && existsSync(folder));
  if (found === undefined) throw new Error(`built-in scenarios folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Built-in scenario names and files, sorted by name. */
export function listBuiltInScenarios(): { name: string; file: string }[] {
  const folder = builtInScenarioFolder();
  return readdirSync(folder)
    .filter((entry) => SCENARIO_EXTENSIONS.includes(extname(entry)))
    .sort()
    .map((entry) => ({ name: basename(entry, extname(entry)), file: join(folder, entry) }));
}

/**
 * Whether a SCENARIO argument names something: an existing path or a built-in scenario.
 * Example: `namesScenario('milton-keynes')` is true; `namesScenario('sampel-size')` is false.
 */
export function namesScenario(nameOrPath: string): boolean {
  return existsSync(nameOrPath) || listBuiltInScenarios().some((scenario) => scenario.name === nameOrPath);
}

/**
 * The file a SCENARIO argument means: an existing path as given, else the built-in scenario of that
 * name. Example: `resolveScenario('milton-keynes')` is `<project>/scenarios/milton-keynes.yaml`.
 */
export function resolveScenario(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  const builtIns = listBuiltInScenarios();
  const builtIn = builtIns.find((scenario) => scenario.name === nameOrPath);
  if (builtIn !== undefined) return builtIn.file;
  const looksLikePath =
    nameOrPath.includes('/') || nameOrPath.includes('\\') || SCENARIO_EXTENSIONS.includes(extname(nameOrPath));
  if (looksLikePath) return nameOrPath;
  const names = builtIns.map((scenario) => scenario.name);
  throw fileProblem(
    nameOrPath,
    'is neither a file nor a built-in scenario',
    suggestWord(nameOrPath, names, 'built-in scenarios'),
  );
}
