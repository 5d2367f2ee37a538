import { describe, expect, test } from 'vitest';
import { summariseClusteredArms } from '../../../src/core/analysis/clustered-arms.js';

describe('summariseClusteredArms', () => {
  test('reduces caseloads to sizes and totals and controls (−1) to singleton totals', () => {
    const arms = summariseClusteredArms(
      Float64Array.of(1, 3, 0, 2, 5),
      Uint8Array.of(1, 1, 1, 0, 0),
      Int32Array.of(0, 0, 1, -1, -1),
    );
    expect(arms).toEqual({
      treated: {
        people: 3,
        total: 4,
        singletons: 0,
        singletonTotal: 0,
        singletonSumSquares: 0,
        clusterSizes: Float64Array.of(2, 1),
        clusterTotals: Float64Array.of(4, 0),
      },
      control: {
        people: 2,
        total: 7,
        singletons: 2,
        singletonTotal: 7,
        singletonSumSquares: 29,
        clusterSizes: new Float64Array(0),
        clusterTotals: new Float64Array(0),
      },
    });
  });

  test('skips cluster numbers nobody has and keeps each arm’s clusters in number order', () => {
    const arms = summariseClusteredArms(
      Float64Array.of(1, 2, 3, 4),
      Uint8Array.of(1, 0, 1, 0),
      Int32Array.of(5, 2, 0, 7),
    )!;
    expect(arms.treated.clusterTotals).toEqual(Float64Array.of(3, 1));
    expect(arms.control.clusterTotals).toEqual(Float64Array.of(2, 4));
    expect(arms.control.singletons).toBe(0);
  });

  test('refuses a cluster with people in both arms (null)', () => {
    expect(summariseClusteredArms(Float64Array.of(1, 2), Uint8Array.of(1, 0), Int32Array.of(0, 0))).toBeNull();
  });
});
