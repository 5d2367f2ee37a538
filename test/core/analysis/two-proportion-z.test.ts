import { describe, expect, test } from 'vitest';
import { testTwoProportions } from '../../../src/core/analysis/two-proportion-z.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { normalCdf } from '../../../src/core/distributions/normal.js';
import { armsData, ONE_SIDED, TWO_SIDED } from './fixtures.js';

function binary(events1: number, n1: number, events0: number, n0: number) {
  const arm = (events: number, n: number) => Array.from({ length: n }, (_, i) => (i < events ? 1 : 0));
  return summariseArms(armsData(arm(events1, n1), arm(events0, n0)));
}

describe('two-proportion z test', () => {
  test('matches R prop.test(correct = FALSE), two- and one-sided', () => {
    // R 4.2.2: prop.test(c(3, 12), c(45, 120), correct = FALSE)$p.value = 0.50712245536;
    // alternative = "less" → 0.25356122768 (test/core/analysis/reference-values.R)
    expect(testTwoProportions(binary(3, 45, 12, 120), TWO_SIDED).pValue).toBeCloseTo(0.50712245536, 10);
    expect(testTwoProportions(binary(3, 45, 12, 120), ONE_SIDED).pValue).toBeCloseTo(0.25356122768, 10);
    // prop.test(c(0, 12), c(45, 120), correct = FALSE)$p.value = 0.0275990333221
    expect(testTwoProportions(binary(0, 45, 12, 120), TWO_SIDED).pValue).toBeCloseTo(0.0275990333221, 10);
  });

  test('p-value equals the closed form 2Φ(−|z|) with the pooled standard error', () => {
    const [e1, n1, e0, n0] = [17, 60, 31, 70];
    const pooled = (e1 + e0) / (n1 + n0);
    const z = (e1 / n1 - e0 / n0) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
    expect(testTwoProportions(binary(e1, n1, e0, n0), TWO_SIDED).pValue).toBeCloseTo(2 * normalCdf(-Math.abs(z)), 14);
  });

  test('estimates the log risk ratio with a Katz interval', () => {
    // R: log((3/45)/(12/120)) = -0.405465108108; sqrt(1/3-1/45+1/12-1/120) = 0.621378396077;
    // qnorm(0.975) = 1.95996398454
    const result = testTwoProportions(binary(3, 45, 12, 120), TWO_SIDED);
    expect(result.logEstimate).toBeCloseTo(-0.405465108108, 11);
    expect(result.standardError).toBeCloseTo(0.621378396077, 11);
    expect(result.lower).toBeCloseTo(-0.405465108108 - 1.95996398454 * 0.621378396077, 10);
    expect(result.upper).toBeCloseTo(-0.405465108108 + 1.95996398454 * 0.621378396077, 10);
  });

  test('an arm with no events gets the Haldane–Anscombe correction in its estimate only', () => {
    // R: log((0.5/46)/(12.5/121)) = -2.25172667576; sqrt(1/0.5-1/46+1/12.5-1/121) = 1.43178085151
    const result = testTwoProportions(binary(0, 45, 12, 120), TWO_SIDED);
    expect(result.failed).toBe(false);
    expect(result.logEstimate).toBeCloseTo(-2.25172667576, 10);
    expect(result.standardError).toBeCloseTo(1.43178085151, 10);
  });

  test('fails when the statistic is undefined: no events, all events, an empty arm', () => {
    expect(testTwoProportions(binary(0, 45, 0, 120), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'no events in either arm',
    });
    expect(testTwoProportions(binary(45, 45, 120, 120), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'everyone had an event',
    });
    expect(testTwoProportions(binary(0, 0, 3, 120), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'an arm is empty',
    });
  });
});
