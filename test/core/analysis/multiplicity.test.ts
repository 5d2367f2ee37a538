import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { adjustRejections } from '../../../src/core/analysis/multiplicity.js';

/** Holm-adjusted p-values by their definition (as R's p.adjust): max over j ≤ i of (m − j + 1)·p(j). */
function holmAdjusted(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = running;
  });
  return adjusted;
}

describe('multiplicity adjustment', () => {
  test('Holm steps down and stops at the first p above alpha/(m − rank)', () => {
    // sorted 0.005 ≤ 0.05/4, 0.01 ≤ 0.05/3, then 0.03 > 0.05/2: stop (0.04 is not reached)
    expect(adjustRejections([0.01, 0.04, 0.03, 0.005], 0.05, 'holm')).toEqual([true, false, false, true]);
    // 0.012 ≤ 0.0167, 0.02 ≤ 0.025, 0.04 ≤ 0.05: all rejected, where Bonferroni keeps only the first
    expect(adjustRejections([0.012, 0.02, 0.04], 0.05, 'holm')).toEqual([true, true, true]);
    expect(adjustRejections([0.012, 0.02, 0.04], 0.05, 'bonferroni')).toEqual([true, false, false]);
    expect(adjustRejections([0.012, 0.02, 0.06], 0.05, 'none')).toEqual([true, true, false]);
  });

  test('a failed test (NaN) is never rejected but still counts in the family', () => {
    expect(adjustRejections([NaN, 0.01, 0.02], 0.05, 'holm')).toEqual([false, true, true]);
    // With m = 2 counted, 0.03 > 0.05/2: not rejected by Bonferroni.
    expect(adjustRejections([NaN, 0.03], 0.05, 'bonferroni')).toEqual([false, false]);
    expect(adjustRejections([NaN], 0.05, 'none')).toEqual([false]);
  });

  property.prop([
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
    fc.double({ min: 0.001, max: 0.5, noNaN: true }),
  ])('Holm rejects exactly the hypotheses whose Holm-adjusted p-value is below alpha', (pValues, alpha) => {
    expect(adjustRejections(pValues, alpha, 'holm')).toEqual(holmAdjusted(pValues).map((p) => p < alpha));
  });

  test('rejects strictly below the threshold, as power counts p < alpha: a p-value exactly on it is not rejected', () => {
    // A permutation test with 20 re-randomisations can give p = 1/20 exactly.
    expect(adjustRejections([0.05, 0.01], 0.05, 'none')).toEqual([false, true]);
    expect(adjustRejections([0.025, 0.01], 0.05, 'bonferroni')).toEqual([false, true]);
    // Holm: 0.01 < 0.05/2, then 0.05 is not < 0.05/1.
    expect(adjustRejections([0.05, 0.01], 0.05, 'holm')).toEqual([false, true]);
  });
});
