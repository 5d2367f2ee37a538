import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/core/design.js';
import { designWarnings, FEW_PEOPLE_PER_SITE, FEW_TRIALS } from '../../src/report/design-warnings.js';
import { sampleDesign } from './sample-design.js';

const withPlan = (plan: Partial<Design['plan']>): Design => ({
  ...sampleDesign,
  plan: { ...sampleDesign.plan, ...plan },
});

describe('designWarnings', () => {
  it('says nothing about a design with enough trials and people per site', () => {
    expect(designWarnings(sampleDesign, 2000)).toEqual([]);
    expect(designWarnings(sampleDesign, FEW_TRIALS)).toEqual([]);
  });

  it('warns below 100 trials, with the widest Monte Carlo half-width of a power estimate', () => {
    // 1.959964 · √(0.25 / 50) = 0.13859 → ±13.9 percentage points
    expect(designWarnings(sampleDesign, 50)).toEqual([
      'Only 50 trials: the Monte Carlo error is large (a power estimate is uncertain by up to ±13.9 percentage points); use --trials 1000 or more before relying on these numbers.',
    ]);
    // 1.959964 · √(0.25 / 99) = 0.09849 → ±9.8
    expect(designWarnings(sampleDesign, FEW_TRIALS - 1)[0]).toContain('±9.8 percentage points');
  });

  it('questions sites holding under 5 people on average, and not at 5', () => {
    const sized = (count: number) =>
      withPlan({ size: { kind: 'fixed', treated: 300, control: 300 }, sites: { count, rateCV: 0.2 } });
    expect(designWarnings(sized(600 / FEW_PEOPLE_PER_SITE), 2000)).toEqual([]);
    expect(designWarnings(sized(200), 2000)).toEqual([
      '600 people over 200 sites is 3.0 people per site on average (under 5): check that design.sites.count counts sites (local partnerships), not people.',
    ]);
  });
});
