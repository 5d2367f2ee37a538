import { describe, expect, test } from 'vitest';
import { ownBinaryProbability } from '../../../src/core/model/own-binary-probability.js';
import { prevalenceHazard } from '../../../src/core/model/prevalence-hazard.js';

// Reference values: E[min(1, r·(1 − e^(−c·X)))] for X ~ Gamma(shape 1/d, scale d), c = hazard × multiplier,
// by numerical integration in SciPy 1.17:
//   integrate.quad(lambda x: min(1, r*(1-exp(-c*x))) * stats.gamma(1/d, scale=d).pdf(x), 0, inf,
//                  limit=500, epsabs=1e-13, epsrel=1e-12)
const CASES: [hazard: number, dispersion: number, multiplier: number, ratio: number, expected: number][] = [
  [3.5861, 1.5, 1, 1, 0.7092689229963703],
  [0.8, 1.0, 1.3, 1.3, 0.6254032775721816], // the cap binds for large X
  [0.5, 2.0, 0.7, 1.8, 0.3822256993649913],
  [0.9, 0.5, 1.0, 0.7, 0.3670630202140309],
  [1.2, 0.0, 1.0, 1.5, 1], // no frailty: min(1, 1.5 × 0.6988)
];

describe('ownBinaryProbability', () => {
  test.each(CASES)(
    'hazard %f, dispersion %f, multiplier %f, ratio %f → the gamma-averaged chance %f',
    (hazard, dispersion, multiplier, ratio, expected) => {
      expect(ownBinaryProbability(hazard, dispersion, multiplier, ratio)).toBeCloseTo(expected, 9);
    },
  );

  test('with the hazard of a stated prevalence and no multiplier, the chance is that prevalence', () => {
    for (const [prevalence, dispersion] of [
      [0.6, 1.5],
      [0.3, 0],
      [0.45, 4],
    ]) {
      expect(ownBinaryProbability(prevalenceHazard(prevalence, dispersion), dispersion, 1, 1)).toBeCloseTo(
        prevalence,
        12,
      );
    }
  });

  test('a zero hazard gives no events; a certain event stays capped at 1', () => {
    expect(ownBinaryProbability(0, 1, 1, 2)).toBe(0);
    expect(ownBinaryProbability(Infinity, 1, 1, 2)).toBe(1);
    expect(ownBinaryProbability(Infinity, 1, 1, 0.5)).toBe(0.5);
  });
});
