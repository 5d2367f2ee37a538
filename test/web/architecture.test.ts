/**
 * The page's architecture: its components reach trialsim only through the adapter folder
 * src/web/engine/ (so when the core, runner or report modules move, only that folder changes),
 * and nothing the page bundles imports a Node built-in or the Node-only runner (threads, timers,
 * files) — those would break in a browser or be silently stubbed by the bundler.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../../src/web/', import.meta.url));
const SRC = resolve(WEB, '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  // Type-only imports vanish from the bundle, so they do not count.
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/\b(?:import|export)\s+type\b[^;]*;/g, '');
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(?\s*['"]([^'"]+)['"]/g];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

/** Every module the page's bundle reaches through relative imports, from its two entries. */
function bundledFiles(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier.replace(/\?.*$/, '')).replace(/\.js$/, '');
      const candidates = [`${target}.ts`, `${target}.tsx`, target];
      const found = candidates.find((candidate) => {
        try {
          return readFileSync(candidate) !== undefined;
        } catch {
          return false;
        }
      });
      if (found && /\.(ts|tsx)$/.test(found)) visit(found);
    }
  };
  visit(join(WEB, 'app/main.tsx'));
  visit(join(WEB, 'engine/chunk-worker.ts'));
  return seen;
}

describe('the page’s architecture', () => {
  it('reaches trialsim from its components only through src/web/engine/', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(WEB)) {
      if (file.startsWith(join(WEB, 'engine'))) continue;
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier);
        if (relative(WEB, target).startsWith('..')) offending.push(`${relative(SRC, file)} imports ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('bundles no Node built-in and none of the Node-only runner, command line or file reading', () => {
    const files = bundledFiles();
    expect(files.size).toBeGreaterThan(50);
    const nodeOnly = [
      'runner/run-trials.ts',
      'runner/worker-session.ts',
      'runner/worker.ts',
      'runner/run-in-process.ts',
      'runner/engine-module.ts',
      'cli/main.ts',
      'scenario/builtin-scenarios.ts',
      'scenario/load-design.ts',
    ];
    const reached = [...files].map((file) => relative(SRC, file));
    expect(reached.filter((file) => nodeOnly.includes(file))).toEqual([]);
    // The Node built-ins the bundle meets are replaced by the web build (vite.web.config.ts).
    const builtIns = [...files].flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('node:'))
        .map((specifier) => `${relative(SRC, file)}: ${specifier}`),
    );
    expect(builtIns.sort()).toEqual([
      'scenario/load.ts: node:crypto',
      'scenario/load.ts: node:fs/promises',
      'scenario/scenario-hash.ts: node:crypto',
    ]);
  });
});
