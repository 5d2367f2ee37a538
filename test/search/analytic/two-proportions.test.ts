import { describe, expect, it } from 'vitest';
import {
  powerTwoProportionsPooled,
  sampleSizeTwoProportionsPooled,
  sampleSizeTwoProportionsUnpooled,
} from '../../../src/search/analytic/two-proportions.js';

describe('two proportions', () => {
  it('gives Chow, Shao & Wang Example 4.2.4 for the unpooled test: 69.66, i.e. 70 per group', () => {
    const n = sampleSizeTwoProportionsUnpooled({ p1: 0.65, p2: 0.85, alpha: 0.05, power: 0.8 });
    expect(n).toBeCloseTo(69.66, 2);
    expect(Math.ceil(n)).toBe(70);
  });

  it('gives R power.prop.test for the pooled test', () => {
    // R 4: power.prop.test(p1=.65, p2=.85, power=.8)$n = 72.39301036
    expect(sampleSizeTwoProportionsPooled({ p1: 0.65, p2: 0.85, alpha: 0.05, power: 0.8 })).toBeCloseTo(72.39301, 4);
    // R 4: power.prop.test(p1=.5, p2=.75, power=.9)$n = 76.70693011
    expect(sampleSizeTwoProportionsPooled({ p1: 0.5, p2: 0.75, alpha: 0.05, power: 0.9 })).toBeCloseTo(76.70693, 4);
    // R 4: power.prop.test(p1=.65, p2=.85, n=50)$power = 0.6402568871
    expect(powerTwoProportionsPooled({ p1: 0.65, p2: 0.85, alpha: 0.05, perArm: 50 })).toBeCloseTo(0.6402569, 6);
  });

  it('inverts: the power at the computed size is the power asked for', () => {
    const perArm = sampleSizeTwoProportionsPooled({ p1: 0.3, p2: 0.45, alpha: 0.01, power: 0.85 });
    expect(powerTwoProportionsPooled({ p1: 0.3, p2: 0.45, alpha: 0.01, perArm })).toBeCloseTo(0.85, 10);
  });

  it('needs more people in the second arm when the first arm is smaller (κ < 1)', () => {
    const equal = sampleSizeTwoProportionsUnpooled({ p1: 0.65, p2: 0.85, alpha: 0.05, power: 0.8 });
    const half = sampleSizeTwoProportionsUnpooled({ p1: 0.65, p2: 0.85, alpha: 0.05, power: 0.8, ratio: 0.5 });
    // SciPy: (norm.ppf(.975)+norm.ppf(.8))**2*(.65*.35/.5+.85*.15)/(.2**2) = 114.299
    expect(half).toBeCloseTo(114.299, 2);
    expect(half).toBeGreaterThan(equal);
  });
});
