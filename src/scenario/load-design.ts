/**
 * The single entry point from a SCENARIO argument to the engine's input: resolve the name or path,
 * read, override, validate, compile, and fingerprint.
 */
import { basename, extname } from 'node:path';
import { aggregateSupport } from '../core/aggregate/aggregate-support.js';
import type { Design } from '../core/design.js';
import { resolveScenario } from './builtin-scenarios.js';
import { compileScenario } from './compile.js';
import { loadScenario } from './load.js';
import { ScenarioError } from './scenario-error.js';
import { scenarioHash } from './scenario-hash.js';

/** A loaded scenario: its frozen Design, the file it came from and the Design's SHA-256. */
export interface LoadedDesign {
  readonly design: Design;
  readonly file: string;
  readonly sha256: string;
}

/**
 * Loads a scenario by path or built-in name, applying `--set PATH=VALUE` overrides before
 * validation. Throws a ScenarioError (exit 2) listing every problem.
 * Example: `await loadDesign('teaching-two-arm', ['design.size.total=400'])` gives a Design with
 * `size: { kind: 'ratio', total: 400, treatedShare: 0.5 }`.
 */
export async function loadDesign(nameOrPath: string, sets: readonly string[] = []): Promise<LoadedDesign> {
  const file = resolveScenario(nameOrPath);
  const { scenario } = await loadScenario(file, sets);
  const design = compileScenario(scenario, basename(file, extname(file)));
  requireAggregateSupport(design, file);
  return { design, file, sha256: scenarioHash(design) };
}

/** `simulation.engine: aggregate` on a design the aggregated engine cannot simulate exactly is the author's to fix. */
function requireAggregateSupport(design: Design, file: string): void {
  if (design.simulation.engine !== 'aggregate') return;
  const support = aggregateSupport(design);
  if (support.ok) return;
  throw new ScenarioError([{
    file, line: 0, column: 0, path: 'simulation.engine',
    message: `aggregate cannot simulate this design exactly: ${support.reason}`,
    value: 'aggregate',
    hint: 'use engine auto (the per-person engine wherever aggregation is not exact) or person',
  }]);
}
