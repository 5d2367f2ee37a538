import { describe, expect, test } from 'vitest';
import { CountHazardWalk } from '../../../src/core/model/count-hazard-walk.js';
import { CountHazards, eagerHazards } from '../../../src/core/model/count-hazards.js';

// h(y) = P(Y = y) / P(Y ≥ y), from SciPy 1.17: nb = stats.nbinom(0.8, 0.8 / 2.0) (mean 1.2,
// dispersion 1.25, i.e. size 0.8); nb.pmf(y) / nb.sf(y - 1). Far out (y = 60, P(Y ≥ 60) ≈ 1e-25)
// the survival must come from the tail series, not 1 − cdf.
const NB_HAZARDS: [number, number][] = [
  [0, 0.4804497735925725],
  [1, 0.44387602892427114],
  [5, 0.4169610549835344],
  [30, 0.40370641142481317],
  [60, 0.40192207900531807],
];
// po = stats.poisson(1.2); po.pmf(y) / po.sf(y - 1)
const POISSON_HAZARDS: [number, number][] = [
  [0, 0.3011942119122021],
  [1, 0.5172153128319998],
  [3, 0.719789600575406],
  [20, 0.9430128824390571],
];

describe('CountHazards', () => {
  test.each(NB_HAZARDS)('negative binomial (mean 1.2, dispersion 1.25): h(%i) = %f as SciPy', (y, expected) => {
    expect(new CountHazards(1.2, 1.25).hazard(y)).toBeCloseTo(expected, 12);
  });

  test.each(POISSON_HAZARDS)('Poisson (mean 1.2): h(%i) = %f as SciPy', (y, expected) => {
    expect(new CountHazards(1.2, 0).hazard(y)).toBeCloseTo(expected, 12);
  });

  test('hazards asked for out of order, or far beyond the eager table, equal those built in order', () => {
    const eager = eagerHazards(2.5, 0.7);
    const jumped = new CountHazards(2.5, 0.7);
    const far = eager.stored + 40;
    const farValue = jumped.hazard(far);
    for (let y = 0; y <= far; y++) expect(jumped.hazard(y)).toBe(eager.hazard(y));
    expect(farValue).toBeGreaterThan(0);
    expect(farValue).toBeLessThan(1);
  });

  test('a mean of 0 puts everyone at 0', () => {
    expect(new CountHazards(0, 1.25).hazard(0)).toBe(1);
  });

  test('the eager table reaches the value where the tail falls below 1e-17', () => {
    // NB size 0.8, q = 0.6: P(Y ≥ y) ≈ C·y^(−0.2)·0.6^y drops below 1e-17 near y = 70–80.
    const stored = eagerHazards(1.2, 1.25).stored;
    expect(stored).toBeGreaterThan(60);
    expect(stored).toBeLessThan(100);
  });
});

describe('CountHazardWalk', () => {
  test('a reused walk gives the SciPy hazards after walking another law (restart resets everything)', () => {
    const walk = new CountHazardWalk();
    // Walk a heavy-tailed law far enough to switch to the tail series, then restart.
    walk.start(3, 6);
    for (let y = 0; y < 200; y++) walk.next();
    walk.start(1.2, 1.25);
    const values = Array.from({ length: 61 }, () => walk.next());
    for (const [y, expected] of NB_HAZARDS) expect(values[y]).toBeCloseTo(expected, 12);
    walk.start(1.2, 0);
    const poisson = Array.from({ length: 21 }, () => walk.next());
    for (const [y, expected] of POISSON_HAZARDS) expect(poisson[y]).toBeCloseTo(expected, 12);
  });

  test('a bad mean or dispersion is refused', () => {
    expect(() => new CountHazardWalk().start(-1, 1)).toThrow(RangeError);
    expect(() => new CountHazardWalk().start(1, Number.NaN)).toThrow(RangeError);
  });
});
