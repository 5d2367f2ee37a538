import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isotonicRegression } from '../../src/search/isotonic-regression.js';

describe('isotonicRegression', () => {
  it('pools the one violating pair into its weighted mean', () => {
    expect(isotonicRegression([0.1, 0.3, 0.2, 0.6], [1, 1, 1, 2])).toEqual([0.1, 0.25, 0.25, 0.6]);
  });

  it('leaves a non-decreasing sequence unchanged', () => {
    expect(isotonicRegression([0, 0.2, 0.2, 0.9], [3, 1, 2, 1])).toEqual([0, 0.2, 0.2, 0.9]);
  });

  test.prop([
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 100 })), {
      minLength: 1,
      maxLength: 30,
    }),
  ])('is non-decreasing and keeps the weighted total', (pairs) => {
    const values = pairs.map(([value]) => value);
    const weights = pairs.map(([, weight]) => weight);
    const fitted = isotonicRegression(values, weights);
    for (let i = 1; i < fitted.length; i++) expect(fitted[i]).toBeGreaterThanOrEqual(fitted[i - 1] - 1e-12);
    const total = values.reduce((sum, value, i) => sum + value * weights[i], 0);
    const fittedTotal = fitted.reduce((sum, value, i) => sum + value * weights[i], 0);
    expect(fittedTotal).toBeCloseTo(total, 9);
  });
});
