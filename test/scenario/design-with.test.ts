/**
 * The planning searches compile each point's design from the scenario loaded once (`designWith`)
 * instead of reading the file again: for every searchable parameter, on every built-in scenario
 * that has it, and several values, the derived design must be the design `loadDesign` gives for
 * the file with the equivalent `--set` — the same object, the same fingerprint, or the same
 * ScenarioError. The file is deleted before deriving, so the derived designs cannot have read it.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Design } from '../../src/core/design.js';
import { listBuiltInScenarios } from '../../src/scenario/builtin-scenarios.js';
import { designWith, loadDesign, type LoadedDesign } from '../../src/scenario/load-design.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { describeParameter, SEARCHABLE_PARAMETERS, type DesignParameter } from '../../src/search/design-parameter.js';

/** The user's own overrides, applied before each point's (as a planning command would be given them). */
const USER_SETS = ['simulation.trials=300', 'simulation.seed=11'];

/** Paths only `curve` varies (any numeric path), compiled the same way. */
const CURVE_PATHS = ['cohort.propensity.dispersion', 'design.attrition', 'analysis.alpha'];

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trialsim-design-with-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A few values of the parameter: its least, the scenario's own (if any), and larger ones within bounds. */
function valuesOf(parameter: DesignParameter): number[] {
  const current = parameter.current ?? 1;
  const raw = [parameter.min, current, current * 1.5, current * 3].map((v) =>
    parameter.integer ? Math.round(v) : Number(v.toFixed(2)),
  );
  return [...new Set(raw.filter((v) => v >= parameter.min && v <= parameter.max))];
}

/** The design, or the message of the ScenarioError that refused it. */
async function outcomeOf(
  load: () => Promise<LoadedDesign> | LoadedDesign,
): Promise<{ design: Design; sha256: string } | string> {
  try {
    const { design, sha256 } = await load();
    return { design, sha256 };
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
}

describe('designWith', () => {
  test.each(listBuiltInScenarios().map((scenario) => [scenario.name, scenario.file]))(
    'derives each search point of %s as loadDesign would from the file, without the file',
    async (name, builtIn) => {
      const file = join(folder, `${name}.yaml`);
      await copyFile(builtIn, file);
      const loaded = await loadDesign(file, USER_SETS);
      const parameters = [...SEARCHABLE_PARAMETERS, ...CURVE_PATHS].flatMap((path) => {
        try {
          return [describeParameter(loaded.design, path)];
        } catch {
          return []; // a parameter this scenario cannot vary (no sites, no costs, …)
        }
      });
      const cases = parameters.flatMap((parameter) =>
        valuesOf(parameter).map((value) => ({
          label: `${parameter.path}=${value}`,
          overrides: parameter.overrides(value),
        })),
      );
      const fromFile = [];
      for (const { overrides } of cases)
        fromFile.push(await outcomeOf(() => loadDesign(file, [...USER_SETS, ...overrides])));
      await rm(file);
      const derived = [];
      for (const { overrides } of cases) derived.push(await outcomeOf(() => designWith(loaded, overrides)));
      expect(derived).toEqual(fromFile);
      // The comparison is not vacuous: most points compile, and the points differ from the base design.
      const compiled = fromFile.filter((outcome) => typeof outcome !== 'string');
      expect(compiled.length).toBeGreaterThan(cases.length / 2);
      expect(new Set(compiled.map((outcome) => outcome.sha256)).size).toBeGreaterThan(1);
      expect(cases.map((c) => c.label)).toContain(`design.size.total=${Math.round(parameters[0].current!)}`);
    },
  );

  test('applies the overrides after the ones the scenario was loaded with, and after earlier derivations', async () => {
    const loaded = await loadDesign('teaching-two-arm', ['design.size={ treated: 150, control: 150 }']);
    const derived = designWith(loaded, ['design.attrition=0.1']);
    expect(derived.design.plan.size).toEqual({ kind: 'fixed', treated: 150, control: 150 });
    expect(derived.design.plan.attrition).toBe(0.1);
    expect(loaded.design.plan.attrition).toBe(0);
    const again = designWith(derived, ['design.size.treated=200']).design;
    expect(again.plan.size).toEqual({ kind: 'fixed', treated: 200, control: 150 });
    expect(again.plan.attrition).toBe(0.1);
  });

  test('refuses a bad value as a ScenarioError naming the path and the --set', async () => {
    const loaded = await loadDesign('teaching-two-arm');
    expect(() => designWith(loaded, ['design.attrition=1.5'])).toThrow(
      'design.attrition must be a share in [0, 1) [set by --set design.attrition=…] (got 1.5)',
    );
  });
});
