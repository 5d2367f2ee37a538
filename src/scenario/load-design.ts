/**
 * The single entry point from a SCENARIO argument to the engine's input: resolve the name or path,
 * read and parse the file once, then override, validate, compile and fingerprint. A command that
 * needs the scenario at other values (the planning searches, `explain`'s two sizes) compiles them
 * from the parsed document it already holds (`designWith`), never from the file again.
 */
import { basename, extname } from 'node:path';
import type { Design } from '../core/design.js';
import { resolveScenario } from './builtin-scenarios.js';
import { checkDesign } from './check-design.js';
import { collectUncertainInputs } from './collect-uncertain-inputs.js';
import { compileScenario, deepFreeze } from './compile.js';
import { readScenarioFile, validateParsedScenario } from './load.js';
import { applyOverrides } from './overrides.js';
import { parseScenarioText, type ParsedScenario } from './parse-document.js';
import { scenarioHash } from './scenario-hash.js';

export { MIN_ELIGIBLE_SHARE } from './check-design.js';

/** A scenario file as read and parsed once, with the `--set` overrides its design was compiled with. */
export interface ScenarioDocument {
  readonly file: string;
  /** SHA-256 of the file's bytes (equal to `sha256sum FILE`). */
  readonly fileSha256: string;
  readonly parsed: ParsedScenario;
  readonly sets: readonly string[];
}

/**
 * A loaded scenario: its frozen Design, the file it came from, the design hash (`sha256`: SHA-256
 * of the compiled Design, so it changes with --set, --trials, --seed and --engine), the file's own
 * SHA-256 (`fileSha256`, of its bytes), and the document it was compiled from.
 */
export interface LoadedDesign {
  readonly design: Design;
  readonly file: string;
  readonly sha256: string;
  readonly fileSha256: string;
  readonly document: ScenarioDocument;
}

/**
 * Loads a scenario by path or built-in name, applying `--set PATH=VALUE` overrides before
 * validation. Throws a ScenarioError (exit 2) listing every problem.
 * Example: `await loadDesign('teaching-two-arm', ['design.size.total=400'])` gives a Design with
 * `size: { kind: 'ratio', total: 400, treatedShare: 0.5 }`.
 */
export async function loadDesign(nameOrPath: string, sets: readonly string[] = []): Promise<LoadedDesign> {
  const file = resolveScenario(nameOrPath);
  const { text, fileSha256 } = await readScenarioFile(file);
  const parsed = parseScenarioText(text, file);
  return compileDocument({ file, fileSha256, parsed, sets: [...sets] });
}

/**
 * The loaded scenario with further overrides after its own: the design `loadDesign` would give
 * for the same file with `[...sets, ...overrides]`, validated and checked the same way (a bad
 * value is a ScenarioError naming the path and the `--set`), but compiled from the document in
 * memory, without reading the file.
 *
 * Example: `designWith(await loadDesign('teaching-two-arm'), ['design.size.total=400'])` equals
 * `await loadDesign('teaching-two-arm', ['design.size.total=400'])`.
 */
export function designWith(loaded: LoadedDesign, overrides: readonly string[]): LoadedDesign {
  const { document } = loaded;
  return compileDocument({ ...document, sets: [...document.sets, ...overrides] });
}

function compileDocument(document: ScenarioDocument): LoadedDesign {
  const { file } = document;
  const scenario = validateParsedScenario(document.parsed, file, document.sets);
  const compiled = compileScenario(scenario, basename(file, extname(file)));
  // The schema gave the central value of every uncertain input; the uncertainty rides alongside.
  const uncertainInputs = collectUncertainInputs(applyOverrides(document.parsed.data, document.sets));
  const design = uncertainInputs.length === 0 ? compiled : deepFreeze({ ...compiled, uncertainInputs });
  checkDesign(design, file);
  return { design, file, sha256: scenarioHash(design), fileSha256: document.fileSha256, document };
}
