/**
 * From scenario text to the engine's input, as the command line's `loadDesign` does it from a
 * file: parse, apply `--set` overrides, validate, compile, check, fingerprint. The same
 * functions, so the page shows the command line's messages (file:line:col, path, value, fix) and
 * runs the same Design with the same SHA-256.
 */
import type { Design } from '../../core/design.js';
import { checkDesign } from '../../scenario/check-design.js';
import { collectUncertainInputs } from '../../scenario/collect-uncertain-inputs.js';
import { compileScenario, deepFreeze } from '../../scenario/compile.js';
import { validateParsedScenario } from '../../scenario/load.js';
import { applyOverrides } from '../../scenario/overrides.js';
import { parseScenarioText } from '../../scenario/parse-document.js';
import { ScenarioError, formatProblem, type ScenarioProblem } from '../../scenario/scenario-error.js';
import { scenarioHash, textSha256 } from '../../scenario/scenario-hash.js';

/** A compiled scenario: its Design and the fingerprint the JSON reports. */
export interface TextDesign {
  readonly design: Design;
  readonly sha256: string;
}

/** What compiling gave: the design, or every problem found. */
export type DesignOrProblems =
  | { readonly ok: true; readonly design: Design; readonly sha256: string; readonly fileSha256: string }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/**
 * Compiles scenario `text`, named `file` in messages (its name without extension names the design
 * when the text has no `name`), with `sets` applied as `--set PATH=VALUE` overrides.
 *
 * Example: designFromText('outcomes: []', 'my.yaml') → { ok: false, problems: [{ file: 'my.yaml',
 * line: 1, column: 11, path: 'outcomes', … }] }.
 */
export function designFromText(text: string, file: string, sets: readonly string[] = []): DesignOrProblems {
  try {
    const parsed = parseScenarioText(text, file);
    const scenario = validateParsedScenario(parsed, file, sets);
    const compiled = compileScenario(scenario, file.replace(/\.(yaml|yml|json)$/i, ''));
    // The uncertainty rides alongside the central values, as the command line's loader adds it
    // (draws under `simulation.assurance` are the command line's: the page runs central values).
    const uncertainInputs = collectUncertainInputs(applyOverrides(parsed.data, sets));
    const design = uncertainInputs.length === 0 ? compiled : deepFreeze({ ...compiled, uncertainInputs });
    checkDesign(design, file);
    return { ok: true, design, sha256: scenarioHash(design), fileSha256: textSha256(text) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, problems: error.problems };
    throw error;
  }
}

export { formatProblem, type ScenarioProblem };
