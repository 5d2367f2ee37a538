/**
 * Checks parsed scenario data against the schema and then the cross-field rules, and turns every
 * problem into one with a file position and the value found. Throws one ScenarioError.
 */
import { checkCrossRules } from './cross-rules.js';
import type { ParsedScenario } from './parse-document.js';
import { formatPath, type DataPath, type PathProblem } from './path-problem.js';
import { ScenarioError, type ScenarioProblem } from './scenario-error.js';
import { scenarioSchema, type ScenarioInput } from './schema.js';
import { problemsFromZod } from './zod-problems.js';

/** Longest value shown in a message; longer ones are cut with "…". */
const MAX_VALUE_CHARS = 60;

/**
 * Validates `data` (the parsed file, after any `--set` overrides). Field problems and cross-field
 * problems are reported together: each cross-field rule runs when the fields it reads are valid.
 */
export function validateScenario(
  data: unknown,
  parsed: ParsedScenario,
  file: string,
  overridden: readonly string[] = [],
): ScenarioInput {
  const result = scenarioSchema.safeParse(data);
  const fieldProblems = result.success ? [] : problemsFromZod(result.error);
  const crossProblems = checkCrossRules((result.success ? result.data : data) as ScenarioInput, fieldProblems);
  const problems = [...fieldProblems, ...crossProblems];
  if (problems.length > 0)
    throw new ScenarioError(problems.map((problem) => placeProblem(problem, data, parsed, file, overridden)));
  return result.data as ScenarioInput;
}

function placeProblem(
  problem: PathProblem,
  data: unknown,
  parsed: ParsedScenario,
  file: string,
  overridden: readonly string[],
): ScenarioProblem {
  const path = formatPath(problem.path);
  // A problem comes from --set when it is at or under an overridden path, or at a key that only
  // exists because an override created it.
  const createdBySet = valueAt(parsed.data, problem.path) === undefined;
  const fromSet = overridden.find((setPath) => isWithin(path, setPath) || (createdBySet && isWithin(setPath, path)));
  const place = fromSet === undefined ? parsed.locate(problem.path, problem.atKey) : { line: 0, column: 0 };
  const value = valueAt(data, problem.path);
  const missing = value === undefined && !problem.atKey;
  const message = missing ? `is missing; it ${problem.message}` : problem.message;
  return {
    file,
    ...place,
    path,
    message: fromSet === undefined ? message : `${message} [set by --set ${fromSet}=…]`,
    value: problem.atKey || missing ? '' : describeValue(value),
    hint: problem.hint,
  };
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** The value found, compactly: `-2`, `"abc"`, `{"youth":2}`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
