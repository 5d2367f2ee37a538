/**
 * The single entry point from a SCENARIO argument to the engine's input: resolve the name or path,
 * read and parse the file once, then override, validate, compile and fingerprint. A command that
 * needs the scenario at other values (the planning searches, `explain`'s two sizes) compiles them
 * from the parsed document it already holds (`designWith`), never from the file again.
 */
import { basename, extname } from 'node:path';
import type { Design, UncertainInput } from '../core/design.js';
import { UserError } from '../errors/user-error.js';
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
  const collected = collectUncertainInputs(applyOverrides(document.parsed.data, document.sets));
  const uncertainInputs =
    compiled.simulation.drawInputs === true
      ? collected.map((input) =>
          input.effect ? input : { ...input, targets: inputTargets(document, compiled, input) },
        )
      : collected;
  const design = uncertainInputs.length === 0 ? compiled : deepFreeze({ ...compiled, uncertainInputs });
  checkDesign(design, file);
  return { design, file, sha256: scenarioHash(design), fileSha256: document.fileSha256, document };
}

type NumberPath = readonly (string | number)[];

/**
 * Where an input's value lands in the Design, for drawing it per trial (assurance): the numbers
 * that change when the input moves and equal it at both ends of its range. An input the engine
 * reads through a formula (a site ICC becomes a rate CV, a spread a log, θ its inverse) cannot be
 * drawn this way, and is refused naming the form to write instead.
 */
function inputTargets(document: ScenarioDocument, central: Design, input: UncertainInput): NumberPath[] {
  const at = (value: number) =>
    compileScenario(
      validateParsedScenario(document.parsed, document.file, [...document.sets, `${input.path}=${value}`]),
      central.name,
    );
  const values = [input.low, input.high].filter((value) => value !== input.central);
  const targets = new Map<string, NumberPath>();
  for (const value of values) {
    for (const path of changedNumbers(central, at(value))) {
      const found = valueAt(at(value), path);
      if (found !== value)
        throw new UserError(
          `${document.file}: ${input.path} cannot be drawn per trial under assurance: the engine reads it through a formula`,
          'give the quantity the engine reads as the uncertain value instead (e.g. design.sites.rateCV for an icc, dispersion for theta), or leave out --assurance',
        );
      targets.set(JSON.stringify(path), path);
    }
  }
  return [...targets.values()];
}

function changedNumbers(a: unknown, b: unknown, path: NumberPath = []): NumberPath[] {
  if (typeof a === 'number' || typeof b === 'number') return a === b ? [] : [path];
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) =>
    changedNumbers((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [
      ...path,
      Array.isArray(a) ? Number(key) : key,
    ]),
  );
}

function valueAt(node: unknown, path: NumberPath): unknown {
  return path.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown>)[key], node);
}
