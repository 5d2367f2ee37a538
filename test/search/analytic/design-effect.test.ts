import { describe, expect, it } from 'vitest';
import { clusterDesignEffect } from '../../../src/search/analytic/design-effect.js';

describe('cluster design effect', () => {
  it('is 1.95 for clusters of 20 with ICC 0.05 (docs/statistical-methods.md, "Design effects")', () => {
    expect(clusterDesignEffect({ meanClusterSize: 20, icc: 0.05 })).toBeCloseTo(1.95, 12);
  });

  it('grows with unequal cluster sizes as Eldridge, Ashby & Kerry give: cv 0.5 → 2.20', () => {
    // 1 + ((0.5² + 1)·20 − 1)·0.05 = 2.20
    expect(clusterDesignEffect({ meanClusterSize: 20, icc: 0.05, clusterSizeCV: 0.5 })).toBeCloseTo(2.2, 12);
  });

  it('is 1 when people are independent (ICC 0) or clusters have one person', () => {
    expect(clusterDesignEffect({ meanClusterSize: 30, icc: 0 })).toBe(1);
    expect(clusterDesignEffect({ meanClusterSize: 1, icc: 0.3 })).toBe(1);
  });
});
