/**
 * `--set PATH=VALUE` overrides, applied to the parsed document before it is validated, so an
 * overridden value is checked exactly like one written in the file. PATH is dotted, with list
 * positions in brackets or, for lists of things with ids, the id: `design.size.treated`,
 * `outcomes[0].effect.rateRatio`, `outcomes.knife.effect.rateRatio`. VALUE is read as YAML
 * (`200`, `0.8`, `"1:2"`, `{ treated: 45, control: 90 }`).
 */
import { isScalar, parseDocument, visit } from 'yaml';
import { suggestWord } from './did-you-mean.js';
import { FORBIDDEN_KEYS } from './parse-document.js';
import { formatPath, type DataPath } from './path-problem.js';
import { ScenarioError, type ScenarioProblem } from './scenario-error.js';

/** Where override problems are reported (there is no file). */
const SOURCE = '--set';

type Container = Record<string, unknown> | unknown[];

/** A copy of `document` with every override applied in order; throws a ScenarioError for bad ones. */
export function applyOverrides(document: unknown, sets: readonly string[]): Record<string, unknown> {
  return applyOverridesWithPaths(document, sets).document;
}

/** As `applyOverrides`, also giving each override's resolved path (ids turned into positions). */
export function applyOverridesWithPaths(
  document: unknown,
  sets: readonly string[],
): { document: Record<string, unknown>; paths: string[] } {
  const copy = structuredClone(document) as Record<string, unknown>;
  const problems: ScenarioProblem[] = [];
  const paths: string[] = [];
  for (const set of sets) {
    try {
      paths.push(applyOne(copy, set));
    } catch (error) {
      if (!(error instanceof OverrideProblem)) throw error;
      problems.push({
        file: SOURCE,
        line: 0,
        column: 0,
        path: error.path,
        message: error.message,
        value: set,
        hint: error.hint,
      });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return { document: copy, paths };
}

class OverrideProblem extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly path: string,
  ) {
    super(message);
  }
}

function applyOne(document: Record<string, unknown>, set: string): string {
  const equals = set.indexOf('=');
  if (equals <= 0) throw new OverrideProblem('must be PATH=VALUE', 'e.g. --set design.size.treated=200', '');
  const rawPath = set.slice(0, equals).trim();
  const parts = parsePath(rawPath);
  const value = parseValue(set.slice(equals + 1), rawPath);
  const resolved: (string | number)[] = [];
  let container: Container = document;
  for (let index = 0; index < parts.length; index += 1) {
    const key = resolveKey(container, parts[index], resolved);
    resolved.push(key);
    if (index === parts.length - 1) {
      (container as Record<string | number, unknown>)[key] = value;
      break;
    }
    // Own keys only: `toString` and friends are not scenario fields, whatever the prototype says.
    const next = Object.hasOwn(container, key) ? (container as Record<string | number, unknown>)[key] : undefined;
    if (next === undefined && typeof key === 'string') {
      const created: Record<string, unknown> = {};
      (container as Record<string, unknown>)[key] = created;
      container = created;
    } else if (typeof next === 'object' && next !== null) {
      container = next as Container;
    } else {
      throw new OverrideProblem(
        `cannot go inside ${formatPath(resolved)}: it holds ${JSON.stringify(next)}`,
        'set the whole value instead, e.g. --set design.size={ total: 400 }',
        rawPath,
      );
    }
  }
  return formatPath(resolved);
}

const PART_PATTERN = /^([^.[\]]+)((?:\[\d+\])*)$/;

/** `outcomes[0].effect.rateRatio` → ['outcomes', 0, 'effect', 'rateRatio']. */
export function parsePath(text: string): DataPath {
  const parts: (string | number)[] = [];
  for (const segment of text.split('.')) {
    const match = PART_PATTERN.exec(segment);
    if (match === null)
      throw new OverrideProblem(
        `has a bad path "${text}"`,
        'write keys joined by dots, list positions as [0] or by id: outcomes.knife.effect.rateRatio',
        text,
      );
    if (FORBIDDEN_KEYS.includes(match[1]))
      throw new OverrideProblem(`uses the reserved key "${match[1]}"`, 'use a scenario field', text);
    parts.push(match[1], ...[...match[2].matchAll(/\[(\d+)\]/g)].map((index) => Number(index[1])));
  }
  return parts;
}

/** An object key, or a list position given as a number, a numeric word or an item's id. */
function resolveKey(container: Container, part: string | number, done: DataPath): string | number {
  if (!Array.isArray(container)) {
    if (typeof part === 'number')
      throw new OverrideProblem(`${formatPath(done)} is not a list`, 'use a key name here', formatPath(done));
    return part;
  }
  const position =
    typeof part === 'number'
      ? part
      : /^\d+$/.test(part)
        ? Number(part)
        : container.findIndex((item) => idOf(item) === part);
  if (position >= 0 && position < container.length) return position;
  const ids = container.map(idOf).filter((id): id is string => id !== undefined);
  const where = formatPath(done);
  const hint =
    typeof part === 'string' && ids.length > 0
      ? suggestWord(part, ids, 'ids')
      : `use a position from 0 to ${container.length - 1}`;
  throw new OverrideProblem(`${where} has no entry ${JSON.stringify(part)}`, hint, where);
}

function idOf(item: unknown): string | undefined {
  const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function parseValue(text: string, path: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new OverrideProblem(
      `has a value that is not valid YAML (${doc.errors[0].message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')})`,
      'quote text values, e.g. --set \'design.size.allocation="1:2"\'',
      path,
    );
  let forbidden = false;
  visit(doc, {
    Pair: (_, pair) => void (forbidden ||= !isScalar(pair.key) || FORBIDDEN_KEYS.includes(String(pair.key.value))),
  });
  if (forbidden)
    throw new OverrideProblem('has a value with a reserved or non-text key', 'use scenario fields only', path);
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    throw new OverrideProblem('has a value whose anchors expand too far', 'write the value out in full', path);
  }
}
