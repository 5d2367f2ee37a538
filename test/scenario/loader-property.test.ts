/**
 * Whatever it is fed — random documents, valid scenarios with keys deleted, types changed or random
 * values put in, or text with random edits — the loader returns a Design or throws a ScenarioError
 * with at least one problem that has a message. Nothing else escapes (no TypeError, no stack).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { listBuiltInScenarios } from '../../src/scenario/builtin-scenarios.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { validateScenarioText } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { scenarioHash } from '../../src/scenario/scenario-hash.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/scenarios/good/everything.yaml', import.meta.url));
const TEXTS = [...listBuiltInScenarios().map((scenario) => scenario.file), FIXTURE].map((file) =>
  readFileSync(file, 'utf8'),
);
const DOCUMENTS = TEXTS.map((text) => parse(text) as unknown);

/** Loads text as the CLI would; returns 'design' or 'problems', and fails on anything else. */
function outcomeOfLoading(text: string, sets: readonly string[] = []): 'design' | 'problems' {
  try {
    const design = compileScenario(validateScenarioText(text, 'property.yaml', sets), 'property');
    expect(scenarioHash(design)).toMatch(/^[0-9a-f]{64}$/);
    structuredClone(design); // throws if anything in it could not cross to a worker
    return 'design';
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    if (error.problems.length === 0 || error.problems.some((problem) => problem.message.trim() === '')) {
      throw new Error(`a ScenarioError without a problem message: ${JSON.stringify(error.problems)}`);
    }
    return 'problems';
  }
}

type Path = (string | number)[];

/** Every path to a value inside a document (objects and arrays). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [
    [...prefix, key],
    ...pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]),
  ]);
}

type Mutation = { kind: 'delete' } | { kind: 'replace'; value: unknown } | { kind: 'rename'; suffix: string };

function mutate(document: unknown, path: Path, mutation: Mutation): unknown {
  const copy = structuredClone(document);
  let parent = copy as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else {
    const value = parent[last];
    delete parent[last];
    if (mutation.kind === 'rename') parent[`${String(last)}${mutation.suffix}`] = value;
  }
  return copy;
}

const awkwardValue = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    0.5,
    1,
    1.5,
    2,
    1e9,
    -0,
    0.1 + 0.2,
    Number.MAX_SAFE_INTEGER,
    null,
    true,
    false,
    '',
    'youth',
    'count',
    'rest',
    '1:1',
    'x:y',
    [],
    {},
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.anything({ maxDepth: 2 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  awkwardValue.map<Mutation>((value) => ({ kind: 'replace', value })),
  fc.string({ minLength: 1, maxLength: 2 }).map<Mutation>((suffix) => ({ kind: 'rename', suffix })),
);

describe('the loader never crashes', () => {
  test.prop([fc.anything({ maxDepth: 4 })], { numRuns: 1000, seed: 1 })(
    'on random documents written as YAML',
    (document) => {
      // stringify gives undefined for a bare undefined; an empty file is what that would be.
      outcomeOfLoading(stringify(document) ?? '');
    },
  );

  test.prop([fc.nat(), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 })], {
    numRuns: 1200,
    seed: 2,
  })('on valid scenarios with keys deleted, renamed or given random values', (which, mutations) => {
    let document = DOCUMENTS[which % DOCUMENTS.length];
    for (const [at, change] of mutations) {
      const paths = pathsOf(document);
      if (paths.length === 0) break;
      document = mutate(document, paths[at % paths.length], change);
    }
    outcomeOfLoading(stringify(document));
  });

  test.prop(
    [
      fc.nat(),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }),
    ],
    { numRuns: 600, seed: 3 },
  )('on scenario text with random characters inserted, deleted or replaced', (which, edits) => {
    let text = TEXTS[which % TEXTS.length];
    for (const [at, kind, inserted] of edits) {
      const position = at % (text.length + 1);
      text = text.slice(0, position) + (kind === 0 ? '' : inserted) + text.slice(position + (kind === 1 ? 0 : 1));
    }
    outcomeOfLoading(text);
  });

  test.prop([fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 })], { numRuns: 500, seed: 4 })(
    'on random --set overrides',
    (sets) => {
      outcomeOfLoading(TEXTS[0], sets);
    },
  );

  test('the unmutated scenarios all load (so the mutations start from valid ground)', () => {
    for (const text of TEXTS) expect(outcomeOfLoading(text)).toBe('design');
  });
});
