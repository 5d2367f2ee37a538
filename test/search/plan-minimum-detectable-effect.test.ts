import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { planMinimumDetectableEffect } from '../../src/search/plan-minimum-detectable-effect.js';
import { exactPowerTwoProportionZ } from './support/exact-power.js';
import { inProcessRange } from './support/in-process-range.js';

describe('planMinimumDetectableEffect on the engine', () => {
  it('agrees with exact enumeration for teaching-two-arm (100 per arm, control 50%)', async () => {
    const { design } = await loadDesign('teaching-two-arm');
    const plan = await planMinimumDetectableEffect(design, inProcessRange, { target: 0.8 });
    // The risk ratio r at which the exact power of the pooled z test (treated 0.5·r, control 0.5,
    // 100 per arm; both binomials enumerated) is 80%, by bisection.
    const exact = (ratio: number) => exactPowerTwoProportionZ(0.5 * ratio, 0.5, 100);
    let weak = 0.99;
    let strong = 0.3;
    for (let step = 0; step < 40; step++) {
      const mid = (weak + strong) / 2;
      if (exact(mid) >= 0.8) strong = mid;
      else weak = mid;
    }
    const truth = (weak + strong) / 2;
    expect(plan.search.status).toBe('found');
    expect(plan.direction).toBe(-1);
    expect(plan.variedOutcomes).toEqual(['reoffend']);
    const [a, b] = plan.mdeCI!;
    expect(Math.min(a, b)).toBeLessThanOrEqual(truth);
    expect(Math.max(a, b)).toBeGreaterThanOrEqual(truth);
    expect(Math.abs(exact(plan.mde!) - 0.8)).toBeLessThan(0.03);
  });

  it('is deterministic for a fixed seed', async () => {
    const { design } = await loadDesign('teaching-two-arm', ['design.size={ treated: 60, control: 60 }']);
    const first = await planMinimumDetectableEffect(design, inProcessRange, {
      target: 0.7,
      initialTrials: 100,
      precision: 0.02,
    });
    const second = await planMinimumDetectableEffect(design, inProcessRange, {
      target: 0.7,
      initialTrials: 100,
      precision: 0.02,
    });
    expect(second.mde).toBe(first.mde);
    expect(second.curve).toEqual(first.curve);
  });
});
