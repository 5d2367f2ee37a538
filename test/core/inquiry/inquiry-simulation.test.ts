import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/design.js';
import { drawGamma } from '../../../src/core/distributions/gamma.js';
import { drawPoisson } from '../../../src/core/distributions/poisson.js';
import { describeCohort } from '../../../src/core/inquiry/describe-cohort.js';
import { computeLogEstimands, prepareInquiry } from '../../../src/core/inquiry/inquiry.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { binaryOutcome, countOutcome, drawPersonTrial, harmOutcome, makeDesign } from '../model/fixtures.js';

/** Mean and its Monte Carlo SE. */
function summary(values: number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

// The seed's eligibility (a knife offence in the last 12 months, knife + crime ≥ 2 in 24), with
// knife carrying its own extra noise so that selection tilts it too.
const d = 1.5;
const knifeNoise = 0.5;
const selectionDesign = makeDesign({
  propensityDispersion: d,
  selection: {
    priorMonths: 24,
    require: [
      { outcomes: ['knife'], atLeast: 1, withinMonths: 12 },
      { outcomes: ['knife', 'crime'], atLeast: 2, withinMonths: 24 },
    ],
  },
  outcomes: [
    countOutcome('crime', [2.2, 1.8], { rateRatio: { youth: 0.5, adult: 0.7 } }),
    countOutcome('knife', [0.6, 0.4], { dispersion: knifeNoise, rateRatio: { youth: 0.41, adult: 0.6 } }),
    binaryOutcome('any-crime', { from: 'crime' }),
    harmOutcome('harm', 'crime', { severityRatio: { youth: 0.9, adult: 0.9 } }),
    binaryOutcome('reoffend', { prevalence: { youth: 0.6, adult: 0.5 }, riskRatio: { youth: 0.8, adult: 0.9 } }),
    countOutcome('youth-knife', [0.6, 0.4], { within: 'youth', rateRatio: { youth: 0.41, adult: 0.6 } }),
  ],
  design: {
    size: { kind: 'fixed', treated: 15000, control: 15000 },
    randomisation: 'complete',
    strata: [],
    engagement: { youth: 0.9, adult: 0.6 },
  },
});
const ratios = [
  [0.5, 0.7],
  [0.41, 0.6],
  [1, 1],
  [0.9, 0.9],
  [0.8, 0.9],
  [0.41, 0.6],
];

describe('the inquiry under eligibility selection, against an independent large simulation', () => {
  const inquiry = prepareInquiry(selectionDesign, prepareModel(selectionDesign));
  const rng = trialStream(31, 0);
  const { cohort, treated, data } = drawPersonTrial(selectionDesign, rng, ratios);
  const description = describeCohort(inquiry);

  it("gives each group's expected control follow-up and prior-window rates (counts) and prevalences (binaries)", () => {
    for (let g = 0; g < 2; g++) {
      const controls: number[] = [];
      cohort.group.forEach((group, i) => group === g && treated[i] === 0 && controls.push(i));
      for (const k of [0, 1, 2, 4]) {
        const followUp = summary(controls.map((i) => data.values[k][i]));
        expect(Math.abs(followUp.mean - description[g].outcomes[k].controlFollowUp)).toBeLessThan(4 * followUp.se);
      }
      for (const k of [0, 1]) {
        const prior = summary(controls.map((i) => cohort.priorCounts![k][i] / 2));
        expect(Math.abs(prior.mean - description[g].outcomes[k].priorRatePerYear!)).toBeLessThan(4 * prior.se);
      }
    }
  });

  it('shows regression to the mean: the control follow-up knife rate is below its prior-window rate, as predicted', () => {
    const controls: number[] = [];
    treated.forEach((t, i) => t === 0 && controls.push(i));
    // Paired per person: follow-up count per year minus prior-window count per year.
    const drop = summary(controls.map((i) => data.values[1][i] - cohort.priorCounts![1][i] / 2));
    expect(drop.mean).toBeLessThan(-4 * drop.se);
    for (const group of describeCohort(inquiry)) {
      const knife = group.outcomes[1];
      expect(knife.controlFollowUp).toBeLessThan(knife.priorRatePerYear!);
    }
  });

  it('matches the simulated ratio of arm means for every outcome (counts, any-event, harm, own binary, within a group)', () => {
    const truth = computeLogEstimands(inquiry, ratios);
    selectionDesign.outcomes.forEach((outcome, k) => {
      const within = outcome.within === null ? -1 : 0;
      const arm = (a: number) => {
        const values: number[] = [];
        treated.forEach(
          (t, i) => t === a && (within < 0 || cohort.group[i] === within) && values.push(data.values[k][i]),
        );
        return summary(values);
      };
      const one = arm(1);
      const zero = arm(0);
      const logRatio = Math.log(one.mean / zero.mean);
      // Delta method: SE of a log ratio of independent means.
      const se = Math.hypot(one.se / one.mean, zero.se / zero.mean);
      expect(Math.abs(logRatio - truth[k]), outcome.id).toBeLessThan(4 * se);
    });
  });

  it("gives the eligible share of each group's population, as an independent rejection count finds it", () => {
    const stream = trialStream(32, 0);
    const draws = 40000;
    const shares = [0, 1].map((g) => {
      const crime = [2.2, 1.8][g];
      const knife = [0.6, 0.4][g];
      let eligible = 0;
      for (let t = 0; t < draws; t++) {
        const x = drawGamma(stream, 1 / d, d);
        const noise = drawGamma(stream, 1 / knifeNoise, knifeNoise);
        const recentKnife = drawPoisson(stream, knife * x * noise);
        const earlierKnife = drawPoisson(stream, knife * x * noise);
        const allCrime = drawPoisson(stream, 2 * crime * x);
        if (recentKnife >= 1 && recentKnife + earlierKnife + allCrime >= 2) eligible++;
      }
      return eligible / draws;
    });
    describeCohort(inquiry).forEach((group, g) => {
      const p = group.eligibleShare;
      expect(Math.abs(shares[g] - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws));
    });
  });
});

describe('the inquiry with sites and selection', () => {
  it('does not tilt the site multiplier: the expected control follow-up mean matches trials with random sites', () => {
    const design: Design = makeDesign({
      propensityDispersion: 1,
      selection: { priorMonths: 12, require: [{ outcomes: ['crime'], atLeast: 2, withinMonths: 12 }] },
      outcomes: [
        countOutcome('crime', [1.5, 1.5]),
        binaryOutcome('reoffend', { prevalence: { youth: 0.6, adult: 0.6 } }),
      ],
      groups: [{ id: 'youth', label: 'all', share: 1 }],
      design: {
        size: { kind: 'fixed', treated: 10, control: 400 },
        randomisation: 'complete',
        strata: [],
        sites: { count: 8, rateCV: 0.6 },
      },
    });
    const expected = describeCohort(prepareInquiry(design, prepareModel(design)))[0].outcomes[0].controlFollowUp;
    const trialMeans: number[] = [];
    const prevalences: number[] = [];
    const model = prepareModel(design);
    for (let t = 0; t < 150; t++) {
      const rng = trialStream(41, t);
      const { treated, data } = drawPersonTrial(design, rng, [[1], [1]], model);
      let sum = 0,
        events = 0,
        n = 0;
      treated.forEach((a, i) => {
        if (a === 0) {
          sum += data.values[0][i];
          events += data.values[1][i];
          n++;
        }
      });
      trialMeans.push(sum / n);
      prevalences.push(events / n);
    }
    const simulated = summary(trialMeans);
    expect(Math.abs(simulated.mean - expected)).toBeLessThan(4 * simulated.se);
    // The stated prevalence is the population's, averaged over sites; selection here is on crime,
    // which shares the propensity, so the selected cohort's prevalence is what the inquiry says.
    const prevalence = summary(prevalences);
    const expectedPrevalence = describeCohort(prepareInquiry(design, prepareModel(design)))[0].outcomes[1]
      .controlFollowUp;
    expect(Math.abs(prevalence.mean - expectedPrevalence)).toBeLessThan(4 * prevalence.se);
  });
});

describe('the inquiry with caseworkers', () => {
  it('includes the caseworker multiplier in the treated prevalence of binaries (checked by caseload-level simulation)', () => {
    const design = makeDesign({
      propensityDispersion: 1,
      groups: [{ id: 'youth', label: 'all', share: 1 }],
      outcomes: [
        countOutcome('crime', [2, 2]),
        binaryOutcome('any', { from: 'crime' }),
        binaryOutcome('own', { prevalence: { youth: 0.5, adult: 0.5 } }),
      ],
      design: {
        size: { kind: 'fixed', treated: 30000, control: 10 },
        randomisation: 'complete',
        strata: [],
        caseworkers: { caseload: 20, icc: 0.1 },
      },
    });
    const inquiry = prepareInquiry(design, prepareModel(design));
    const null_ = design.outcomes.map(() => [1]);
    const truth = computeLogEstimands(inquiry, null_);
    const rng = trialStream(51, 0);
    const { treated, data } = drawPersonTrial(design, rng, null_);
    for (const k of [1, 2]) {
      const estimand = inquiry.estimands[k];
      if (estimand.kind !== 'binary') throw new Error('expected a binary estimand');
      // Caseloads are the independent units: the treated prevalence's SE comes from their means.
      const perCaseworker = new Map<number, number[]>();
      treated.forEach(
        (a, i) =>
          a === 1 &&
          (
            perCaseworker.get(data.caseworker[i]) ?? perCaseworker.set(data.caseworker[i], []).get(data.caseworker[i])!
          ).push(data.values[k][i]),
      );
      const caseloadMeans = summary([...perCaseworker.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length));
      const expected = estimand.controlPrevalence[0] * Math.exp(truth[k]);
      expect(Math.abs(caseloadMeans.mean - expected)).toBeLessThan(4 * caseloadMeans.se);
      // The caseworker variation lowers the chance of any event (Jensen): the null ratio is below 1.
      expect(truth[k]).toBeLessThan(0);
    }
  });
});
