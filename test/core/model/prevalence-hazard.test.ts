import { describe, expect, it } from 'vitest';
import { prevalenceHazard } from '../../../src/core/model/prevalence-hazard.js';

describe('prevalenceHazard', () => {
  it.each([
    [0.6, 1.5],
    [0.05, 3],
    [0.5, 0.2],
    [0.99, 1],
  ])('makes the gamma-averaged prevalence equal p = %s at dispersion %s', (p, d) => {
    const h = prevalenceHazard(p, d);
    // Gamma Laplace transform: E[e^(−hX)] = (1 + h·d)^(−1/d).
    expect(1 - Math.pow(1 + h * d, -1 / d)).toBeCloseTo(p, 13);
  });

  it('is −ln(1 − p) without dispersion', () => {
    expect(prevalenceHazard(0.6, 0)).toBeCloseTo(-Math.log(0.4), 15);
  });
});
