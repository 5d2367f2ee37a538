/**
 * `design.interim` in the scenario language: what it compiles to, and the looks and monitored
 * outcomes that are refused, each problem at its path (a user error, exit 2).
 */
import { describe, expect, test } from 'vitest';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { designFrom } from '../support/design-from.js';

const OUTCOMES = `
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.5, effect: { rateRatio: 0.8 }, analysis: quasi-poisson }
`;

function scenario(interim: string, extra = ''): string {
  return `${OUTCOMES}design: { followUpMonths: 12, size: { total: 400 }${extra}, interim: ${interim} }\n`;
}

/** The problems of a scenario the loader refuses, as "path: message". */
async function problemsOf(name: string, yaml: string): Promise<string[]> {
  try {
    await designFrom(name, yaml, 1);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('the scenario was accepted');
}

describe('design.interim compiles', () => {
  test('defaults: O’Brien–Fleming-type spending, no futility, no recruitment months', async () => {
    const design = await designFrom('interim-default', scenario('{ looks: [0.5, 0.75, 1] }'), 1);
    expect(design.plan.interim).toEqual({
      looks: [0.5, 0.75, 1],
      efficacy: { kind: 'spending', spending: { family: 'obrien-fleming' } },
      futility: null,
      recruitmentMonths: null,
    });
  });

  test('classic boundaries, Hwang–Shih–DeCani futility and recruitment', async () => {
    const interim =
      '{ looks: [0.5, 1], spending: classic-pocock, futility: { nonBinding: true, beta: 0.1, spending: { hwang-shih-decani: -2 } }, recruitmentMonths: 24 }';
    const design = await designFrom('interim-classic', scenario(interim), 1);
    expect(design.plan.interim).toEqual({
      looks: [0.5, 1],
      efficacy: { kind: 'classic', shape: 'pocock' },
      futility: { beta: 0.1, spending: { family: 'hwang-shih-decani', gamma: -2 } },
      recruitmentMonths: 24,
    });
  });

  test('a design without interim has no interim key (so it hashes and prints as before)', async () => {
    const design = await designFrom(
      'no-interim',
      `${OUTCOMES}design: { followUpMonths: 12, size: { total: 400 } }\n`,
      1,
    );
    expect('interim' in design.plan).toBe(false);
  });
});

describe('looks that break the boundaries’ assumptions are refused, at their path', () => {
  test('decreasing looks that do not end at 1', async () => {
    const problems = await problemsOf('interim-bad-order', scenario('{ looks: [0.6, 0.5] }'));
    expect(problems).toEqual([
      expect.stringMatching(/^design\.interim\.looks\[1\]: look 2 \(0\.5\) does not come after look 1/),
      expect.stringMatching(/^design\.interim\.looks\[1\]: the last look is at 0\.5, not 1/),
    ]);
  });

  test('a look outside (0, 1] and looks closer than 0.01', async () => {
    const problems = await problemsOf('interim-bad-values', scenario('{ looks: [0, 0.5, 0.505, 1] }'));
    expect(problems).toEqual([
      expect.stringMatching(/^design\.interim\.looks\[0\]: look 1 is at 0: a look is an information fraction/),
      expect.stringMatching(/^design\.interim\.looks\[2\]: looks 2 and 3 \(0\.5, 0\.505\) are less than 0\.01 apart/),
    ]);
  });

  test('more than ten looks', async () => {
    const looks = Array.from({ length: 11 }, (_, k) => (k + 1) / 11);
    const problems = await problemsOf('interim-many', scenario(`{ looks: [${looks.join(', ')}] }`));
    expect(problems).toEqual([expect.stringMatching(/^design\.interim\.looks: 11 looks are more than the 10/)]);
  });

  test('futility that is not non-binding, and a β outside (0, 0.5]', async () => {
    const problems = await problemsOf(
      'interim-binding',
      scenario('{ looks: [0.5, 1], futility: { nonBinding: false, beta: 0.7 } }'),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'design.interim.futility.nonBinding',
      'design.interim.futility.beta',
    ]);
  });
});

describe('the monitored outcome must be one whose looks can be cut', () => {
  test('cluster randomisation and a permutation test are refused', async () => {
    const yaml = `
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.5, analysis: permutation }
design: { followUpMonths: 12, size: { total: 400 }, randomisation: cluster, sites: { count: 10, rateCV: 0.1 }, interim: { looks: [0.5, 1] } }
`;
    const problems = await problemsOf('interim-cluster', yaml);
    expect(problems).toEqual([
      expect.stringMatching(/^design\.interim: interim looks are simulated for person-level randomisation only/),
      expect.stringMatching(/^outcomes\[0\]\.analysis: permutation is not offered at interim looks/),
    ]);
  });
});
