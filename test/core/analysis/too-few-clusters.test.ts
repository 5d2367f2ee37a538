import { describe, expect, test } from 'vitest';
import { plannedClusterRobustDegreesOfFreedom } from '../../../src/core/analysis/planned-cluster-robust-df.js';
import { describeTooFewClusters } from '../../../src/core/analysis/too-few-clusters.js';

const caseloads = (sizes: number[], controls: number) =>
  plannedClusterRobustDegreesOfFreedom(
    { singletons: 0, clusterSizes: sizes },
    { singletons: controls, clusterSizes: [] },
  );

describe('describeTooFewClusters', () => {
  test('says in words that the Milton Keynes trial (2 caseworkers, 45 treated, 120 controls) cannot give a trusted interval, and what a replication needs', () => {
    const message = describeTooFewClusters({
      plannedDegreesOfFreedom: caseloads([22, 23], 120),
      count: 2,
      unit: 'caseworker',
      caseload: 22,
    });
    expect(message).toContain('With 2 caseworkers the variation between caseworkers can hardly be estimated');
    expect(message).toContain('about 1.9 degrees of freedom (at least 4 are needed)');
    expect(message).toContain('no interval or p-value from this design can be trusted');
    expect(message).toContain('at least 10 caseworkers (about 220 treated people at caseloads of 22)');
    expect(message).toContain('randomise caseworkers rather than people');
  });

  test('also flags the model’s three caseloads of 15 (planned ν 3.8) and names sites under cluster randomisation', () => {
    expect(
      describeTooFewClusters({
        plannedDegreesOfFreedom: caseloads([15, 15, 15], 120),
        count: 3,
        unit: 'caseworker',
        caseload: 22,
      }),
    ).toContain('With 3 caseworkers');
    const sites = describeTooFewClusters({ plannedDegreesOfFreedom: 2, count: 2, unit: 'site', caseload: 22 });
    expect(sites).toContain('whole sites were randomised');
    expect(sites).toContain('more randomised sites in each arm');
  });

  test('says nothing when the planned degrees of freedom reach 4 (12 caseworkers of 22 against 264 controls: ν 42)', () => {
    expect(
      describeTooFewClusters({
        plannedDegreesOfFreedom: caseloads(Array(12).fill(22), 264),
        count: 12,
        unit: 'caseworker',
        caseload: 22,
      }),
    ).toBeNull();
    expect(
      describeTooFewClusters({ plannedDegreesOfFreedom: 4, count: 3, unit: 'caseworker', caseload: 22 }),
    ).toBeNull();
  });
});
