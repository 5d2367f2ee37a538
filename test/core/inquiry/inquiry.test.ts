import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/design.js';
import { computeLogEstimands, prepareInquiry } from '../../../src/core/inquiry/inquiry.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { binaryOutcome, countOutcome, harmOutcome, makeDesign } from '../model/fixtures.js';

const ones = (design: Design) => design.outcomes.map(() => design.groups.map(() => 1));

describe('computeLogEstimands without selection (closed forms)', () => {
  it('dilutes a rate ratio by engagement: ITT = 1 − e(1 − RR)', () => {
    const design = makeDesign({ design: { engagement: { youth: 0.6, adult: 0.6 } } });
    const inquiry = prepareInquiry(design, prepareModel(design));
    expect(computeLogEstimands(inquiry, [[0.5, 0.5]])[0]).toBeCloseTo(Math.log(1 - 0.6 * 0.5), 12);
    expect(computeLogEstimands(inquiry, ones(design))[0]).toBeCloseTo(0, 14);
  });

  it('mixes groups by share × control rate: Σ w·μ·(e·r + 1 − e) / Σ w·μ', () => {
    const design = makeDesign({
      outcomes: [countOutcome('crime', [2.2, 1.8]), countOutcome('youth-crime', [2.2, 1.8], { within: 'youth' })],
      design: { engagement: { youth: 0.9, adult: 0.6 } },
    });
    const ratios = [
      [0.41, 0.8],
      [0.41, 0.8],
    ];
    const [all, youth] = computeLogEstimands(prepareInquiry(design, prepareModel(design)), ratios);
    const treated = 0.44 * 2.2 * (0.9 * 0.41 + 0.1) + 0.56 * 1.8 * (0.6 * 0.8 + 0.4);
    expect(all).toBeCloseTo(Math.log(treated / (0.44 * 2.2 + 0.56 * 1.8)), 12);
    expect(youth).toBeCloseTo(Math.log(0.9 * 0.41 + 0.1), 12);
  });

  it("multiplies a harm outcome's severity ratio with its count's rate ratio for engaged people", () => {
    const design = makeDesign({
      outcomes: [countOutcome('crime', [2, 2]), harmOutcome('harm', 'crime')],
      design: { engagement: { youth: 0.7, adult: 0.7 } },
    });
    const harm = computeLogEstimands(prepareInquiry(design, prepareModel(design)), [
      [0.5, 0.5],
      [0.8, 0.8],
    ])[1];
    expect(harm).toBeCloseTo(Math.log(0.7 * 0.5 * 0.8 + 0.3), 12);
  });

  it('gives "any event" of an NB count the prevalence 1 − (1 + dμ)^(−1/d), and its ratio under an effect', () => {
    const d = 1.5;
    const design = makeDesign({
      propensityDispersion: d,
      outcomes: [countOutcome('crime', [2.2, 2.2]), binaryOutcome('any', { from: 'crime' })],
      design: { engagement: { youth: 0.8, adult: 0.8 }, followUpMonths: 6 },
    });
    const inquiry = prepareInquiry(design, prepareModel(design));
    const prevalence = (mu: number) => 1 - Math.pow(1 + d * mu, -1 / d);
    const estimand = inquiry.estimands[1];
    expect(estimand.kind).toBe('binary');
    if (estimand.kind === 'binary') expect(estimand.controlPrevalence[0]).toBeCloseTo(prevalence(1.1), 10);
    const expected = (0.8 * prevalence(1.1 * 0.6) + 0.2 * prevalence(1.1)) / prevalence(1.1);
    expect(
      computeLogEstimands(inquiry, [
        [0.6, 0.6],
        [1, 1],
      ])[1],
    ).toBeCloseTo(Math.log(expected), 10);
  });

  it('keeps an own-prevalence binary at its stated population prevalence when sites vary', () => {
    const design = makeDesign({
      outcomes: [binaryOutcome('reoffend', { prevalence: { youth: 0.6, adult: 0.3 } })],
      design: { sites: { count: 6, rateCV: 0.5 } },
    });
    const estimand = prepareInquiry(design, prepareModel(design)).estimands[0];
    if (estimand.kind !== 'binary') throw new Error('expected a binary estimand');
    // Within the quadrature error of the coarse site rule (about 1e-6).
    expect(estimand.controlPrevalence[0]).toBeCloseTo(0.6, 5);
    expect(estimand.controlPrevalence[1]).toBeCloseTo(0.3, 5);
  });

  it('keeps an own-prevalence binary at its stated prevalence and dilutes its risk ratio', () => {
    const design = makeDesign({
      outcomes: [binaryOutcome('reoffend', { prevalence: { youth: 0.6, adult: 0.5 } })],
      design: { engagement: { youth: 0.9, adult: 0.6 } },
    });
    const inquiry = prepareInquiry(design, prepareModel(design));
    const estimand = inquiry.estimands[0];
    if (estimand.kind === 'binary') {
      expect(estimand.controlPrevalence[0]).toBeCloseTo(0.6, 10);
      expect(estimand.controlPrevalence[1]).toBeCloseTo(0.5, 10);
    }
    const treated = 0.44 * 0.6 * (0.9 * 0.8 + 0.1) + 0.56 * 0.5 * (0.6 * 0.8 + 0.4);
    expect(computeLogEstimands(inquiry, [[0.8, 0.8]])[0]).toBeCloseTo(
      Math.log(treated / (0.44 * 0.6 + 0.56 * 0.5)),
      10,
    );
  });
});
