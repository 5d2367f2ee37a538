import { describe, expect, test } from 'vitest';
import { chiSquareSurvival } from '../../../src/core/distributions/chi-square.js';
import { negativeBinomialPmf } from '../../../src/core/distributions/negative-binomial-probability.js';
import { drawCohort } from '../../../src/core/model/cohort.js';
import { prepareModel, type ModelConstants } from '../../../src/core/model/model-constants.js';
import { integrateSelectedPopulation } from '../../../src/core/model/selected-population.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { loadDesign } from '../../../src/scenario/load-design.js';
import { kolmogorovSmirnov } from '../agreement/compare-engines.js';
import { designFrom } from '../../support/design-from.js';

// Selected people drawn by each method from the built-in milton-keynes scenario: rules
// {knife ≥ 1 within 12 months} and {knife + violence ≥ 2 within 24}, dispersion 1.5, no noise, no sites.
const COHORTS = 400;

async function drawPeople(method: 'direct' | 'rejection') {
  const { design } = await loadDesign('milton-keynes');
  const direct = prepareModel(design);
  expect(direct.selectedLaws).not.toBeNull();
  const constants: ModelConstants = method === 'direct' ? direct : { ...direct, selectedLaws: null };
  const knife = design.outcomes.findIndex((o) => o.id === 'knife');
  const violence = design.outcomes.findIndex((o) => o.id === 'violence');
  const crime = design.outcomes.findIndex((o) => o.id === 'crime');
  const people = design.groups.map(() => ({
    propensity: [] as number[],
    knife: [] as number[],
    violence: [] as number[],
    crime: [] as number[],
  }));
  // Different trial indices for the two methods: the samples are independent.
  const offset = method === 'direct' ? 0 : 1_000_000;
  for (let t = 0; t < COHORTS; t++) {
    const cohort = drawCohort(design, constants, trialStream(7, offset + t));
    for (let i = 0; i < cohort.size; i++) {
      const g = cohort.group[i];
      people[g].propensity.push(cohort.propensity[i]);
      people[g].knife.push(cohort.priorCounts![knife][i]);
      people[g].violence.push(cohort.priorCounts![violence][i]);
      people[g].crime.push(cohort.priorCounts![crime][i]);
      expect(cohort.outcomeNoise[knife][i]).toBe(1);
    }
  }
  return { design, people, knife, violence, crime };
}

function meanAndError(values: readonly number[]): { mean: number; se: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

/** Two-sample chi-square test of homogeneity over categories, pooling the rarest into one so every expected count is ≥ 5. */
function homogeneity(first: readonly number[], second: readonly number[]): number {
  const counts = new Map<number, [number, number]>();
  for (const v of first) counts.set(v, [(counts.get(v)?.[0] ?? 0) + 1, counts.get(v)?.[1] ?? 0]);
  for (const v of second) counts.set(v, [counts.get(v)?.[0] ?? 0, (counts.get(v)?.[1] ?? 0) + 1]);
  const n1 = first.length;
  const n2 = second.length;
  const cells: [number, number][] = [];
  let pooled: [number, number] = [0, 0];
  for (const [a, b] of [...counts.values()].sort((x, y) => x[0] + x[1] - (y[0] + y[1]))) {
    const smallest = (Math.min(n1, n2) * (a + b)) / (n1 + n2);
    if (smallest < 5 || pooled[0] + pooled[1] > 0) {
      pooled = [pooled[0] + a, pooled[1] + b];
      if ((Math.min(n1, n2) * (pooled[0] + pooled[1])) / (n1 + n2) >= 5) {
        cells.push(pooled);
        pooled = [0, 0];
      }
    } else cells.push([a, b]);
  }
  if (pooled[0] + pooled[1] > 0) cells[cells.length - 1] = [cells.at(-1)![0] + pooled[0], cells.at(-1)![1] + pooled[1]];
  let statistic = 0;
  for (const [a, b] of cells) {
    const e1 = (n1 * (a + b)) / (n1 + n2);
    const e2 = (n2 * (a + b)) / (n1 + n2);
    statistic += (a - e1) ** 2 / e1 + (b - e2) ** 2 / e2;
  }
  return chiSquareSurvival(statistic, cells.length - 1);
}

describe('selected people drawn directly from the selected law (SelectedPersonLaw)', () => {
  test('the same law as rejection from the whole population: prior counts jointly, propensity, and the untouched outcomes', async () => {
    const direct = await drawPeople('direct');
    const rejection = await drawPeople('rejection');
    direct.people.forEach((d, g) => {
      const r = rejection.people[g];
      // Joint (knife, violence) prior counts, a category per pair: chi-square of homogeneity. Under
      // the same law the p-value is uniform; the fixed seeds make this one draw of it, which must
      // not be below 0.001 (a correct sampler fails with chance 1 in 1,000 per seed).
      const pair = (p: typeof d) => p.knife.map((k, i) => Math.min(k, 12) * 100 + Math.min(p.violence[i], 12));
      expect(homogeneity(pair(d), pair(r))).toBeGreaterThan(0.001);
      expect(homogeneity(d.crime, r.crime)).toBeGreaterThan(0.001);
      expect(kolmogorovSmirnov(d.propensity, r.propensity).pValue).toBeGreaterThan(0.001);
      // The propensity given the prior total: high priors mean high propensities in both.
      const conditional = (p: typeof d, total: number) =>
        p.propensity.filter((_, i) => p.knife[i] + p.violence[i] === total);
      for (const total of [2, 3, 5]) {
        expect(kolmogorovSmirnov(conditional(d, total), conditional(r, total)).pValue).toBeGreaterThan(0.001);
      }
    });
  }, 60_000);

  test('means agree with the exact selected population (quadrature), within 4.5 Monte Carlo standard errors', async () => {
    const { design, people, knife, violence } = await drawPeople('direct');
    const exact = integrateSelectedPopulation(design);
    people.forEach((p, g) => {
      let propensity = 0;
      exact[g].weight.forEach((w, n) => (propensity += w * exact[g].propensity[n]));
      // A mean's standard error is the sample SD / √n (people are independent: no sites); 4.5 SE
      // bounds a false alarm below 1e-5 per comparison.
      for (const [values, expected] of [
        [p.propensity, propensity],
        [p.knife, exact[g].priorMean[knife]],
        [p.violence, exact[g].priorMean[violence]],
      ] as const) {
        const { mean, se } = meanAndError(values);
        expect(Math.abs(mean - expected)).toBeLessThan(4.5 * se);
      }
    });
  }, 60_000);

  test("the prior total's table is NB(t; Λ, d)·q(t) normalised, with q(t) in closed form", async () => {
    const { design } = await loadDesign('milton-keynes');
    const law = prepareModel(design).selectedLaws![0];
    // MK youth: knife 0.6, violence 0.9 per year over two 12-month segments, Λ = 3, d = 1.5.
    // Eligible when the recent knife cell (mean 0.6, share 0.2 of Λ) has an event and the four
    // cells have two in all: given T = t events spread Multinomial(t, π), q(t) = 1 − 0.8^t for
    // t ≥ 2, and 0 below.
    const q = (t: number): number => (t < 2 ? 0 : 1 - 0.8 ** t);
    const weights = Array.from({ length: 200 }, (_, t) => negativeBinomialPmf(t, 3, 1.5) * q(t));
    const sum = weights.reduce((a, b) => a + b, 0);
    let cumulative = 0;
    for (let t = 0; t < 40; t++) {
      cumulative += weights[t] / sum;
      // The table leaves out a rest below 1e-12 of the law (TAIL), which shifts its cdf by at most that much.
      expect(Math.abs(law.totalCdf[t] - cumulative)).toBeLessThan(2e-12);
    }
    expect(law.totalCdf[0]).toBe(0);
    expect(law.totalCdf[1]).toBe(0);
    expect(law.totalCdf.at(-1)).toBe(1);
    expect(law.shape).toBeCloseTo(1 / 1.5, 15);
    expect(law.scale).toBeCloseTo(1 / (1 / 1.5 + 3), 15);
  });

  test('falls back to rejection where the cell means vary by person: own noise on a selection outcome, or sites', async () => {
    const base = `
cohort:
  propensity: { dispersion: 1 }
  selection: { priorMonths: 12, require: [{ outcomes: [crime], atLeast: 1, withinMonths: 12 }] }
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.0, NOISE }
design: { followUpMonths: 12, size: { treated: 20, control: 20 } SITES }
`;
    const plain = await designFrom('law-plain', base.replace(', NOISE', '').replace(' SITES', ''), 1);
    expect(prepareModel(plain).selectedLaws).not.toBeNull();
    const noisy = await designFrom('law-noise', base.replace('NOISE', 'dispersion: 0.5').replace(' SITES', ''), 1);
    expect(prepareModel(noisy).selectedLaws).toBeNull();
    const sited = await designFrom(
      'law-sites',
      base.replace(', NOISE', '').replace(' SITES', ', sites: { count: 2, rateCV: 0.3 }'),
      1,
    );
    expect(prepareModel(sited).selectedLaws).toBeNull();
  });
});
