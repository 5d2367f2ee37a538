import { describe, expect, it } from 'vitest';
import { commissionerOutputs } from '../../src/search/commissioner-outputs.js';

const costs = { caseworkerAnnualCost: 45_000, caseload: 22, perPersonCost: 500, eligiblePerAreaPerYear: 80 };

describe('commissionerOutputs', () => {
  const result = commissionerOutputs({
    costs,
    supportMonths: 12,
    treated: 300,
    total: 600,
    areas: 10,
    outcomes: [{ id: 'knife', label: 'Knife', kind: 'count', controlPerPersonYear: 0.6, estimand: 0.888 }],
  });

  it('counts caseworkers and delivery cost from the caseload and unit costs', () => {
    // ⌈300 / 22⌉ = 14; 45 000 / 22 + 500 = 2 545.45 per person at roll-out; the trial hires whole
    // caseworkers: 14 × 45 000 + 300 × 500 = 780 000
    expect(result.caseworkers).toBe(14);
    expect(result.costPerPersonTreated).toBeCloseTo(2545.4545, 3);
    expect(result.deliveryCost).toBe(780_000);
  });

  it('agrees with its inputs: 91 caseworkers × £45,000 + 2,000 × £500 is £5,095,000 (it printed £5,090,909)', () => {
    const large = commissionerOutputs({ costs, supportMonths: 12, treated: 2000, total: 4000, areas: 1, outcomes: [] });
    expect(large.caseworkers).toBe(91);
    expect(large.deliveryCost).toBe(5_095_000);
  });

  it('gives offences prevented and the cost of each from the control rate and the ITT ratio', () => {
    // 0.6 × (1 − 0.888) = 0.0672 per person-year → 6.72 per 100; × 80 eligible = 5.376 per area-year;
    // 2 545.45 / 0.0672 = 37 878.79 per offence prevented
    expect(result.outcomes[0].avertedPer100PersonYears).toBeCloseTo(6.72, 10);
    expect(result.outcomes[0].avertedPerAreaYear).toBeCloseTo(5.376, 10);
    expect(result.outcomes[0].costPerAverted).toBeCloseTo(37_878.79, 1);
  });

  it('turns the total into area-years and years of recruitment', () => {
    expect(result.areaYears).toBe(7.5);
    expect(result.recruitmentYears).toBe(0.75);
    expect(result.scaleOptions).toEqual([
      { areas: 1, years: 7.5 },
      { areas: 2, years: 3.75 },
      { areas: 5, years: 1.5 },
      { areas: 10, years: 0.75 },
    ]);
  });

  it('halves the caseworker part of the cost for six months of support', () => {
    const half = commissionerOutputs({ costs, supportMonths: 6, treated: 22, total: 44, areas: 1, outcomes: [] });
    expect(half.costPerPersonTreated).toBeCloseTo(45_000 / 22 / 2 + 500, 6);
  });

  it('has no cost per offence prevented when the effect prevents none', () => {
    const none = commissionerOutputs({
      costs,
      supportMonths: 12,
      treated: 10,
      total: 20,
      areas: 1,
      outcomes: [{ id: 'k', label: 'K', kind: 'count', controlPerPersonYear: 0.6, estimand: 1 }],
    });
    expect(none.outcomes[0].costPerAverted).toBeNull();
  });
});
