import { describe, expect, it } from 'vitest';
import { negativeBinomialPmf } from '../../../src/core/distributions/negative-binomial-probability.js';
import { planMarginalCounts } from '../../../src/core/model/marginal-counts.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { categoryFit } from '../distributions/goodness-of-fit.js';
import { binaryOutcome, countOutcome, drawPersonTrial, harmOutcome, makeDesign } from './fixtures.js';

describe('planMarginalCounts: when a count is its own negative-binomial law, person by person', () => {
  const plan = (design: ReturnType<typeof makeDesign>) => prepareModel(design).marginalCounts;

  it("applies to one count with the propensity's dispersion, with binaries and harm built on it", () => {
    const design = makeDesign({
      propensityDispersion: 1.25,
      outcomes: [
        countOutcome('crime', [1.2, 1.2]),
        binaryOutcome('any', { from: 'crime' }),
        harmOutcome('harm', 'crime'),
      ],
    });
    expect(Array.from(plan(design)!.dispersion)).toEqual([1.25, 0, 0]);
  });

  it('applies without a varying propensity: each count takes its own dispersion (0: Poisson)', () => {
    const design = makeDesign({
      propensityDispersion: 0,
      outcomes: [
        countOutcome('crime', [1, 1], { dispersion: 0.5 }),
        countOutcome('knife', [1, 1]),
        binaryOutcome('reoffend', { prevalence: { youth: 0.3, adult: 0.3 } }),
      ],
    });
    expect(Array.from(plan(design)!.dispersion)).toEqual([0.5, 0, 0]);
  });

  it('does not apply where a multiplier is shared, or feeds something else, or is a product of two', () => {
    const counts = [countOutcome('crime', [1, 1]), countOutcome('knife', [1, 1])];
    // Two counts share the propensity.
    expect(plan(makeDesign({ outcomes: counts }))).toBeNull();
    // An own-prevalence binary reads the propensity too.
    const binary = binaryOutcome('reoffend', { prevalence: { youth: 0.3, adult: 0.3 } });
    expect(plan(makeDesign({ outcomes: [counts[0], binary] }))).toBeNull();
    // Propensity × own noise is not a gamma.
    expect(plan(makeDesign({ outcomes: [countOutcome('crime', [1, 1], { dispersion: 0.5 })] }))).toBeNull();
    // Site and caseworker multipliers are shared by many people.
    expect(plan(makeDesign({ design: { sites: { count: 4, rateCV: 0.3 } } }))).toBeNull();
    expect(plan(makeDesign({ design: { caseworkers: { caseload: 20, icc: 0.05 } } }))).toBeNull();
    // Selection conditions the multipliers on the prior window.
    const selection = { priorMonths: 12, require: [{ outcomes: ['crime'], atLeast: 1, withinMonths: 12 }] };
    expect(plan(makeDesign({ selection }))).toBeNull();
    // The plan's own switches, one at a time, on a design that qualifies.
    const qualifies = makeDesign();
    expect(planMarginalCounts(qualifies, false, 0, 0)).not.toBeNull();
    expect(planMarginalCounts(qualifies, true, 0, 0)).toBeNull();
    expect(planMarginalCounts(qualifies, false, 0.09, 0)).toBeNull();
    expect(planMarginalCounts(qualifies, false, 0, 0.1)).toBeNull();
    // Sites without variation change nothing.
    expect(plan(makeDesign({ design: { sites: { count: 4, rateCV: 0 } } }))).not.toBeNull();
  });

  it('draws each cell (group × engaged) from its negative-binomial law, and binaries and harm from the counts', () => {
    const d = 1.25;
    const design = makeDesign({
      propensityDispersion: d,
      outcomes: [
        countOutcome('crime', [2.4, 1.2], { rateRatio: { youth: 0.5, adult: 0.8 } }),
        binaryOutcome('any', { from: 'crime' }),
        harmOutcome('harm', 'crime'),
      ],
      design: {
        size: { kind: 'fixed', treated: 20000, control: 20000 },
        followUpMonths: 6,
        engagement: { youth: 1, adult: 0.7 },
        attrition: 0.1,
      },
    });
    const model = prepareModel(design);
    expect(model.marginalCounts).not.toBeNull();
    const { cohort, treated, data } = drawPersonTrial(
      design,
      trialStream(12, 0),
      [
        [0.5, 0.8],
        [1, 1],
        [1, 1],
      ],
      model,
    );
    // Cell means: rate × 6/12, × the ratio for engaged people; non-engaged treated adults are controls in law.
    const cells = [
      { keep: (i: number) => cohort.group[i] === 0 && treated[i] === 0, mean: 1.2 },
      { keep: (i: number) => cohort.group[i] === 0 && treated[i] === 1, mean: 0.6 },
      { keep: (i: number) => cohort.group[i] === 1 && data.engaged[i] === 0, mean: 0.6 },
      { keep: (i: number) => cohort.group[i] === 1 && data.engaged[i] === 1, mean: 0.48 },
    ];
    for (const { keep, mean } of cells) {
      // Pearson chi-square over 0, 1, …, 7 and ≥ 8 against the exact pmf (itself checked against
      // R's dnbinom in test/core/distributions/negative-binomial-probability.test.ts); false alarm 1e-3.
      const observed = new Array<number>(9).fill(0);
      for (let i = 0; i < cohort.size; i++) if (keep(i)) observed[Math.min(8, data.values[0][i])]++;
      const probabilities = Array.from({ length: 8 }, (_, k) => negativeBinomialPmf(k, mean, d));
      probabilities.push(1 - probabilities.reduce((a, b) => a + b, 0));
      expect(categoryFit(observed, probabilities).pValue).toBeGreaterThan(1e-3);
    }
    let mismatches = 0;
    for (let i = 0; i < cohort.size; i++) {
      if (data.values[1][i] !== (data.values[0][i] > 0 ? 1 : 0)) mismatches++;
      if (data.values[2][i] > 0 !== data.values[0][i] > 0) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('draws a law too long to tabulate through the gamma multiplier: the same negative-binomial moments', () => {
    // μ·α = 250,000 needs far more than MAX_TABLE_LENGTH values, so each person's own gamma is drawn.
    const mu = 200_000;
    const d = 1.25;
    const design = makeDesign({
      propensityDispersion: d,
      groups: [{ id: 'youth', label: 'all', share: 1 }],
      outcomes: [countOutcome('crime', [mu, mu])],
      design: { size: { kind: 'fixed', treated: 10000, control: 10000 }, randomisation: 'complete', strata: [] },
    });
    const model = prepareModel(design);
    expect(model.marginalCounts).not.toBeNull();
    const { data } = drawPersonTrial(design, trialStream(13, 0), [[1]], model);
    const values = data.values[0];
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    // NB variance μ + αμ²; SE of the mean √(Var/n); of the sample variance about Var·√((2 + 6α)/n)
    // (the gamma's excess kurtosis 6α dominates at this mean).
    const exact = mu + d * mu * mu;
    expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt(exact / n));
    expect(Math.abs(variance - exact)).toBeLessThan(4 * exact * Math.sqrt((2 + 6 * d) / n));
  });
});
