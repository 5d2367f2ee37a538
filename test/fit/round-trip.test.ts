/**
 * The round trip: `synth` draws extracts from milton-keynes, `fit` recovers its parameters, and over
 * 20 seeds each parameter's 95% interval holds the truth about 95% of the time.
 *
 * Acceptance (computed below, not tuned): each parameter's count of covering seeds is
 * Binomial(20, 0.95) if its interval is right. With P parameters checked, a count is refused when
 * it is so low that P(Binomial(20, 0.95) ≤ count) ≤ 0.05 / P (Bonferroni: a correct fit fails the
 * test with probability at most 5% in all). Only the lower tail is checked: over-coverage cannot
 * be told from 20 seeds (P(all 20 cover) = 0.36). Own-dispersion tests: milton-keynes has none, so
 * each of the 5 outcomes × 20 seeds rejects with probability 0.05; more rejections than the 99th
 * percentile of Binomial(100, 0.05) fail the test.
 */
import { describe, expect, test } from 'vitest';
import { binomialPmf } from '../../src/core/distributions/binomial-probability.js';
import { integrateSelectedPopulation } from '../../src/core/model/selected-population.js';
import type { Estimate } from '../../src/fit/estimate.js';
import { shareEstimate } from '../../src/fit/clopper-pearson.js';
import { fitExtract } from '../../src/fit/fit-extract.js';
import { formatExtractCsv } from '../../src/fit/format-extract-csv.js';
import { populationGroupShares, synthesiseExtract } from '../../src/fit/synthesise-extract.js';
import { loadDesign } from '../../src/scenario/load-design.js';
import { parseExtractText } from '../../src/scenario/parse-extract.js';

const SEEDS = 20;
const PEOPLE = 2000;

/** Smallest count k whose lower tail P(X ≤ k − 1) under Binomial(n, p) is at most `level`. */
function lowestAcceptedCount(n: number, p: number, level: number): number {
  let tail = 0;
  for (let k = 0; k <= n; k++) {
    if (tail + binomialPmf(k, n, p) > level) return k;
    tail += binomialPmf(k, n, p);
  }
  return n;
}

/** Largest count k with P(X ≥ k + 1) under Binomial(n, p) at least … i.e. the (1 − level) quantile. */
function highestAcceptedCount(n: number, p: number, level: number): number {
  let upper = 0;
  for (let k = n; k >= 0; k--) {
    if (upper + binomialPmf(k, n, p) > level) return k;
    upper += binomialPmf(k, n, p);
  }
  return 0;
}

describe('synth then fit on milton-keynes', () => {
  test('covers every parameter about 95% of the time over 20 seeds', async () => {
    await checkRoundTrip(1, () => true);
  }, 300_000);

  test('with days at risk varying (60–100% of each window) still covers the rates and α', async () => {
    // Less time at risk means fewer prior events, so the eligible share is no longer the
    // scenario's; rates, α and severities must still be recovered, exposure being an offset.
    await checkRoundTrip(0.6, (key) => !key.includes('share'));
  }, 300_000);
});

async function checkRoundTrip(minAtRiskShare: number, checked: (key: string) => boolean): Promise<void> {
  {
    const { design } = await loadDesign('milton-keynes');
    const counts = design.outcomes.filter((outcome) => outcome.kind === 'count');
    const harm = design.outcomes.find((outcome) => outcome.kind === 'harm')!;
    if (harm.kind !== 'harm') throw new Error('milton-keynes has a harm outcome');
    const groups = design.groups;
    // The population holds group g in proportion to share_g / e_g (e_g its eligible share), so
    // the eligible share of everyone is 1 / Σ share_g / e_g and the eligible keep the shares.
    const eligible = integrateSelectedPopulation(design);
    const eligibleTruth = 1 / groups.reduce((sum, group, g) => sum + group.share / eligible[g].eligibleShare, 0);
    const population = populationGroupShares(design);
    const truths: Record<string, number> = {
      dispersion: design.propensityDispersion,
      'severity median': harm.severity.median,
      'severity spread': Math.exp(harm.severity.sdLog),
      'eligible share': eligibleTruth,
      [`population share ${groups[0].id}`]: population[0],
      [`cohort share ${groups[0].id}`]: groups[0].share,
    };
    for (const outcome of counts)
      if (outcome.kind === 'count')
        for (const group of groups) truths[`${outcome.id} ${group.id}`] = outcome.ratePerYear[group.id];
    const covered: Record<string, number> = Object.fromEntries(Object.keys(truths).map((key) => [key, 0]));
    let rejections = 0;
    let tests = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const synthetic = synthesiseExtract(design, { people: PEOPLE, seed, priorMonths: 24, minAtRiskShare });
      // Through the CSV and the reader, as a user's extract would go.
      const { extract } = parseExtractText(formatExtractCsv(synthetic), 'synthetic.csv', {
        groupColumn: null,
        outcomes: null,
        priorMonths: 24,
        followUpMonths: 12,
        harmFrom: 'crime',
      });
      const fit = fitExtract(extract, design.selection);
      const estimates: Record<string, Estimate> = {
        dispersion: fit.counts.dispersion,
        'severity median': fit.severity!.median,
        'severity spread': fit.severity!.spread,
        'eligible share': fit.selection!.share.overall,
      };
      // With a selection the fitted shares are of the eligible (the cohort); of everyone:
      // (The extract's groups are in order of first appearance, so look the group up by id.)
      const first = extract.groups.findIndex((group) => group.id === groups[0].id);
      estimates[`population share ${groups[0].id}`] = shareEstimate(fit.peopleByGroup[first], extract.people);
      estimates[`cohort share ${groups[0].id}`] = fit.groupShares[first];
      extract.outcomes.forEach((id, k) =>
        extract.groups.forEach((group, g) => (estimates[`${id} ${group.id}`] = fit.counts.rates[k][g])),
      );
      for (const [key, truth] of Object.entries(truths)) {
        const [low, high] = estimates[key].interval;
        if (low <= truth && truth <= high) covered[key]++;
      }
      for (const result of fit.counts.tests) {
        if (result.skipped !== null) continue;
        tests++;
        if (result.pValue < 0.05) rejections++;
      }
    }
    const keys = Object.keys(truths).filter(checked);
    const lowest = lowestAcceptedCount(SEEDS, 0.95, 0.05 / keys.length);
    // 12–16 parameters: P(X ≤ 15) = 0.0026 ≤ 0.05/16 = 0.0031, and P(X ≤ 16) = 0.016 > 0.05/12
    expect(lowest).toBe(16);
    const failing = keys.filter((key) => covered[key] < lowest).map((key) => [key, covered[key]]);
    expect(failing, `coverage counts ${JSON.stringify(covered)}`).toEqual([]);
    expect(tests).toBe(SEEDS * counts.length);
    expect(rejections).toBeLessThanOrEqual(highestAcceptedCount(tests, 0.05, 0.01));
  }
}
