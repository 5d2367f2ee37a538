// Bundles the command line into dist/bundle/ (run by `npm run build`, after tsc).
//
// Why: a command's start-up was mostly Node's module loader finding, reading and compiling about
// 180 files (zod alone is 95) before any work; one bundle split into shared chunks loads a few.
//
// Three entries, laid out as in src/ so that the paths the code finds relative to itself still
// hold (src/runner/engine-module.ts, src/scenario/builtin-scenarios.ts):
// * cli/main.js — what bin/trialsim starts;
// * runner/worker.js — the worker thread's entry, which loads the engine by URL;
// * core/simulate-block.js — the engine, loaded by that URL in workers and, on one thread, in the
//   main thread; shared chunks make it the same modules as the command line's own (one
//   `UserError` class, so an error's exit code does not depend on the thread count).
// Each command stays in its own chunk (the registry imports only the one asked for), so
// `trialsim --version` loads almost nothing. dist/src/ (tsc) stays for the tests and the
// benchmarks.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: {
    'cli/main': 'src/cli/main.ts',
    'runner/worker': 'src/runner/worker.ts',
    'core/simulate-block': 'src/core/simulate-block.ts',
  },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // ink imports react-devtools-core only when DEV=true (it is not installed: ink says so itself).
  external: ['react-devtools-core'],
  // CommonJS packages inside an ES module bundle call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
