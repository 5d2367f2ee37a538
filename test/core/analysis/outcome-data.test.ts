import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { armsData } from './fixtures.js';

describe('summariseArms', () => {
  test('reduces each arm to n, total, squares, positives and counts-of-counts', () => {
    const summaries = summariseArms(armsData([0, 2], [1, 0]));
    expect(summaries.treated).toEqual({
      n: 2,
      sum: 2,
      sumSquares: 4,
      positives: 1,
      histogram: Float64Array.of(1, 0, 1),
    });
    expect(summaries.control).toEqual({
      n: 2,
      sum: 1,
      sumSquares: 1,
      positives: 1,
      histogram: Float64Array.of(1, 1, 0),
    });
  });

  test('gives the same sums whichever way it takes: by counts-of-counts, person by person, or with huge values', () => {
    const byHand = (values: number[]) => ({
      n: values.length,
      sum: values.reduce((a, b) => a + b, 0),
      sumSquares: values.reduce((a, b) => a + b * b, 0),
      positives: values.filter((v) => v > 0).length,
    });
    // Small whole values: counts-of-counts; 5000 > people + 1024: person by person unless asked for.
    for (const [treatedValues, controlValues] of [
      [
        [0, 3, 1, 0],
        [2, 0, 0],
      ],
      [
        [0, 5000, 1],
        [7, 0],
      ],
    ]) {
      for (const withHistogram of [true, false]) {
        const { treated, control } = summariseArms(armsData(treatedValues, controlValues), withHistogram);
        expect({ ...treated, histogram: null }).toEqual({ ...byHand(treatedValues), histogram: null });
        expect({ ...control, histogram: null }).toEqual({ ...byHand(controlValues), histogram: null });
        expect(treated.histogram === null).toBe(!withHistogram);
        if (withHistogram) expect(treated.histogram!.length).toBe(Math.max(...treatedValues, ...controlValues) + 1);
      }
    }
  });

  test('has no histogram for non-integer values', () => {
    expect(summariseArms(armsData([0.5, 2], [1, 0])).treated.histogram).toBeNull();
  });

  property.prop([fc.array(fc.nat(20)), fc.array(fc.nat(20))])(
    'histograms agree with the totals they summarise',
    (treatedValues, controlValues) => {
      const { treated, control } = summariseArms(armsData(treatedValues, controlValues, { integerValued: true }));
      for (const [arm, values] of [
        [treated, treatedValues],
        [control, controlValues],
      ] as const) {
        const histogram = arm.histogram!;
        expect(histogram.reduce((a, h) => a + h, 0)).toBe(values.length);
        expect(histogram.reduce((a, h, v) => a + h * v, 0)).toBe(arm.sum);
        expect(histogram.reduce((a, h, v) => a + h * v * v, 0)).toBe(arm.sumSquares);
        expect(arm.n - histogram[0]).toBe(arm.positives);
      }
    },
  );
});
