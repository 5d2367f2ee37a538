/**
 * Every built-in scenario loads and compiles, and the built-ins say what docs/scenario-language.md, "Built-in scenarios", promises.
 */
import { describe, expect, test } from 'vitest';
import { armSizes, type CountOutcome } from '../../src/core/design.js';
import { builtInScenarioFolder, listBuiltInScenarios, resolveScenario } from '../../src/scenario/builtin-scenarios.js';
import { loadDesign } from '../../src/scenario/load-design.js';

describe('built-in scenarios', () => {
  const builtIns = listBuiltInScenarios();

  test('the four named in docs/scenario-language.md are there', () => {
    expect(builtIns.map((scenario) => scenario.name)).toEqual(
      expect.arrayContaining(['bench-ref', 'milton-keynes', 'milton-keynes-scale-up', 'teaching-two-arm']),
    );
  });

  for (const { name, file } of builtIns) {
    test(`${name} loads, compiles, is named after its file and has a title and a source`, async () => {
      const loaded = await loadDesign(name);
      expect(loaded.file).toBe(file);
      expect(loaded.design.name).toBe(name);
      expect(loaded.design.title.length).toBeGreaterThan(10);
      expect(loaded.design.source.length).toBeGreaterThan(10);
      expect(Object.isFrozen(loaded.design)).toBe(true);
    });
  }

  test('milton-keynes-replication: the four reported reductions as just-significant originals, harm primary, τ between areas', async () => {
    const { design } = await loadDesign('milton-keynes-replication');
    const originals = Object.fromEntries(design.outcomes.flatMap((o) => (o.original ? [[o.id, o.original]] : [])));
    // docs/seed-trial.md: 39.8% knife, 54% crime harm, 59% knife and 70% harm for under-18s.
    expect(originals).toEqual({
      knife: { estimate: 0.602, p: 'significant' },
      harm: { estimate: 0.46, p: 'significant' },
      'knife-u18': { estimate: 0.41, p: 'significant' },
      'harm-u18': { estimate: 0.3, p: 'significant' },
    });
    expect(design.outcomes.filter((o) => o.primary).map((o) => o.id)).toEqual(['harm']);
    expect(design.plan.sites?.count).toBeGreaterThan(1);
    expect(design.replication?.heterogeneity).toBeGreaterThan(0);
    expect(design.replication?.success).toContainEqual({ criterion: 'sceptical', recalibration: 'golden' });
  });

  test('milton-keynes is the seed trial: 45 treated (20 + 25 by age), 120 controls, the reported effects', async () => {
    const { design } = await loadDesign('milton-keynes');
    expect(armSizes(design.plan.size)).toEqual({ treated: 45, control: 120, total: 165 });
    const byId = new Map(design.outcomes.map((outcome) => [outcome.id, outcome]));
    expect((byId.get('crime') as CountOutcome).rateRatio).toEqual({ youth: 0.46, adult: 0.46 });
    expect((byId.get('knife') as CountOutcome).rateRatio).toEqual({ youth: 0.41, adult: 0.602 });
    expect((byId.get('victim') as CountOutcome).rateRatio.adult).toBe(0.64);
    expect(byId.get('any-crime')?.kind).toBe('binary');
    expect(byId.get('harm')?.kind).toBe('harm');
    expect(design.outcomes.filter((outcome) => outcome.within === 'youth').map((outcome) => outcome.id)).toEqual([
      'knife-u18',
      'harm-u18',
    ]);
    expect(design.simulation).toMatchObject({ trials: 2000, seed: 2023 });
  });

  test('the scale-up is cluster randomised over 10 sites with caseworkers of caseload 22 and the 0.84 planning effect', async () => {
    const { design } = await loadDesign('milton-keynes-scale-up');
    expect(design.plan.randomisation).toBe('cluster');
    expect(design.plan.sites?.count).toBe(10);
    expect(design.plan.caseworkers).toEqual({ caseload: 22, icc: 0.02 });
    expect((design.outcomes[0] as CountOutcome).rateRatio.youth).toBe(0.84);
  });

  test('bench-ref is the REF workload of the bench README', async () => {
    const { design } = await loadDesign('bench-ref');
    expect(design.propensityDispersion).toBe(1.25);
    expect(design.plan.size).toEqual({ kind: 'fixed', treated: 1000, control: 1000 });
    expect(design.outcomes.map((outcome) => outcome.analysis)).toEqual(['quasi-poisson', 'two-proportion-z']);
    expect(design.simulation).toMatchObject({ trials: 10000, seed: 1 });
  });

  test('a built-in name resolves to its file and an existing path resolves to itself', () => {
    expect(resolveScenario('teaching-two-arm')).toBe(
      `${builtInScenarioFolder()}/teaching-two-arm.yaml`.replace('//', '/'),
    );
    const path = `${builtInScenarioFolder()}/bench-ref.yaml`;
    expect(resolveScenario(path)).toBe(path);
  });
});
