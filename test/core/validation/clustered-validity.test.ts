/**
 * Validity under caseworker clustering, by simulation (docs/clustered-analysis.md):
 * - the coverage of person-level analyses on `milton-keynes` falls below its tolerance band and
 *   the warning names the cause (caseworkers shared by the treated, which the paired sharp-null
 *   run cannot show);
 * - a truly invalid test (Poisson Wald on overdispersed counts) is flagged at 2,000 trials;
 * - the cluster-robust analysis (CR2) keeps its type I error and coverage inside the tolerance
 *   bands on `milton-keynes-scale-up` and on a partially clustered design with 12 caseworkers,
 *   under the paired sharp null and under a clustered null (no average effect, caseworkers and
 *   sites still differ: the main run of a design whose effects are all 1).
 *
 * Tolerances from Monte Carlo error: a rate passes when its 99.9% Wilson interval reaches the
 * band — Bradley's [2.5%, 7.5%] for rejections, [92.5%, 97.5%] for coverage — so a rate truly on
 * the band's edge fails one check in 2,000; the checks here number about 50.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import type { OutcomeDiagnosis } from '../../../src/core/diagnosis/run-summary.js';
import { wilsonInterval } from '../../../src/core/diagnosis/wilson-interval.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { loadDesign } from '../../../src/scenario/load-design.js';
import { clusteredDesign, type ClusteredDesignName } from '../../support/clustered-designs.js';

const Z999 = 3.2905267314919255; // qnorm(0.9995)

function reachesBand(successes: number, trials: number, band: readonly [number, number]): boolean {
  const [lower, upper] = wilsonInterval(successes, trials, Z999);
  return upper >= band[0] && lower <= band[1];
}

async function diagnosed(design: Awaited<ReturnType<typeof clusteredDesign>>, trials: number, withNull: boolean) {
  const prepared = prepareDesign(design);
  return { prepared, ...diagnose(prepared, simulateBlock(prepared, 0, trials, { withNull })) };
}

describe('person-level analyses on milton-keynes', () => {
  // Without the prior adjustment the design runs on the cell form, fast enough for 2,000 trials.
  it('coverage below the band is flagged, and the warning names caseworker clustering', async () => {
    const { design } = await loadDesign('milton-keynes', ['analysis.adjustForPrior=false']);
    const { results } = await diagnosed(design, 2000, true);
    const crime = results.find((r) => r.outcome === 'crime')!;
    expect(crime.coverageTolerance).toBe('below');
    expect(crime.typeIErrorTolerance).toBe('within');
    const warning = crime.warnings.join(' ');
    expect(warning).toMatch(/below the tolerance band \[92\.5%, 97\.5%\]/);
    expect(warning).toMatch(/Treated people share 3 caseworkers \(caseload 22, ICC 0\.02\)/);
    expect(warning).toMatch(/sharp null/);
    // With no caseworker variation the same analysis covers within the band, and no cause is named.
    const { design: flat } = await loadDesign('milton-keynes', [
      'analysis.adjustForPrior=false',
      'design.caseworkers.icc=0',
      'design.engagement={ youth: 1, adult: 1 }',
    ]);
    const flatCrime = (await diagnosed(flat, 2000, false)).results.find((r) => r.outcome === 'crime')!;
    expect(flatCrime.coverageTolerance).toBe('within');
    expect(flatCrime.warnings.join(' ')).not.toMatch(/caseworker/);
  });

  it('Poisson Wald on overdispersed counts is flagged as not valid at 2,000 trials', async () => {
    const { design } = await loadDesign('milton-keynes', [
      'analysis.adjustForPrior=false',
      'outcomes.crime.analysis=poisson-wald',
    ]);
    const crime = (await diagnosed(design, 2000, true)).results.find((r) => r.outcome === 'crime')!;
    expect(crime.typeIErrorTolerance).toBe('above');
    expect(crime.warnings.join(' ')).toMatch(/above the tolerance band \[2\.5%, 7\.5%\].*not valid/);
  });
});

describe('cluster-robust keeps its size and coverage inside the tolerance bands', () => {
  const cases: [ClusteredDesignName, number][] = [
    ['milton-keynes-scale-up', 1000],
    ['milton-keynes-12-caseworkers', 600],
  ];
  it.each(cases)('%s: coverage and sharp-null type I (%i trials)', async (name, trials) => {
    const { prepared, results } = await diagnosed(await clusteredDesign(name, false), trials, true);
    expect(prepared.engine.kind).toBe('person');
    for (const r of results) expectInside(r, trials, 'sharp');
  });
  it.each(cases)('%s: type I error under the clustered null (%i trials)', async (name, trials) => {
    const { results } = await diagnosed(await clusteredDesign(name, true), trials, false);
    for (const r of results) expectInside(r, trials, 'clustered');
  });
});

function expectInside(r: OutcomeDiagnosis, trials: number, run: 'sharp' | 'clustered'): void {
  expect(r.analysis).toBe('cluster-robust');
  expect(r.plannedDegreesOfFreedom).toBeGreaterThanOrEqual(4);
  expect(r.failures).toBe(0);
  const estimated = trials - r.failures;
  const covered = Math.round(r.coverage * estimated);
  expect(reachesBand(covered, estimated, r.coverageBand), `${r.outcome} coverage ${r.coverage}`).toBe(true);
  // The clustered null is the main run of a design with no average effect: its power is its type I error.
  const rejections = run === 'clustered' ? Math.round(r.power * trials) : Math.round(r.typeIError! * trials);
  expect(reachesBand(rejections, trials, r.typeIErrorBand), `${r.outcome} ${run}-null type I`).toBe(true);
}
