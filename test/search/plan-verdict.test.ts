import { describe, expect, it } from 'vitest';
import type { MinimumDetectableEffectPlan } from '../../src/search/plan-minimum-detectable-effect.js';
import type { SampleSizePlan } from '../../src/search/plan-sample-size.js';
import { mdeVerdict, sampleSizeVerdict } from '../../src/search/plan-verdict.js';
import { sampleDesign } from '../report/sample-design.js';
import { sampleSummary } from '../report/sample-summary.js';

// Only the fields the verdict reads; the rest of a plan does not enter the sentence.
const parameter = { path: 'design.sites.count', label: 'sites', current: 10, integer: true };
const point = (value: number, power: number, trials: number) => ({
  value,
  power,
  powerCI: [0, 1],
  successes: 0,
  trials,
});

function sizePlan(search: Record<string, unknown>): SampleSizePlan {
  return {
    search: { target: 0.8, points: [point(10, 0.055, 200), point(2000, 0.491, 1600)], ...search },
    powerTarget: { kind: 'outcome', id: 'knife' },
    measure: 'power',
    targetDescription: 'knife significant',
    parameter,
  } as unknown as SampleSizePlan;
}

describe('sampleSizeVerdict', () => {
  it('says what a found size needs, and how often the size as written detects the effect', () => {
    const verdict = sampleSizeVerdict(sizePlan({ status: 'found', value: 40 }), sampleDesign, sampleSummary, null);
    expect(verdict).toBe(
      'To detect a true 38% reduction in knife offending as a suspect 80 times in 100 (knife significant), a trial needs about 40 sites (45 treated and 120 control); intention to treat. As written (10 sites) it would detect it 6 times in 100 (200 simulated trials).',
    );
  });

  it('says why there is no answer instead of repeating the search line', () => {
    const plateau = { value: 2000, power: 0.491, powerCI: [0.467, 0.516] };
    expect(
      sampleSizeVerdict(sizePlan({ status: 'impossible', value: null, plateau }), sampleDesign, sampleSummary, null),
    ).toBe(
      'Changing the sites cannot bring a true 38% reduction in knife offending as a suspect to 80 times in 100 (knife significant): at best about 49 times in 100 (at 2,000 sites). Change something else: the total size, the analysis, or the effect a realistic programme can expect.',
    );
    expect(
      sampleSizeVerdict(
        sizePlan({ status: 'unresolved', value: null, plateau: null }),
        sampleDesign,
        sampleSummary,
        null,
      ),
    ).toBeNull();
  });
});

describe('mdeVerdict', () => {
  it('gives the minimum detectable effect for engaged people beside its intention-to-treat reading, or nothing', () => {
    const plan = {
      search: { target: 0.8 },
      powerTarget: { kind: 'outcome', id: 'knife' },
      targetDescription: 'knife significant',
      mde: 0.5,
    } as unknown as MinimumDetectableEffectPlan;
    expect(mdeVerdict(plan, sampleDesign, sampleSummary, null, 'rate ratio')).toBe(
      'A trial of 45 treated and 120 control (165 people) would detect a true 50% reduction for engaged treated people (rate ratio 0.50; by intention to treat a 38% reduction in knife offending as a suspect) 80 times in 100 (knife significant); weaker effects are missed more often.',
    );
    expect(mdeVerdict({ ...plan, mde: null }, sampleDesign, sampleSummary, null, 'rate ratio')).toBeNull();
  });
});
