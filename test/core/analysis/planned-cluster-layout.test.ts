/**
 * The clusters a design gives the cluster-robust analysis, planned before any trial, and the
 * verdict when they are too few (planned CR2 degrees of freedom below 4).
 */
import { describe, expect, test } from 'vitest';
import { planClusters } from '../../../src/core/analysis/planned-cluster-layout.js';
import { plannedClusterRobustDegreesOfFreedom } from '../../../src/core/analysis/planned-cluster-robust-df.js';
import { chooseEngine } from '../../../src/core/choose-engine.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { loadDesign } from '../../../src/scenario/load-design.js';

describe('planClusters', () => {
  test('milton-keynes as written: 45 treated dealt to 3 caseworkers of 15, every control its own cluster', async () => {
    const planned = planClusters((await loadDesign('milton-keynes')).design)!;
    expect(planned.treated.clusterSizes).toEqual([15, 15, 15]);
    expect(planned.control).toEqual({ singletons: 120, clusterSizes: [] });
    expect(planned).toMatchObject({ count: 3, unit: 'caseworker', caseload: 22 });
    // docs/clustered-analysis.md: planned ν 3.8 for this layout
    expect(planned.plannedDegreesOfFreedom).toBeCloseTo(3.7723, 4);
  });

  test('as the trial ran, with 2 caseworkers (caseload 23): ν about 1.9', async () => {
    const planned = planClusters((await loadDesign('milton-keynes', ['design.caseworkers.caseload=23'])).design)!;
    expect(planned.treated.clusterSizes).toEqual([23, 22]);
    expect(planned.plannedDegreesOfFreedom).toBeLessThan(2);
    expect(planned.plannedDegreesOfFreedom).toBeGreaterThan(1.8);
  });

  test('264 + 264 at caseload 22: 12 caseworkers of 22', async () => {
    const design = (await loadDesign('milton-keynes', ['design.size={ treated: 264, control: 264 }'])).design;
    const planned = planClusters(design)!;
    expect(planned.count).toBe(12);
    expect(planned.plannedDegreesOfFreedom).toBeCloseTo(42.234, 3);
  });

  test('the scale-up: 5 + 5 randomised partnerships of 60 (ν = 8 = k1 + k0 − 2)', async () => {
    const planned = planClusters((await loadDesign('milton-keynes-scale-up')).design)!;
    expect(planned).toMatchObject({ count: 5, unit: 'site' });
    expect(planned.treated.clusterSizes).toEqual([60, 60, 60, 60, 60]);
    expect(planned.plannedDegreesOfFreedom).toBeCloseTo(
      plannedClusterRobustDegreesOfFreedom({ singletons: 0, clusterSizes: [60, 60, 60, 60, 60] }, planned.control),
      12,
    );
    expect(planned.plannedDegreesOfFreedom).toBeCloseTo(8, 10);
  });

  test('nothing to cluster on: null', async () => {
    expect(planClusters((await loadDesign('bench-ref')).design)).toBeNull();
  });
});

describe('cluster-robust in a run', () => {
  test('the engine choice sends it to the person form, saying why', async () => {
    const design = (await loadDesign('bench-ref', ['outcomes.offences.analysis=cluster-robust'])).design;
    expect(chooseEngine(design)).toEqual({
      kind: 'person',
      reason:
        'outcome "offences" is analysed by cluster-robust, which needs each caseworker\'s totals, drawn person by person',
    });
  });

  test('too few caseworkers: the verdict in words, the row marked, power still counted', async () => {
    const design = (
      await loadDesign('milton-keynes', ['analysis.adjustForPrior=false', 'outcomes.crime.analysis=cluster-robust'])
    ).design;
    const prepared = prepareDesign(design);
    const { results, warnings } = diagnose(prepared, simulateBlock(prepared, 0, 100, { withNull: true }));
    const crime = results.find((r) => r.outcome === 'crime')!;
    expect(crime.plannedDegreesOfFreedom).toBeCloseTo(3.7723, 4);
    expect(crime.power).toBeGreaterThan(0);
    expect(crime.warnings.join(' ')).toMatch(
      /too few caseworkers \(or sites\) for its intervals and p-values to be trusted/,
    );
    expect(warnings.join(' ')).toMatch(
      /With 3 caseworkers the variation between caseworkers can hardly be estimated: .* at least 10 caseworkers \(about 220 treated people/,
    );
  });

  test('enough caseworkers: no verdict', async () => {
    const design = (
      await loadDesign('milton-keynes', [
        'design.size={ treated: 264, control: 264 }',
        'analysis.adjustForPrior=false',
        'outcomes.crime.analysis=cluster-robust',
      ])
    ).design;
    const prepared = prepareDesign(design);
    const { results, warnings } = diagnose(prepared, simulateBlock(prepared, 0, 20, { withNull: false }));
    expect(results[0].plannedDegreesOfFreedom).toBeGreaterThan(4);
    expect(warnings.join(' ')).not.toMatch(/can hardly be estimated/);
    expect(results[0].warnings.join(' ')).not.toMatch(/too few/);
  });
});
