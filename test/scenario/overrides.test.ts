/**
 * `--set PATH=VALUE` overrides: paths by key, position or id; values read as YAML; bad paths and
 * bad values reported like any other scenario problem.
 */
import { describe, expect, test } from 'vitest';
import type { CountOutcome } from '../../src/core/design.js';
import { loadDesign } from '../../src/scenario/load-design.js';
import { applyOverrides, parsePath } from '../../src/scenario/overrides.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

const DOCUMENT = {
  outcomes: [
    { id: 'crime', kind: 'count', ratePerYear: 2 },
    { id: 'knife', kind: 'count', ratePerYear: 0.6, effect: { rateRatio: 0.6 } },
  ],
  design: { followUpMonths: 12, size: { treated: 45, control: 120 } },
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError)
      return error.problems.map((problem) => `${problem.path}: ${problem.message} | ${problem.hint}`);
    throw error;
  }
  throw new Error('no ScenarioError');
}

describe('applyOverrides', () => {
  test('sets a value by dotted path, by list position and by id, reading values as YAML', () => {
    const result = applyOverrides(DOCUMENT, [
      'design.size.treated=200',
      'outcomes[0].ratePerYear={ youth: 2, adult: 1 }',
      'outcomes.knife.effect.rateRatio={ from: 0.7, to: 0.9 }',
      'outcomes.1.label=Knife offending',
    ]);
    expect(result.design).toEqual({ followUpMonths: 12, size: { treated: 200, control: 120 } });
    expect(result.outcomes).toEqual([
      { id: 'crime', kind: 'count', ratePerYear: { youth: 2, adult: 1 } },
      {
        id: 'knife',
        kind: 'count',
        ratePerYear: 0.6,
        effect: { rateRatio: { from: 0.7, to: 0.9 } },
        label: 'Knife offending',
      },
    ]);
  });

  test('leaves the original document unchanged', () => {
    const before = structuredClone(DOCUMENT);
    applyOverrides(DOCUMENT, ['design.size.treated=1', 'outcomes.crime.ratePerYear=9']);
    expect(DOCUMENT).toEqual(before);
  });

  test('creates missing blocks on the way', () => {
    expect(applyOverrides(DOCUMENT, ['analysis.alpha=0.1']).analysis).toEqual({ alpha: 0.1 });
  });

  test('a later override of the same path wins', () => {
    expect(
      (
        applyOverrides(DOCUMENT, ['design.followUpMonths=6', 'design.followUpMonths=24']).design as {
          followUpMonths: number;
        }
      ).followUpMonths,
    ).toBe(24);
  });

  test('an unknown outcome id is refused with a did-you-mean', () => {
    expect(problemsOf(() => applyOverrides(DOCUMENT, ['outcomes.knfie.effect.rateRatio=0.5']))).toEqual([
      'outcomes: outcomes has no entry "knfie" | did you mean "knife"?',
    ]);
  });

  test('every bad override is reported at once', () => {
    expect(
      problemsOf(() =>
        applyOverrides(DOCUMENT, [
          'design.size.treated.x=1',
          'nothing',
          'outcomes[5].id=a',
          '__proto__.x=1',
          'a..b=1',
          'design={ a: [1 }',
        ]),
      ),
    ).toEqual([
      'design.size.treated.x: cannot go inside design.size.treated: it holds 45 | set the whole value instead, e.g. --set design.size={ total: 400 }',
      ': must be PATH=VALUE | e.g. --set design.size.treated=200',
      'outcomes: outcomes has no entry 5 | use a position from 0 to 1',
      '__proto__.x: uses the reserved key "__proto__" | use a scenario field',
      'a..b: has a bad path "a..b" | write keys joined by dots, list positions as [0] or by id: outcomes.knife.effect.rateRatio',
      'design: has a value that is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]) | quote text values, e.g. --set \'design.size.allocation="1:2"\'',
    ]);
  });

  test('a value with a reserved key is refused and pollutes nothing', () => {
    expect(problemsOf(() => applyOverrides(DOCUMENT, ['design.size={ __proto__: { polluted: 1 } }']))).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('parsePath splits keys and bracketed positions', () => {
    expect(parsePath('outcomes[0].effect.byGroup.youth.rateRatio')).toEqual([
      'outcomes',
      0,
      'effect',
      'byGroup',
      'youth',
      'rateRatio',
    ]);
  });
});

describe('overrides through loadDesign', () => {
  test('an overridden value is compiled', async () => {
    const { design } = await loadDesign('milton-keynes', [
      'outcomes.knife.effect.rateRatio=0.8',
      'design.size={ total: 400, allocation: "1:1" }',
    ]);
    expect((design.outcomes[1] as CountOutcome).rateRatio).toEqual({ youth: 0.41, adult: 0.8 });
    expect(design.plan.size).toEqual({ kind: 'ratio', total: 400, treatedShare: 0.5 });
  });

  test('an invalid overridden value is checked like the file, and says it came from --set', async () => {
    const error = (await loadDesign('teaching-two-arm', ['design.size.treated=-3', 'design.sise.total=3']).catch(
      (thrown: unknown) => thrown,
    )) as ScenarioError;
    expect(error).toBeInstanceOf(ScenarioError);
    expect(
      error.problems.map((problem) => [problem.path, problem.line, problem.message, problem.value, problem.hint]),
    ).toEqual([
      [
        'design.size.treated',
        0,
        'must be a whole number of people from 1 to 10000000 [set by --set design.size.treated=…]',
        '-3',
        'give a positive whole number, e.g. 45',
      ],
      ['design.sise', 0, 'is not a known key [set by --set design.sise.total=…]', '', 'did you mean "size"?'],
    ]);
  });
});
