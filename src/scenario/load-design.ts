/**
 * The single entry point from a SCENARIO argument to the engine's input: resolve the name or path,
 * read, override, validate, compile, and fingerprint.
 */
import { basename, extname } from 'node:path';
import type { Design } from '../core/design.js';
import { resolveScenario } from './builtin-scenarios.js';
import { checkDesign } from './check-design.js';
import { compileScenario } from './compile.js';
import { loadScenario } from './load.js';
import { scenarioHash } from './scenario-hash.js';

export { MIN_ELIGIBLE_SHARE } from './check-design.js';

/** A loaded scenario: its frozen Design, the file it came from and the Design's SHA-256. */
export interface LoadedDesign {
  readonly design: Design;
  readonly file: string;
  readonly sha256: string;
}

/**
 * Loads a scenario by path or built-in name, applying `--set PATH=VALUE` overrides before
 * validation. Throws a ScenarioError (exit 2) listing every problem.
 * Example: `await loadDesign('teaching-two-arm', ['design.size.total=400'])` gives a Design with
 * `size: { kind: 'ratio', total: 400, treatedShare: 0.5 }`.
 */
export async function loadDesign(nameOrPath: string, sets: readonly string[] = []): Promise<LoadedDesign> {
  const file = resolveScenario(nameOrPath);
  const { scenario } = await loadScenario(file, sets);
  const design = compileScenario(scenario, basename(file, extname(file)));
  checkDesign(design, file);
  return { design, file, sha256: scenarioHash(design) };
}
