import { describe, expect, it } from 'vitest';
import { drawCohort } from '../../../src/core/model/cohort.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { countOutcome, makeDesign } from './fixtures.js';

describe('drawCohort', () => {
  it('makes the declared number of people, in groups fixed by the shares', () => {
    const cohort = drawCohort(makeDesign(), prepareModel(makeDesign()), trialStream(1, 0));
    expect(cohort.size).toBe(165);
    expect(cohort.group.filter((g) => g === 0).length).toBe(73);
    expect(cohort.group.filter((g) => g === 1).length).toBe(92);
    expect(cohort.priorCounts).toBeNull();
    expect(Array.from(cohort.siteMultiplier)).toEqual([1]);
  });

  it('spreads people over sites round-robin and draws one multiplier per site', () => {
    const design = makeDesign({ design: { sites: { count: 4, rateCV: 0.3 } } });
    const cohort = drawCohort(design, prepareModel(design), trialStream(1, 0));
    const perSite = [0, 0, 0, 0];
    cohort.site.forEach((s) => perSite[s]++);
    expect(Math.max(...perSite) - Math.min(...perSite)).toBeLessThanOrEqual(1);
    expect(cohort.siteMultiplier.length).toBe(4);
    expect(new Set(cohort.siteMultiplier).size).toBe(4);
  });

  it("gives the propensity and each count outcome's own noise mean 1 and their stated variances", () => {
    const d = 1.5;
    const noise = 0.5;
    const design = makeDesign({
      propensityDispersion: d,
      outcomes: [countOutcome('crime', [2, 2], { dispersion: noise }), countOutcome('knife', [1, 1])],
      design: { size: { kind: 'fixed', treated: 20000, control: 20000 } },
    });
    const cohort = drawCohort(design, prepareModel(design), trialStream(7, 0));
    const check = (values: Float64Array, variance: number) => {
      const n = values.length;
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const sampleVariance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      // Gamma with shape 1/v: SE of the mean √(v/n); of the variance √(v²(2 + 6v)/n) (excess kurtosis 6v).
      expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(sampleVariance - variance)).toBeLessThan(
        4 * Math.sqrt((variance * variance * (2 + 6 * variance)) / n),
      );
    };
    check(cohort.propensity, d);
    check(cohort.outcomeNoise[0], noise);
    expect(cohort.outcomeNoise[1].every((v) => v === 1)).toBe(true);
  });

  it('gives the same cohort for the same stream and a different one for another', () => {
    // Two counts share the propensity, so it is drawn (not folded into the counts' laws).
    const design = makeDesign({ outcomes: [countOutcome('crime', [2.2, 1.8]), countOutcome('knife', [0.6, 0.6])] });
    expect(drawCohort(design, prepareModel(design), trialStream(3, 1)).propensity).toEqual(
      drawCohort(design, prepareModel(design), trialStream(3, 1)).propensity,
    );
    expect(drawCohort(design, prepareModel(design), trialStream(3, 1)).propensity).not.toEqual(
      drawCohort(design, prepareModel(design), trialStream(3, 2)).propensity,
    );
  });

  it("draws no multiplier when the counts are drawn from their marginal law (one count, the propensity's only reader)", () => {
    const design = makeDesign();
    const model = prepareModel(design);
    expect(model.marginalCounts).not.toBeNull();
    const rng = trialStream(3, 1);
    const cohort = drawCohort(design, model, rng);
    expect(cohort.propensity.length).toBe(0);
    expect(cohort.outcomeNoise.every((noise) => noise.length === 0)).toBe(true);
    // Not one random number spent: the stream goes on where a fresh one starts.
    expect(rng.next()).toBe(trialStream(3, 1).next());
  });

  it('keeps only people who pass the selection, with their prior counts as the covariate', () => {
    const design = makeDesign({
      selection: { priorMonths: 24, require: [{ outcomes: ['knife', 'crime'], atLeast: 3, withinMonths: 24 }] },
      outcomes: [countOutcome('crime', [2.2, 1.8]), countOutcome('knife', [0.6, 0.6]), countOutcome('other', [1, 1])],
    });
    const cohort = drawCohort(design, prepareModel(design), trialStream(2, 0));
    const prior = cohort.priorCounts!;
    for (let i = 0; i < cohort.size; i++) expect(prior[0][i] + prior[1][i]).toBeGreaterThanOrEqual(3);
    // The third outcome is not selected on, but still has prior counts (and some are 0).
    expect(prior[2].some((count) => count === 0)).toBe(true);
    expect(prior[2].some((count) => count > 0)).toBe(true);
  });

  it('stops with an error naming the rule when almost no one is eligible', () => {
    // Eligible share P(Poisson(1/12) ≥ 6) ≈ 4.4e-10: small enough that 200,000 draws find no one,
    // large enough that the model (which integrates the selected population) can be prepared.
    const design = makeDesign({
      propensityDispersion: 0,
      selection: { priorMonths: 12, require: [{ outcomes: ['crime'], atLeast: 6, withinMonths: 1 }] },
      outcomes: [countOutcome('crime', [1, 1])],
      design: { size: { kind: 'fixed', treated: 1, control: 1 } },
    });
    expect(() => drawCohort(design, prepareModel(design), trialStream(1, 0))).toThrow(
      /selection\.require\[0\].*crime at least 6 within 1 months/,
    );
  });
});
