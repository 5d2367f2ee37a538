import { describe, expect, test } from 'vitest';
import { testRiskRatio } from '../../../src/core/analysis/risk-ratio.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { armsData, TWO_SIDED } from './fixtures.js';

function binary(events1: number, n1: number, events0: number, n0: number) {
  const arm = (events: number, n: number) => Array.from({ length: n }, (_, i) => (i < events ? 1 : 0));
  return summariseArms(armsData(arm(events1, n1), arm(events0, n0)));
}

describe('risk-ratio Wald test', () => {
  test('tests log RR / Katz SE against the normal', () => {
    // R: se <- sqrt(1/3-1/45+1/12-1/120); 2*pnorm(-abs(log((3/45)/(12/120))/se)) = 0.514062373996
    const result = testRiskRatio(binary(3, 45, 12, 120), TWO_SIDED);
    expect(result.pValue).toBeCloseTo(0.514062373996, 11);
    expect(result.logEstimate).toBeCloseTo(-0.405465108108, 11);
  });

  test('uses the Haldane-corrected table when an arm has no events', () => {
    // R: h <- log((0.5/46)/(12.5/121)); hs <- sqrt(1/0.5-1/46+1/12.5-1/121); 2*pnorm(-abs(h/hs)) = 0.115793974145
    expect(testRiskRatio(binary(0, 45, 12, 120), TWO_SIDED).pValue).toBeCloseTo(0.115793974145, 11);
  });

  test('fails when no one or everyone had an event', () => {
    expect(testRiskRatio(binary(0, 45, 0, 120), TWO_SIDED).failed).toBe(true);
    expect(testRiskRatio(binary(45, 45, 120, 120), TWO_SIDED).failed).toBe(true);
  });
});
