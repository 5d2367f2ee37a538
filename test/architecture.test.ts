/**
 * The core stays pure (STYLE.md): nothing under src/core/ imports the edges (node built-ins, the
 * terminal, the command line, the worker pool, files, the scenario parsers) or anything outside
 * src/core/, and nothing reads the clock, the global random source, the console or the process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const CORE = fileURLToPath(new URL('../src/core/', import.meta.url));
const FORBIDDEN_PACKAGES = [
  'ink',
  'react',
  'commander',
  'worker-threads-pool',
  'yaml',
  'zod',
  'vega',
  'vega-lite',
  'ink-testing-library',
];
const FORBIDDEN_GLOBALS: [RegExp, string][] = [
  [/\bMath\s*\.\s*random\b/, 'Math.random (take an Rng)'],
  [/\bDate\b/, 'Date (the clock)'],
  [/\bconsole\b/, 'console'],
  [/\bprocess\b/, 'process'],
  [/\bperformance\s*\.\s*now\b/, 'performance.now (the clock)'],
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

/** The code with comments removed, so prose about "Date" or "process" does not count. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every module specifier the file imports or re-exports, statically or dynamically. */
function importsOf(code: string): string[] {
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

/** Why an import breaks the core's purity, or null when it is fine. */
function importProblem(file: string, specifier: string): string | null {
  if (
    specifier.startsWith('node:') ||
    builtinModules.includes(specifier) ||
    builtinModules.includes(specifier.split('/')[0])
  )
    return `imports the Node built-in ${specifier}`;
  if (FORBIDDEN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`)))
    return `imports ${specifier}`;
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    if (relative(CORE, target).startsWith('..')) return `imports ${specifier}, outside src/core/`;
  }
  return null;
}

describe('architecture', () => {
  const files = sourceFiles(CORE);

  test('src/core/ has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test('no file under src/core/ imports an edge or anything outside src/core/', () => {
    const problems = files.flatMap((file) =>
      importsOf(withoutComments(readFileSync(file, 'utf8')))
        .map((specifier) => importProblem(file, specifier))
        .filter((problem): problem is string => problem !== null)
        .map((problem) => `${relative(CORE, file)} ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  test('no file under src/core/ uses the clock, Math.random, the console or the process', () => {
    const problems = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return FORBIDDEN_GLOBALS.filter(([pattern]) => pattern.test(code)).map(
        ([, what]) => `${relative(CORE, file)} uses ${what}`,
      );
    });
    expect(problems).toEqual([]);
  });

  test('the checks catch what they are meant to catch', () => {
    const file = join(CORE, 'model', 'example.ts');
    expect(
      importsOf(
        "import { readFile } from 'node:fs/promises';\nexport { x } from '../../cli/main.js';\nconst y = await import('zod');",
      ),
    ).toEqual(['node:fs/promises', '../../cli/main.js', 'zod']);
    expect(importProblem(file, 'node:fs/promises')).not.toBeNull();
    expect(importProblem(file, 'fs')).not.toBeNull();
    expect(importProblem(file, 'ink')).not.toBeNull();
    expect(importProblem(file, '../../cli/main.js')).not.toBeNull();
    expect(importProblem(file, '../design.js')).toBeNull();
    expect(importProblem(file, 'simple-statistics')).toBeNull();
    expect(withoutComments('// Date\nconst a = 1; /* process */')).not.toMatch(/Date|process/);
  });
});

/** Step folders of the core (model → assignment → measurement → analysis, the inquiry, diagnosis) and their foundations. */
const STEP_FOLDERS = ['analysis', 'assignment', 'diagnosis', 'distributions', 'inquiry', 'measurement', 'model', 'rng'];
/** The spine and what it walks: the only files at the top of src/core/. */
const SPINE_FILES = [
  'cell-form.ts',
  'choose-engine.ts',
  'design.ts',
  'person-form.ts',
  'prepare-design.ts',
  'simulate-block.ts',
  'trial-form.ts',
  'trial-record.ts',
  'trial.ts',
];

/** The value imports (not `import type`) of a file, as written. */
function valueImportsOf(code: string): string[] {
  return [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
}

describe('the core is the steps of a trial, with the spine on top', () => {
  const files = sourceFiles(CORE);

  test('src/core/ holds the step folders and the spine files only (no engine folder beside them)', () => {
    const entries = readdirSync(CORE, { withFileTypes: true });
    expect(entries.filter((e) => e.isDirectory()).map((e) => e.name)).toEqual(STEP_FOLDERS);
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual(SPINE_FILES);
  });

  test('what trials share is a prepared value passed along, never a module-level cache keyed on designs', () => {
    const cached = files.filter((file) => /\bWeakMap\b/.test(withoutComments(readFileSync(file, 'utf8'))));
    expect(cached.map((file) => relative(CORE, file))).toEqual([]);
  });

  test('the step folders take nothing but types from the spine, whose files walk the forms (design.ts, the input, is shared)', () => {
    const problems = files
      .filter((file) => STEP_FOLDERS.includes(relative(CORE, file).split('/')[0]))
      .flatMap((file) =>
        valueImportsOf(withoutComments(readFileSync(file, 'utf8')))
          .filter((specifier) => specifier.startsWith('.'))
          .filter((specifier) => dirname(resolve(dirname(file), specifier)) === resolve(CORE))
          .filter((specifier) => !specifier.endsWith('/design.js'))
          .map((specifier) => `${relative(CORE, file)} imports ${specifier}`),
      );
    expect(problems).toEqual([]);
  });

  test('distributions/ and rng/ are foundations: they import no step', () => {
    const problems = files
      .filter((file) => ['distributions', 'rng'].includes(relative(CORE, file).split('/')[0]))
      .flatMap((file) =>
        importsOf(withoutComments(readFileSync(file, 'utf8')))
          .filter((specifier) => specifier.startsWith('.'))
          .map((specifier) => relative(CORE, resolve(dirname(file), specifier)).split('/')[0])
          .filter((folder) => !['distributions', 'rng'].includes(folder))
          .map((folder) => `${relative(CORE, file)} imports from ${folder}`),
      );
    expect(problems).toEqual([]);
  });

  test('the value-import check sees value imports and lets type imports through', () => {
    expect(valueImportsOf("import { a } from '../trial.js';\nimport type { B } from '../prepare-design.js';")).toEqual([
      '../trial.js',
    ]);
  });
});
