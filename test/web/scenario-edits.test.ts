import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { scenarioHash } from '../../src/scenario/scenario-hash.js';
import { projectRoot } from '../support/run-cli.js';
import { builtInScenarios } from '../../src/web/engine/builtin-scenarios.js';
import { designFromText } from '../../src/web/engine/design-from-text.js';
import {
  dispersionOverride,
  effectOverride,
  engagementOverride,
  peopleOverride,
  readKnobs,
  writeOverrides,
} from '../../src/web/engine/scenario-edits.js';

function compile(text: string, file: string, sets: readonly string[] = []) {
  const result = designFromText(text, file, sets);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result;
}

describe('the page’s scenarios', () => {
  it('bundles every file of scenarios/ and compiles each to the command line’s Design and hash', async () => {
    const names = builtInScenarios().map((s) => s.name);
    expect([...names].sort()).toEqual(
      readdirSync(join(projectRoot, 'scenarios'))
        .filter((file) => file.endsWith('.yaml'))
        .map((file) => file.replace(/\.yaml$/, ''))
        .sort(),
    );
    for (const scenario of builtInScenarios()) {
      const page = compile(scenario.text, scenario.file, ['simulation.trials=77']);
      const cli = await loadDesign(scenario.name, ['simulation.trials=77']);
      expect(page.design).toEqual(cli.design);
      expect(page.sha256).toBe(cli.sha256);
      expect(page.sha256).toBe(scenarioHash(page.design));
    }
  });

  it('reports the command line’s problems, with line and column, for a broken text', async () => {
    const scenario = builtInScenarios().find((s) => s.name === 'teaching-two-arm')!;
    const broken = scenario.text.replace('prevalence: 0.5', 'prevalence: -1');
    const result = designFromText(broken, 'teaching-two-arm.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ path: 'outcomes[0].prevalence', value: '-1' });
    const line = broken.split('\n').findIndex((text) => text.includes('prevalence: -1')) + 1;
    expect(result.problems[0].line).toBe(line);
  });
});

describe('the sliders and assumptions as overrides', () => {
  it('reads the scenario’s own values', () => {
    const teaching = compile(
      builtInScenarios().find((s) => s.name === 'teaching-two-arm')!.text,
      'teaching-two-arm.yaml',
    );
    expect(readKnobs(teaching.design, 0)).toMatchObject({
      treated: 100,
      controlPerTreated: 1,
      effect: { outcomeIndex: 0, key: 'riskRatio', value: 0.8, byGroup: false },
      dispersion: null,
      engagement: 1,
    });
    const mk = compile(builtInScenarios().find((s) => s.name === 'milton-keynes')!.text, 'milton-keynes.yaml');
    const knife = mk.design.outcomes.findIndex((o) => o.id === 'knife');
    const anyCrime = mk.design.outcomes.findIndex((o) => o.id === 'any-crime');
    expect(readKnobs(mk.design, knife).effect).toMatchObject({ key: 'rateRatio', byGroup: true });
    // A derived binary's effect is its count's: the slider moves the count's rate ratio.
    expect(readKnobs(mk.design, anyCrime).effect?.outcomeIndex).toBe(
      mk.design.outcomes.findIndex((o) => o.id === 'crime'),
    );
    expect(readKnobs(mk.design, knife).treated).toBe(45);
  });

  it('writes overrides into the text so that the text alone compiles to the design the overrides give', () => {
    for (const scenario of builtInScenarios()) {
      const { design } = compile(scenario.text, scenario.file);
      const knobs = readKnobs(design, 0);
      const sets = [
        peopleOverride(knobs, 60),
        engagementOverride(0.55),
        dispersionOverride(2.5),
        'simulation.trials=123',
        'simulation.seed=9',
        ...(knobs.effect ? [effectOverride(knobs.effect, 0.7)] : []),
      ];
      const written = writeOverrides(scenario.text, sets);
      const viaText = compile(written, scenario.file);
      const viaSets = compile(scenario.text, scenario.file, sets);
      expect(viaText.design).toEqual(viaSets.design);
      expect(viaText.sha256).toBe(viaSets.sha256);
      expect(viaText.design.simulation.trials).toBe(123);
      // Comments elsewhere in the file survive.
      const firstComment = scenario.text.split('\n').find((line) => line.startsWith('#'));
      if (firstComment) expect(written).toContain(firstComment);
    }
  });

  it('leaves the text untouched without overrides', () => {
    expect(writeOverrides('name: x # kept\n', [])).toBe('name: x # kept\n');
  });
});
