import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { PILOT_TRIALS, pilotPlan } from '../../src/search/pilot-plan.js';
import { inProcessRange } from './support/in-process-range.js';

const folder = mkdtempSync(join(tmpdir(), 'trialsim-pilot-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('pilotPlan', () => {
  it('measures the standard error at the pilot size as the negative-binomial formula gives it', async () => {
    const file = join(folder, 'pilot.yaml');
    writeFileSync(
      file,
      [
        'name: pilot',
        'outcomes:',
        '  - { id: events, kind: count, ratePerYear: 1, effect: { rateRatio: 0.6 }, analysis: negative-binomial, primary: true }',
        'cohort: { propensity: { dispersion: 1 } }',
        'design: { followUpMonths: 12, size: { total: 600, allocation: "1:1" }, randomisation: complete }',
        'analysis: { alpha: 0.05, sides: two }',
        'simulation: { trials: 1000, seed: 3 }',
        'pilot: { treated: 45, control: 120, estimates: { events: 0.46 } }',
      ].join('\n'),
    );
    const { design } = await loadDesign(file);
    const pilotDesign = (await loadDesign(file, ['design.size={ treated: 45, control: 120 }'])).design;
    const plan = await pilotPlan(design, pilotDesign, inProcessRange);
    expect(plan!.trials).toBe(PILOT_TRIALS);
    const insight = plan!.insights[0];
    // Var(log RR) ≈ 1/(n1 μ1) + 1/(n0 μ0) + k(1/n1 + 1/n0) = 1/27 + 1/120 + (1/45 + 1/120) → SE 0.2757
    // (Zhu & Lakkis 2014, a large-sample formula); the simulated SD of 1000 estimates has an SE of
    // about 0.2757/√2000 = 0.006: allow 4 of those plus 0.005 for the formula's own approximation.
    expect(Math.abs(insight.standardError - 0.2757)).toBeLessThan(0.03);
    expect(insight.ifPlanningTrue.planningRatio).toBeCloseTo(0.6, 10);
    expect(insight.deflatedRatio).toBeGreaterThan(0.46);
  });

  it('is null without a pilot block', async () => {
    const { design } = await loadDesign('teaching-two-arm');
    expect(await pilotPlan(design, design, inProcessRange)).toBeNull();
  });
});
