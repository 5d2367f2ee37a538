/**
 * The single entry point from a SCENARIO argument to the engine's input: resolve the name or path,
 * read, override, validate, compile, and fingerprint.
 */
import { basename, extname } from 'node:path';
import { chooseEngine } from '../core/choose-engine.js';
import type { Design } from '../core/design.js';
import { integrateSelectedPopulation } from '../core/model/selected-population.js';
import { resolveScenario } from './builtin-scenarios.js';
import { compileScenario } from './compile.js';
import { loadScenario } from './load.js';
import { ScenarioError } from './scenario-error.js';
import { scenarioHash } from './scenario-hash.js';

/**
 * Below this share of a group's population passing the eligibility rules, drawing a cohort needs
 * over a thousand candidates per person: refused up front rather than failing mid-run.
 */
export const MIN_ELIGIBLE_SHARE = 1e-3;

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
  requireFeasibleSelection(design, file);
  requireAggregateSupport(design, file);
  return { design, file, sha256: scenarioHash(design) };
}

/** `simulation.engine: aggregate` on a design the aggregated engine cannot simulate exactly is the author's to fix. */
function requireAggregateSupport(design: Design, file: string): void {
  const engine = chooseEngine(design);
  if (engine.kind !== 'refused') return;
  throw new ScenarioError([
    {
      file,
      line: 0,
      column: 0,
      path: 'simulation.engine',
      message: `aggregate cannot simulate this design exactly: ${engine.reason}`,
      value: 'aggregate',
      hint: 'use engine auto (the per-person engine wherever aggregation is not exact) or person',
    },
  ]);
}

/** Refuses eligibility rules that almost nobody in some group passes (see MIN_ELIGIBLE_SHARE). */
function requireFeasibleSelection(design: Design, file: string): void {
  if (design.selection === null) return;
  const scarce = integrateSelectedPopulation(design)
    .map((group, g) => ({ group: design.groups[g].id, eligibleShare: group.eligibleShare }))
    .filter((group) => group.eligibleShare < MIN_ELIGIBLE_SHARE);
  if (scarce.length === 0) return;
  throw new ScenarioError(
    scarce.map((group) => ({
      file,
      line: 0,
      column: 0,
      path: 'cohort.selection',
      message: `lets only ${(100 * group.eligibleShare).toPrecision(2)}% of group "${group.group}" through, so each eligible person would take over ${Math.floor(1 / Math.max(group.eligibleShare, 1e-12)).toLocaleString('en-GB')} simulated candidates`,
      value: '',
      hint: "lower the rules' atLeast, widen withinMonths, or check ratePerYear (it is the rate in the population the cohort is drawn from)",
    })),
  );
}
