import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { describeParameter } from '../../src/search/design-parameter.js';
import { planSampleSize } from '../../src/search/plan-sample-size.js';
import { exactPowerTwoProportionZ } from './support/exact-power.js';
import { inProcessRange } from './support/in-process-range.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-plan-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A one-outcome negative-binomial scenario file (gamma frailty k, 1:1, no engagement or attrition loss). */
function negativeBinomialScenario(
  name: string,
  ratePerYear: number,
  rateRatio: number,
  dispersion: number,
  followUpMonths: number,
): string {
  const file = join(folder, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `name: ${name}`,
      'outcomes:',
      `  - { id: events, kind: count, ratePerYear: ${ratePerYear}, effect: { rateRatio: ${rateRatio} }, analysis: negative-binomial, primary: true }`,
      `cohort: { propensity: { dispersion: ${dispersion} } }`,
      `design: { followUpMonths: ${followUpMonths}, size: { total: 200, allocation: "1:1" }, randomisation: complete }`,
      'analysis: { alpha: 0.05, sides: two }',
      'simulation: { trials: 1000, seed: 7 }',
    ].join('\n'),
  );
  return file;
}

async function planFor(file: string, target: number) {
  const { design } = await loadDesign(file);
  const parameter = describeParameter(design, 'design.size.total');
  const designAt = async (value: number) => (await loadDesign(file, parameter.overrides(value))).design;
  return planSampleSize(design, parameter, designAt, inProcessRange, { target });
}

describe('planSampleSize on the engine', () => {
  it('agrees with Keene et al.: r0 1, RR 0.6, k 1, t 1 year → 140.37 per arm (docs/statistical-methods.md, "Published cases")', async () => {
    const plan = await planFor(negativeBinomialScenario('keene', 1, 0.6, 1, 12), 0.8);
    expect(plan.search.status).toBe('found');
    expect(plan.search.valueCI![0]).toBeLessThanOrEqual(2 * 140.37);
    expect(plan.search.valueCI![1]).toBeGreaterThanOrEqual(2 * 140.37);
  });

  it('agrees with Zhu & Lakkis Table I: r0 0.8, RR 0.85, k 0.4, t 0.75 → 1315.7 per arm (method 2)', async () => {
    const plan = await planFor(negativeBinomialScenario('zhu-lakkis', 0.8, 0.85, 0.4, 9), 0.8);
    expect(plan.search.status).toBe('found');
    expect(plan.search.valueCI![0]).toBeLessThanOrEqual(2 * 1315.7);
    expect(plan.search.valueCI![1]).toBeGreaterThanOrEqual(2 * 1315.7);
  });

  it('agrees with exact enumeration for teaching-two-arm (50% vs 40%, two-proportion z)', async () => {
    const { design } = await loadDesign('teaching-two-arm');
    const parameter = describeParameter(design, 'design.size.total');
    const designAt = async (value: number) => (await loadDesign('teaching-two-arm', parameter.overrides(value))).design;
    const plan = await planSampleSize(design, parameter, designAt, inProcessRange, { target: 0.8 });
    // Exact power of the pooled z test at total N (treated round(N/2) at 40%, the rest at 50%),
    // by enumerating both binomials (support/exact-power.ts).
    const exact = (total: number) =>
      exactPowerTwoProportionZ(0.4, 0.5, Math.round(total / 2), 0.05, total - Math.round(total / 2));
    let truth = 700;
    while (exact(truth) < 0.8) truth++;
    expect(plan.search.status).toBe('found');
    expect(plan.measure).toBe('power');
    expect(plan.search.valueCI![0]).toBeLessThanOrEqual(truth);
    expect(plan.search.valueCI![1]).toBeGreaterThanOrEqual(truth);
    expect(Math.abs(exact(plan.search.value!) - 0.8)).toBeLessThan(0.03);
    // The analytic start (unpooled formula, 2 × 384.6) is only where the search began.
    expect(plan.analyticStart).toBe(770);
  });

  it('reports a target no follow-up can reach as impossible, with its plateau', async () => {
    // bench-ref at 100 per arm: NB counts with k = 1.25, rate ratio 0.8. Longer follow-up only
    // shrinks the Poisson part of Var(log RR) = 1/(n μ0) + 1/(n μ1) + 2k/n; the 2k/n part stays,
    // so power levels off near Φ(|ln 0.8|/√(2·1.25/100) − 1.96) = 0.29, far below 80%.
    const sets = ['design.size={ treated: 100, control: 100 }'];
    const { design } = await loadDesign('bench-ref', sets);
    const parameter = describeParameter(design, 'design.followUpMonths');
    const designAt = async (value: number) =>
      (await loadDesign('bench-ref', [...sets, ...parameter.overrides(value)])).design;
    const plan = await planSampleSize(design, parameter, designAt, inProcessRange, {
      target: 0.8,
      outcome: 'offences',
      max: 120,
    });
    expect(plan.search.status).toBe('impossible');
    expect(plan.search.value).toBeNull();
    // Within 4 Monte Carlo SEs (1600 trials at the plateau check) of the normal-theory limit.
    expect(Math.abs(plan.search.plateau!.power - 0.29)).toBeLessThan(0.05);
  });
});
