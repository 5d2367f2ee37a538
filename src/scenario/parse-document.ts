/**
 * Parses scenario text (YAML; JSON is YAML) into plain data, keeping the node tree so a problem's
 * path can be pointed at a line and column. Refuses what must not reach the schema: YAML errors,
 * duplicate keys, keys that could touch object prototypes, non-text keys, an empty document, a top
 * level that is not a mapping.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { formatPath, type DataPath } from './path-problem.js';
import { firstNotPlain } from './plain-data.js';
import { ScenarioError, type ScenarioProblem } from './scenario-error.js';

/** A parsed scenario: its data and a way to find where a path is in the text. */
export interface ParsedScenario {
  readonly data: Record<string, unknown>;
  /** 1-based line and column of the value at `path` (or of its key), or of its nearest ancestor. */
  locate(path: DataPath, atKey?: boolean): { line: number; column: number };
}

/** Keys that name prototype machinery; refused so no parse can ever reach an object's prototype. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Aliases may repeat a block a few times; more is refused (a "billion laughs" file). */
const MAX_ALIAS_COUNT = 100;

/** Parses `text` from `file`; throws a ScenarioError listing every syntax problem. */
export function parseScenarioText(text: string, file: string): ParsedScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = (offset: number, message: string, hint: string, path = ''): ScenarioProblem => ({
    file,
    ...at(offset),
    path,
    message,
    value: '',
    hint,
  });
  const problems: ScenarioProblem[] = [...doc.errors, ...doc.warnings].map((error) => {
    const message =
      error.code === 'DUPLICATE_KEY'
        ? `the key "${keyAt(text, error.pos[0])}" appears twice in one mapping`
        : firstLine(error.message);
    return problem(error.pos[0], `YAML: ${message}`, yamlHint(error.code));
  });
  problems.push(...checkKeys(doc, problem));
  if (problems.length > 0) throw new ScenarioError(problems);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new ScenarioError([
      {
        file,
        line: 0,
        column: 0,
        path: '',
        message: 'is empty',
        value: '',
        hint: 'start from `trialsim init FILE`, or see `trialsim scenarios`',
      },
    ]);
  }
  if (!isMap(doc.contents)) {
    const what = isSeq(doc.contents) ? 'a list' : 'a single value';
    throw new ScenarioError([
      problem(
        doc.contents.range?.[0] ?? 0,
        `must be a mapping of keys (name, cohort, outcomes, design, …) at the top level, not ${what}`,
        'start the file with keys such as "name:" and "outcomes:"',
      ),
    ]);
  }
  const data = documentToData(doc, file);
  const locate = (path: DataPath, atKey = false) => at(offsetOf(doc, path, atKey));
  const notPlain = firstNotPlain(data);
  if (notPlain !== null) {
    throw new ScenarioError([
      {
        file,
        ...locate(notPlain.path),
        path: formatPath(notPlain.path),
        message: notPlain.reason,
        value: '',
        hint: 'write the value out instead of referring to an anchor that contains it',
      },
    ]);
  }
  return { data, locate };
}

/** The document as plain data; aliases that expand too far are refused, not followed. */
function documentToData(doc: Document, file: string): Record<string, unknown> {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new ScenarioError([
      {
        file,
        line: 0,
        column: 0,
        path: '',
        message: `repeats anchors (*name) more than ${MAX_ALIAS_COUNT} times in all`,
        value: '',
        hint: 'write the values out instead of expanding anchors many times over',
      },
    ]);
  }
}

/** The key written at `offset` (up to its colon), for naming a duplicate key. */
function keyAt(text: string, offset: number): string {
  return /^["']?([^:"'\n]*)/.exec(text.slice(offset))?.[1].trim() ?? '';
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'keep one of the repeated keys';
  if (code === 'MULTIPLE_DOCS') return 'a scenario is one document: remove the "---" line';
  if (code === 'TAG_RESOLVE_FAILED') return 'remove the "!" tag: scenarios use plain values';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  return 'check the YAML near this line: indentation, brackets, quotes and colons';
}

function checkKeys(
  doc: Document,
  problem: (offset: number, message: string, hint: string) => ScenarioProblem,
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
      if (!isScalar(pair.key)) {
        problems.push(
          problem(offset, 'has a key that is not plain text', 'write keys as plain words such as "ratePerYear:"'),
        );
      } else if (FORBIDDEN_KEYS.includes(String(pair.key.value))) {
        problems.push(
          problem(
            offset,
            `uses the reserved key "${String(pair.key.value)}"`,
            'remove this key: it is not part of the scenario language',
          ),
        );
      }
    },
  });
  return problems;
}

/** Text offset of the node at `path` (the key's, with `atKey`), or of the nearest ancestor found. */
function offsetOf(doc: Document, path: DataPath, atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (let index = 0; index < path.length; index += 1) {
    if (isAlias(node)) node = node.resolve(doc);
    const part = path[index];
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part),
      );
      if (pair === undefined) return offset;
      const key = pair.key as Node;
      const last = index === path.length - 1;
      if (last && atKey) return key.range?.[0] ?? offset;
      node = pair.value;
      offset = (pair.value as Node | null)?.range?.[0] ?? key.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
      node = node.items[part];
      offset = (node as Node).range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}
