import { describe, expect, it } from 'vitest';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { binaryOutcome, countOutcome, drawPersonTrial, harmOutcome, makeDesign } from './fixtures.js';

interface Moments {
  n: number;
  mean: number;
  variance: number;
  /** Monte Carlo standard errors of the mean and of the sample variance. */
  meanSE: number;
  varianceSE: number;
}

function moments(values: number[]): Moments {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let m2 = 0,
    m4 = 0;
  for (const v of values) {
    const d = (v - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  return {
    n,
    mean,
    variance,
    meanSE: Math.sqrt(variance / n),
    varianceSE: Math.sqrt((m4 / n - variance * variance) / n),
  };
}

function pick(values: Float64Array, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (keep(i)) out.push(values[i]);
  return out;
}

describe('the person form measures every outcome (engagement, attrition, caseworkers, values)', () => {
  const d = 1.25;
  const design = makeDesign({
    propensityDispersion: d,
    outcomes: [
      countOutcome('crime', [2.4, 1.2], { rateRatio: { youth: 0.5, adult: 0.8 } }),
      binaryOutcome('reoffend', { prevalence: { youth: 0.6, adult: 0.3 }, riskRatio: { youth: 0.8, adult: 0.5 } }),
      binaryOutcome('any', { from: 'crime' }),
      harmOutcome('harm', 'crime', { severityRatio: { youth: 0.9, adult: 0.9 } }),
    ],
    design: {
      size: { kind: 'fixed', treated: 20000, control: 20000 },
      followUpMonths: 6,
      engagement: { youth: 1, adult: 0.7 },
      attrition: 0.1,
    },
  });
  const ratios = [
    [0.5, 0.8],
    [0.8, 0.5],
    [1, 1],
    [0.9, 0.9],
  ];
  const rng = trialStream(11, 0);
  const { cohort, treated, data } = drawPersonTrial(design, rng, ratios);
  const youthControl = (i: number) => cohort.group[i] === 0 && treated[i] === 0;
  const youthTreated = (i: number) => cohort.group[i] === 0 && treated[i] === 1;

  it('draws counts as negative binomial: mean μ and variance μ + dμ² per arm, μ = rate × months/12 × ratio', () => {
    for (const [keep, mu] of [
      [youthControl, 1.2],
      [youthTreated, 1.2 * 0.5],
    ] as const) {
      const m = moments(pick(data.values[0], keep));
      expect(Math.abs(m.mean - mu)).toBeLessThan(4 * m.meanSE);
      expect(Math.abs(m.variance - (mu + d * mu * mu))).toBeLessThan(4 * m.varianceSE);
    }
  });

  it("engages treated people only, each with their group's engagement probability", () => {
    expect(pick(Float64Array.from(treated), (i) => data.engaged[i] === 1).every((t) => t === 1)).toBe(true);
    const adultsTreated = pick(Float64Array.from(data.engaged), (i) => cohort.group[i] === 1 && treated[i] === 1);
    const share = adultsTreated.reduce((a, b) => a + b, 0) / adultsTreated.length;
    expect(Math.abs(share - 0.7)).toBeLessThan(4 * Math.sqrt((0.7 * 0.3) / adultsTreated.length));
    expect(pick(Float64Array.from(data.engaged), youthTreated).every((e) => e === 1)).toBe(true);
  });

  it('loses each person to attrition with its probability', () => {
    const lost = data.observed.reduce((a, b) => a + (1 - b), 0) / cohort.size;
    expect(Math.abs(lost - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / cohort.size));
  });

  it('gives an own-prevalence binary its stated prevalence, times the risk ratio for engaged people', () => {
    const control = moments(pick(data.values[1], youthControl));
    expect(Math.abs(control.mean - 0.6)).toBeLessThan(4 * Math.sqrt((0.6 * 0.4) / control.n));
    const engaged = moments(pick(data.values[1], (i) => youthTreated(i) && data.engaged[i] === 1));
    expect(Math.abs(engaged.mean - 0.48)).toBeLessThan(4 * Math.sqrt((0.48 * 0.52) / engaged.n));
  });

  it('correlates an own-prevalence binary with the counts through the shared propensity', () => {
    const withEvent = moments(pick(data.values[0], (i) => youthControl(i) && data.values[1][i] === 1));
    const without = moments(pick(data.values[0], (i) => youthControl(i) && data.values[1][i] === 0));
    expect(withEvent.mean - without.mean).toBeGreaterThan(4 * Math.hypot(withEvent.meanSE, without.meanSE));
  });

  it('derives "any event" from its count exactly', () => {
    let mismatches = 0;
    for (let i = 0; i < cohort.size; i++) if (data.values[2][i] !== (data.values[0][i] > 0 ? 1 : 0)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('makes harm the sum of lognormal severities per event: mean = count mean × median·e^(σ²/2) × ratios', () => {
    expect(pick(data.values[3], (i) => data.values[0][i] === 0).every((harm) => harm === 0)).toBe(true);
    const meanSeverity = 30 * Math.exp(Math.log(2) ** 2 / 2);
    const control = moments(pick(data.values[3], youthControl));
    expect(Math.abs(control.mean - 1.2 * meanSeverity)).toBeLessThan(4 * control.meanSE);
    // Youth engagement is 1: rate ratio 0.5 on the count, severity ratio 0.9 on each event.
    const treatedHarm = moments(pick(data.values[3], youthTreated));
    expect(Math.abs(treatedHarm.mean - 1.2 * 0.5 * 0.9 * meanSeverity)).toBeLessThan(4 * treatedHarm.meanSE);
  });
});

describe('caseworker clustering', () => {
  it("gives the treated arm's total the design effect 1 + (m − 1)·ICC (m = 20, ICC 0.05 → 1.95)", () => {
    const d = 1.25;
    const mu = 1.2;
    const design = makeDesign({
      propensityDispersion: d,
      groups: [{ id: 'youth', label: 'all', share: 1 }],
      outcomes: [countOutcome('crime', [mu, mu])],
      design: {
        size: { kind: 'fixed', treated: 200, control: 2 },
        randomisation: 'complete',
        strata: [],
        caseworkers: { caseload: 20, icc: 0.05 },
      },
    });
    const model = prepareModel(design);
    const v = model.caseworkerVariance;
    const personVariance = mu + mu * mu * ((1 + d) * (1 + v) - 1);
    const totals: number[] = [];
    for (let t = 0; t < 4000; t++) {
      const rng = trialStream(21, t);
      const { cohort, treated, data } = drawPersonTrial(design, rng, [[1]], model);
      let total = 0;
      let withoutCaseworker = 0;
      for (let i = 0; i < cohort.size; i++) {
        if (!treated[i]) continue;
        if (data.caseworker[i] < 0) withoutCaseworker++;
        total += data.values[0][i];
      }
      expect(withoutCaseworker).toBe(0);
      totals.push(total);
    }
    const m = moments(totals);
    const designEffect = m.variance / (200 * personVariance);
    expect(Math.abs(designEffect - 1.95)).toBeLessThan((4 * m.varianceSE) / (200 * personVariance));
    expect(Math.abs(m.mean - 200 * mu)).toBeLessThan(4 * m.meanSE);
  });
});
