import { describe, expect, test } from 'vitest';
import { testClusterSummary } from '../../../src/core/analysis/cluster-summary.js';
import type { ClusterValues } from '../../../src/core/analysis/analysis-input.js';
import type { Design } from '../../../src/core/design.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { countOn, oneGroupDesign } from '../../support/one-group-design.js';
import { ONE_SIDED, TWO_SIDED } from './fixtures.js';

// 19 people in 6 clusters, interleaved; clusters 0–2 treated, 3–5 control. Reference values from R:
//   v <- c(0,2,3,1,4,1,2,0,2,3,1,0,2,1,3,0,1,2,3); cl <- c(0,3,1,2,4,0,5,1,5,4,2,2,0,5,5,4,2,3,1)
//   m <- tapply(v, cl, mean); x <- m[1:3]; y <- m[4:6]     # cluster means 1, 2, 0.75 | 2, 2.3333, 2
//   t.test(x, y, var.equal = TRUE)                         # t = -2.16513391689, df = 4, p = 0.09633348036
//   t.test(x, y, var.equal = TRUE, alternative = "less")$p.value   # 0.04816674018
//   e <- log(mean(x) / mean(y)); s2 <- (sum((x - mean(x))^2) + sum((y - mean(y))^2)) / 4
//   se <- sqrt(s2 * (1 / (3 * mean(x)^2) + 1 / (3 * mean(y)^2)))
//   c(e, se, e - qt(.975, 4) * se, e + qt(.975, 4) * se)
//   # -0.5240708505  0.2614634369 -1.2500097300  0.2018680290
const VALUES = [0, 2, 3, 1, 4, 1, 2, 0, 2, 3, 1, 0, 2, 1, 3, 0, 1, 2, 3];
const CLUSTERS = [0, 3, 1, 2, 4, 0, 5, 1, 5, 4, 2, 2, 0, 5, 5, 4, 2, 3, 1];

function clusteredData(
  values: readonly number[],
  clusters: readonly number[],
  treatedClusters: (c: number) => boolean,
): ClusterValues {
  return {
    values: Float64Array.from(values),
    treated: Uint8Array.from(CLUSTERS.slice(0, values.length), (c) => (treatedClusters(c) ? 1 : 0)),
    cluster: Int32Array.from(clusters),
  };
}

const referenceData = clusteredData(VALUES, CLUSTERS, (c) => c < 3);

describe('testClusterSummary', () => {
  test("matches R's pooled t test on cluster means and the delta-method interval on the log ratio", () => {
    const result = testClusterSummary(referenceData, TWO_SIDED);
    expect(result.failed).toBe(false);
    expect(result.pValue).toBeCloseTo(0.09633348036, 9);
    expect(result.logEstimate).toBeCloseTo(-0.5240708505, 9);
    expect(result.standardError).toBeCloseTo(0.2614634369, 9);
    expect(result.lower).toBeCloseTo(-1.25000973, 8);
    expect(result.upper).toBeCloseTo(0.201868029, 8);
  });

  test("gives R's one-sided p-value for a reduction", () => {
    expect(testClusterSummary(referenceData, ONE_SIDED).pValue).toBeCloseTo(0.04816674018, 9);
  });

  test('ignores cluster numbers with no analysed people', () => {
    // The same people with cluster 5 renumbered 7: clusters 5 and 6 are empty.
    const renumbered = { ...referenceData, cluster: Int32Array.from(CLUSTERS, (c) => (c === 5 ? 7 : c)) };
    expect(testClusterSummary(renumbered, TWO_SIDED)).toEqual(testClusterSummary(referenceData, TWO_SIDED));
  });

  test('fails without clusters, with fewer than 2 clusters in an arm, with a zero arm mean, or with a cluster in both arms', () => {
    expect(testClusterSummary(null, TWO_SIDED).failure).toMatch(/no clusters/);
    const oneTreatedCluster = clusteredData(VALUES, CLUSTERS, (c) => c === 0);
    expect(testClusterSummary(oneTreatedCluster, TWO_SIDED).failure).toBe('an arm has fewer than 2 clusters');
    const zeroTreated = clusteredData(
      VALUES.map((v, i) => (CLUSTERS[i] < 3 ? 0 : v)),
      CLUSTERS,
      (c) => c < 3,
    );
    expect(testClusterSummary(zeroTreated, TWO_SIDED).failure).toBe('an arm mean is 0');
    const mixed = {
      ...referenceData,
      treated: Uint8Array.from(referenceData.treated, (t, i) => (i === 0 ? 1 - t : t)),
    };
    expect(testClusterSummary(mixed, TWO_SIDED).failure).toBe('a cluster has people in both arms');
  });
});

/** 12 sites of 20 people, whole sites randomised 6:6, a site rate multiplier with CV 0.3, no effect. */
function clusterNullDesign(): Design {
  const base = oneGroupDesign({
    treated: 120,
    control: 120,
    outcomes: [countOn('summary', 1, 1, 'cluster-summary'), countOn('person', 1, 1, 'negative-binomial')],
    seed: 20261126,
  });
  return { ...base, plan: { ...base.plan, randomisation: 'cluster', sites: { count: 12, rateCV: 0.3 } } };
}

describe('cluster-summary under cluster randomisation', () => {
  test('is simulated by the aggregate engine too, from one mean per site', () => {
    expect(prepareDesign(clusterNullDesign()).engine.kind).toBe('aggregate');
  });

  const TRIALS = 800;
  const ALPHA = 0.05;
  const mcSe = Math.sqrt((ALPHA * (1 - ALPHA)) / TRIALS);
  const tally = simulateBlock(prepareDesign(clusterNullDesign()), 0, TRIALS, { withNull: false });
  const [summary, person] = tally.outcomes;

  test('rejects true nulls at alpha (within 4 Monte Carlo SEs), never failing', () => {
    expect(summary.failures).toBe(0);
    expect(Math.abs(summary.rejections / TRIALS - ALPHA)).toBeLessThan(4 * mcSe);
  });

  test('covers the true ratio in about 1 − alpha of trials (within 4 Monte Carlo SEs)', () => {
    expect(Math.abs(summary.covered / TRIALS - (1 - ALPHA))).toBeLessThan(4 * mcSe);
  });

  test('while the person-level negative binomial, ignoring the clusters, rejects far more often', () => {
    expect(person.rejections / TRIALS - ALPHA).toBeGreaterThan(4 * mcSe);
    expect(person.rejections).toBeGreaterThan(summary.rejections);
  });
});
