/**
 * The rollout rules of the scenario language: what a stepped-wedge scenario must say, and what it
 * compiles to (docs/scenario-language.md, rollout).
 */
import { describe, expect, test } from 'vitest';
import { validateScenarioText } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { designFrom } from '../support/design-from.js';

function problems(text: string): string[] {
  try {
    validateScenarioText(text, 's.yaml');
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.problems.map((problem) => `${problem.path} ${problem.message}`);
  }
}

const COUNT = 'outcomes: [ { id: crime, kind: count, ratePerYear: 1.5 } ]\n';

describe('design.rollout', () => {
  test('names every inconsistency at once, each at its path', () => {
    const found = problems(
      `outcomes:
  - { id: crime, kind: count, ratePerYear: 1.5, analysis: negative-binomial }
  - { id: any, kind: binary, from: crime }
design:
  followUpMonths: 12
  size: { treated: 50, control: 50 }
  sites: { count: 4, icc: 0.02 }
  rollout: { clusters: 4, steps: 5, periodMonths: 6, sampling: cross-sectional }
`,
    );
    expect(found).toEqual([
      "design.sites is not used with a rollout: the rollout's clusters are its sites",
      'design.rollout.steps is more than the 4 clusters, so some steps would have no cluster crossing',
      'design.followUpMonths must be one period (6 months): cross-sectional people are followed for the period they are sampled in',
      'design.size must be { total } in a rollout: every cluster is treated in turn, so there are no fixed arms',
      'outcomes[0].analysis is negative-binomial, which ignores the periods and clusters of a rollout (time would confound the effect)',
      'outcomes[1].kind is binary, which a rollout does not simulate yet (a secular trend on the rate changes a risk ratio, so the estimand would drift by period)',
    ]);
  });

  test('a total too small for every cluster-period, and a stepped-wedge analysis without a rollout', () => {
    expect(
      problems(
        `${COUNT}design: { followUpMonths: 6, size: { total: 50 }, rollout: { clusters: 12, steps: 4, periodMonths: 6, sampling: cross-sectional } }\n`,
      ),
    ).toEqual([
      'design.size.total must be at least 60, one person per cluster-period (12 clusters × 5 periods, new people each period)',
    ]);
    expect(
      problems(
        'outcomes: [ { id: crime, kind: count, ratePerYear: 1.5, analysis: stepped-wedge-mixed } ]\ndesign: { followUpMonths: 12, size: { total: 100 } }\n',
      ),
    ).toEqual(['outcomes[0].analysis analyses a stepped-wedge rollout, so it needs design.rollout']);
  });

  test('compiles the ICC and cluster autocorrelation to the gamma variances, and the trend per period', async () => {
    // Control mean per period μ = 1.5 × 6/12 = 0.75, d = 0: w = 0.05·(1/0.75)/(1 − 0.05) = 0.0701754;
    // v_c = 0.8·w = 0.0561404; v_g = (1 + w)/(1 + v_c) − 1 = 0.0132890.
    const design = await designFrom(
      'rollout-compile',
      `${COUNT}design: { followUpMonths: 6, size: { total: 1200 }, rollout: { clusters: 12, steps: 4, periodMonths: 6, sampling: cross-sectional, icc: 0.05, clusterAutocorrelation: 0.8, trendPerPeriod: 0.9 } }\n`,
      1,
    );
    const rollout = design.plan.rollout!;
    expect(rollout.peoplePerClusterPeriod).toBe(20);
    expect(design.plan.sites!.rateCV ** 2).toBeCloseTo(0.0561404, 6);
    expect(rollout.clusterPeriodVariance).toBeCloseTo(0.013289, 6);
    expect(rollout.periodTrend.map((t) => Number(t.toFixed(4)))).toEqual([1, 0.9, 0.81, 0.729, 0.6561]);
    expect(design.outcomes[0].analysis).toBe('stepped-wedge-within');
    expect(design.plan.followUpMonths).toBe(6);
  });
});
