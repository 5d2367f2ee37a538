import { describe, expect, test } from 'vitest';
import { testPoissonWald } from '../../../src/core/analysis/poisson-wald.js';
import type { ArmSummaries } from '../../../src/core/analysis/outcome-data.js';
import { ONE_SIDED, TWO_SIDED } from './fixtures.js';

function totals(n1: number, sum1: number, n0: number, sum0: number): ArmSummaries {
  const arm = (n: number, sum: number) => ({ n, sum, sumSquares: NaN, positives: NaN, histogram: null });
  return { treated: arm(n1, sum1), control: arm(n0, sum0) };
}

describe('Poisson Wald test', () => {
  test('p-value equals the closed form for the log rate ratio', () => {
    // R 4.2.2: z <- log((30/45)/(150/120))/sqrt(1/30+1/150); z = -3.14304329711,
    // 2*pnorm(-abs(z)) = 0.00167201106164, pnorm(z) = 0.000836005530819
    const result = testPoissonWald(totals(45, 30, 120, 150), TWO_SIDED);
    expect(result.logEstimate).toBeCloseTo(Math.log(30 / 45 / (150 / 120)), 14);
    expect(result.standardError).toBeCloseTo(Math.sqrt(1 / 30 + 1 / 150), 14);
    expect(result.pValue).toBeCloseTo(0.00167201106164, 14);
    expect(testPoissonWald(totals(45, 30, 120, 150), ONE_SIDED).pValue).toBeCloseTo(0.000836005530819, 14);
  });

  test('interval is the estimate ± 1.959964 SE', () => {
    // R: qnorm(0.975) = 1.95996398454
    const result = testPoissonWald(totals(45, 30, 120, 150), TWO_SIDED);
    expect(result.upper - result.logEstimate).toBeCloseTo(1.95996398454 * result.standardError, 10);
  });

  test('fails when an arm total is zero', () => {
    expect(testPoissonWald(totals(45, 0, 120, 150), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'an arm has no events',
    });
    expect(testPoissonWald(totals(45, 30, 120, 0), TWO_SIDED).failed).toBe(true);
  });
});
