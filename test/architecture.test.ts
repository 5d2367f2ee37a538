/**
 * The layer map of src/ (docs/architecture.md, "Layers"), enforced: every file belongs to a layer
 * (its top folder under src/), imports only the layers its own may import, takes the edges'
 * libraries and Node's I/O only where they live, and no two files import each other, however
 * indirectly. The pure layers (the core and the neutral modules) also never touch the clock, the
 * global random source, the console or the process; and only bin/ and src/cli/ end the process.
 *
 * The map is data here and a diagram and table in docs/architecture.md; change both together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importCycles, importEdges, importsOf, withoutComments, type SourceFile } from './support/import-graph.js';

type Layer =
  'core' | 'errors' | 'events' | 'types' | 'scenario' | 'fit' | 'runner' | 'report' | 'search' | 'ui' | 'web' | 'cli';

/**
 * What each layer may import besides itself and the neutral modules (`errors`, `events`, which
 * every layer may import and which import nothing). Imports point one way, from the command line
 * down to the core; the reasons are in docs/architecture.md.
 */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  core: [],
  errors: [],
  events: [],
  types: [],
  scenario: ['core'],
  fit: ['core', 'scenario'],
  runner: ['core'],
  report: ['core'],
  search: ['core', 'scenario', 'runner', 'report'],
  ui: ['core', 'report'],
  // The browser page: the same scenario language, engine, runner pieces, planners and reports,
  // reached only through src/web/engine/ (test/web/architecture.test.ts); nothing imports it.
  web: ['core', 'scenario', 'runner', 'search', 'report'],
  cli: ['core', 'scenario', 'fit', 'runner', 'search', 'report', 'ui'],
};

/** Modules any layer may import: user errors and bugs, and run events. */
const NEUTRAL: readonly Layer[] = ['errors', 'events'];

/** Layers that must stay pure: no Node built-in, no edge library, no clock, randomness, console or process. */
const PURE: readonly Layer[] = ['core', 'errors', 'events', 'types'];

/** Libraries of pure computation, the only packages a pure layer may import. */
const PURE_PACKAGES: readonly string[] = ['simple-statistics', 'seedrandom'];

/**
 * Where each edge library and each Node built-in may be imported: argv in cli, the terminal's
 * live view in ui, threads in runner, the scenario language and scenario files in scenario,
 * results (files and figures) in report. A Node built-in not listed here may not be imported at all.
 */
const EXTERNAL_HOMES: Readonly<Record<string, readonly Layer[]>> = {
  commander: ['cli'],
  ink: ['ui'],
  // React draws the terminal dashboards (through ink) and the browser page (through react-dom).
  react: ['ui', 'web'],
  'react-dom': ['web'],
  // The page's Math.exp, log, log1p, expm1 and tan as Node 20 computes them (src/web/shims/node-math.ts).
  '@stdlib/math-base-special-exp': ['web'],
  '@stdlib/math-base-special-ln': ['web'],
  '@stdlib/math-base-special-log1p': ['web'],
  '@stdlib/math-base-special-expm1': ['web'],
  '@stdlib/math-base-special-tan': ['web'],
  'worker-threads-pool': ['runner'],
  'node:worker_threads': ['runner'],
  'node:os': ['runner'],
  'node:timers/promises': ['runner'],
  // The scenario language is read in scenario; fit writes a fitted scenario in it, and the page
  // edits the scenario's YAML in place (comments kept) when a slider moves.
  yaml: ['scenario', 'fit', 'web'],
  zod: ['scenario'],
  // Report writes files atomically beside their target; the command line's `serve` resolves the
  // page's files and a scenario beside it.
  'node:path': ['scenario', 'report', 'cli'],
  'node:crypto': ['scenario'],
  'node:url': ['scenario', 'runner', 'cli'],
  // `serve`: the page's local server, and `--open` starting the system's browser.
  'node:http': ['cli'],
  'node:child_process': ['cli'],
  vega: ['report'],
  // The page builds its charts' vega-lite specs (a type) and draws them with the report's renderer.
  'vega-lite': ['report', 'web'],
  // Scenario files are read in scenario and results written in report; the command line itself
  // writes `init`'s starter file and reads `merge`'s shard files.
  'node:fs': ['scenario', 'report', 'cli'],
  'node:fs/promises': ['scenario', 'report', 'cli'],
  // Timing: the runner's trials per second and the planning searches' seconds.
  'node:perf_hooks': ['runner', 'search'],
};

/**
 * Cycles that exist and are someone else's to remove, each with why it is tolerated for now. An
 * entry whose cycle is gone makes the test fail, so the list cannot go stale.
 */
const KNOWN_CYCLES: Readonly<Record<string, string>> = {};

const PURE_GLOBALS: readonly (readonly [RegExp, string])[] = [
  [/\bMath\s*\.\s*random\b/, 'Math.random (take an Rng)'],
  [/\bDate\b/, 'Date (the clock)'],
  [/\bconsole\b/, 'console'],
  [/\bprocess\b/, 'process'],
  [/\bperformance\s*\.\s*now\b/, 'performance.now (the clock)'],
];

const LAYERS = Object.keys(MAY_IMPORT) as Layer[];

/** The layer of a path under src/ (its first folder), or null when the folder is not in the map. */
function layerOf(path: string): Layer | null {
  const top = path.split('/')[0];
  return (LAYERS as string[]).includes(top) && path.includes('/') ? (top as Layer) : null;
}

/** The package a bare specifier names: `yaml`, `@scope/name`, `node:fs/promises` as written. */
function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
}

/**
 * Every way `files` (paths relative to src/) break the map, one line each, naming the file, the
 * import or call, and the rule broken; empty when they keep to it.
 */
export function layerProblems(
  files: readonly SourceFile[],
  knownCycles: Readonly<Record<string, string>> = KNOWN_CYCLES,
): string[] {
  const problems: string[] = [];
  const layers = new Map(files.map((file) => [file.path, layerOf(file.path)]));
  for (const file of files) {
    if (layers.get(file.path) === null)
      problems.push(`${file.path} is in no layer: put it in one of src/${LAYERS.join(', src/')}/`);
  }
  for (const edge of importEdges(files)) {
    const layer = layers.get(edge.from);
    if (!layer) continue;
    const where = `${edge.from} imports ${edge.specifier}`;
    if (edge.target !== null) {
      const target = layerOf(edge.target);
      if (edge.target.startsWith('../') || target === null) {
        problems.push(`${where}: outside the layers of src/`);
      } else if (target !== layer && !NEUTRAL.includes(target) && !MAY_IMPORT[layer].includes(target)) {
        const allowed = [...MAY_IMPORT[layer], ...NEUTRAL].join(', ');
        problems.push(`${where}: ${layer} may not import ${target} (${layer} may import ${allowed})`);
      }
      continue;
    }
    const name = packageOf(edge.specifier);
    const builtin = isBuiltin(edge.specifier);
    const key = builtin && !name.startsWith('node:') ? `node:${name}` : name;
    const homes = EXTERNAL_HOMES[key];
    if (homes !== undefined) {
      if (!homes.includes(layer)) problems.push(`${where}: only ${homes.join(', ')} may import ${key}`);
    } else if (builtin) {
      problems.push(`${where}: no layer may import ${key} (give it a home in the layer map first)`);
    } else if (PURE.includes(layer) && !PURE_PACKAGES.includes(name)) {
      problems.push(`${where}: ${layer} is pure and may import only ${PURE_PACKAGES.join(', ')}`);
    }
  }
  for (const file of files) {
    const layer = layers.get(file.path);
    const code = withoutComments(file.code);
    if (layer && PURE.includes(layer)) {
      for (const [pattern, what] of PURE_GLOBALS)
        if (pattern.test(code)) problems.push(`${file.path} uses ${what}: ${layer} is pure`);
    } else if (layer !== 'cli' && /\bprocess\s*\.\s*(exit|exitCode)\b/.test(code)) {
      problems.push(`${file.path} ends the process: only bin/ and src/cli/ may`);
    }
  }
  const cycles = importCycles(files, importEdges(files));
  for (const cycle of cycles)
    if (!(cycle in knownCycles)) problems.push(`import cycle: ${cycle} (break it, e.g. move the shared type down)`);
  for (const known of Object.keys(knownCycles))
    if (!cycles.includes(known))
      problems.push(`the tolerated cycle ${known} is gone: remove it from KNOWN_CYCLES in test/architecture.test.ts`);
  return problems;
}

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(folder: string): SourceFile[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    if (!/\.(ts|tsx|mts|cts)$/.test(entry.name)) return [];
    return [{ path: relative(SRC, path).split(sep).join('/'), code: readFileSync(path, 'utf8') }];
  });
}

describe('the layer map', () => {
  const files = sourceFiles(SRC);

  test('src/ has files in every layer of the map', () => {
    const present = new Set(files.map((file) => layerOf(file.path)));
    expect(LAYERS.filter((layer) => !present.has(layer))).toEqual([]);
  });

  test('no file in src/ imports against the map, uses an impure global in a pure layer, ends the process outside cli/ or sits in an import cycle', () => {
    expect(layerProblems(files)).toEqual([]);
  });

  test('bin/trialsim only starts the command line', () => {
    const bin = readFileSync(fileURLToPath(new URL('../bin/trialsim', import.meta.url)), 'utf8');
    expect(importsOf(bin)).toEqual(['../dist/bundle/cli/main.js']);
  });
});

describe('the checks', () => {
  test('read static, type-only, re-exported, bare and dynamic imports, and ignore comments', () => {
    expect(
      importsOf(
        "import { a } from './a.js';\nimport type { B } from \"../b.js\";\nexport { c } from './c.js';\nimport './d.js';\n" +
          "const e = await import('./e.js');\n// import { f } from './f.js';\n/* import('./g.js') */",
      ),
    ).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js']);
  });

  test('fail on each kind of break, naming the file, the import and the rule', () => {
    const fixture: SourceFile[] = [
      { path: 'core/model.ts', code: "import { readFile } from 'node:fs/promises';\nexport const now = Date.now();" },
      { path: 'core/uses-zod.ts', code: "import { z } from 'zod';" },
      {
        path: 'core/fine.ts',
        code: "import { sum } from 'simple-statistics';\nimport { UserError } from '../errors/user-error.js';",
      },
      { path: 'errors/user-error.ts', code: 'export class UserError extends Error {}' },
      { path: 'ui/view.tsx', code: "import type { RunPlan } from '../runner/run-plan.js';" },
      { path: 'runner/run-plan.ts', code: 'export interface RunPlan {}\nprocess.exit(1);' },
      { path: 'search/plan.ts', code: "const { main } = await import('../cli/main.js');" },
      { path: 'report/a.ts', code: "export { b } from './b.js';" },
      { path: 'report/b.ts', code: "import { a } from './a.js';" },
      { path: 'report/chart.ts', code: "import { render } from 'ink';" },
      { path: 'cli/main.ts', code: "import { x } from '../../bench/x.js';\nprocess.exit(0);" },
      { path: 'cli/child.ts', code: "import { connect } from 'node:net';" },
      { path: 'stray.ts', code: '' },
    ];
    const stale = { 'core/gone.ts → core/trial.ts → core/gone.ts': 'removed since' };
    expect(layerProblems(fixture, stale)).toEqual([
      'stray.ts is in no layer: put it in one of src/core, src/errors, src/events, src/types, src/scenario, src/fit, src/runner, src/report, src/search, src/ui, src/web, src/cli/',
      'core/model.ts imports node:fs/promises: only scenario, report, cli may import node:fs/promises',
      'core/uses-zod.ts imports zod: only scenario may import zod',
      'ui/view.tsx imports ../runner/run-plan.js: ui may not import runner (ui may import core, report, errors, events)',
      'search/plan.ts imports ../cli/main.js: search may not import cli (search may import core, scenario, runner, report, errors, events)',
      'report/chart.ts imports ink: only ui may import ink',
      'cli/main.ts imports ../../bench/x.js: outside the layers of src/',
      'cli/child.ts imports node:net: no layer may import node:net (give it a home in the layer map first)',
      'core/model.ts uses Date (the clock): core is pure',
      'runner/run-plan.ts ends the process: only bin/ and src/cli/ may',
      'import cycle: report/a.ts → report/b.ts → report/a.ts (break it, e.g. move the shared type down)',
      'the tolerated cycle core/gone.ts → core/trial.ts → core/gone.ts is gone: remove it from KNOWN_CYCLES in test/architecture.test.ts',
    ]);
  });

  test('find a cycle through several files and name it as a closed path', () => {
    const fixture: SourceFile[] = [
      { path: 'search/a.ts', code: "import { b } from './b.js';" },
      { path: 'search/b.ts', code: "import { c } from './c.js';" },
      { path: 'search/c.ts', code: "import type { A } from './a.js';" },
      { path: 'search/d.ts', code: "import { a } from './a.js';" },
    ];
    expect(importCycles(fixture, importEdges(fixture))).toEqual([
      'search/a.ts → search/b.ts → search/c.ts → search/a.ts',
    ]);
  });

  test('a pure layer may import a pure computation package but no other', () => {
    const fixture: SourceFile[] = [
      {
        path: 'core/a.ts',
        code: "import { mean } from 'simple-statistics';\nimport alea from 'seedrandom/lib/alea.js';",
      },
      { path: 'core/b.ts', code: "import chalk from 'chalk';" },
      { path: 'report/c.ts', code: "import chalk from 'chalk';" },
    ];
    expect(layerProblems(fixture)).toEqual([
      'core/b.ts imports chalk: core is pure and may import only simple-statistics, seedrandom',
    ]);
  });
});

/** Step folders of the core (model → assignment → measurement → analysis, the inquiry, diagnosis) and their foundations. */
const STEP_FOLDERS = [
  'analysis',
  'assignment',
  'diagnosis',
  'distributions',
  'inquiry',
  'measurement',
  'model',
  'numerics',
  'rng',
];
/** The foundations the steps stand on: samplers and probabilities, root finding, random streams. */
const FOUNDATIONS = ['distributions', 'numerics', 'rng'];
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
  'trial-rows.ts',
  'trial.ts',
];

/** The value imports (not `import type`) of a file, as written. */
function valueImportsOf(code: string): string[] {
  return [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
}

describe('the core is the steps of a trial, with the spine on top', () => {
  const files = sourceFiles(SRC).filter((file) => file.path.startsWith('core/'));
  /** A core file's path below src/core/. */
  const inCore = (file: SourceFile): string => file.path.slice('core/'.length);

  test('src/core/ holds the step folders and the spine files only (no engine folder beside them)', () => {
    const entries = readdirSync(join(SRC, 'core'), { withFileTypes: true });
    expect(entries.filter((e) => e.isDirectory()).map((e) => e.name)).toEqual(STEP_FOLDERS);
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual(SPINE_FILES);
  });

  test('what trials share is a prepared value passed along, never a module-level cache keyed on designs', () => {
    const cached = files.filter((file) => /\bWeakMap\b/.test(withoutComments(file.code)));
    expect(cached.map(inCore)).toEqual([]);
  });

  test('the step folders take nothing but types from the spine, whose files walk the forms (design.ts, the input, is shared)', () => {
    const problems = files
      .filter((file) => STEP_FOLDERS.includes(inCore(file).split('/')[0]))
      .flatMap((file) =>
        valueImportsOf(withoutComments(file.code))
          .filter((specifier) => specifier.startsWith('.'))
          .filter((specifier) => posix.dirname(posix.join(posix.dirname(file.path), specifier)) === 'core')
          .filter((specifier) => !specifier.endsWith('/design.js'))
          .map((specifier) => `${inCore(file)} imports ${specifier}`),
      );
    expect(problems).toEqual([]);
  });

  test('distributions/, numerics/ and rng/ are foundations: they import no step', () => {
    const problems = files
      .filter((file) => FOUNDATIONS.includes(inCore(file).split('/')[0]))
      .flatMap((file) =>
        importsOf(withoutComments(file.code))
          .filter((specifier) => specifier.startsWith('.'))
          .map((specifier) => posix.join(posix.dirname(file.path), specifier).split('/')[1])
          .filter((folder) => !FOUNDATIONS.includes(folder))
          .map((folder) => `${inCore(file)} imports from ${folder}`),
      );
    expect(problems).toEqual([]);
  });

  test('the value-import check sees value imports and lets type imports through', () => {
    expect(valueImportsOf("import { a } from '../trial.js';\nimport type { B } from '../prepare-design.js';")).toEqual([
      '../trial.js',
    ]);
  });
});
