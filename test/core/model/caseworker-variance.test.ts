import { describe, expect, it } from 'vitest';
import { caseworkerVariance } from '../../../src/core/model/caseworker-variance.js';

// Forward model: Y ~ Poisson(μ·X·C), Var X = d, Var C = v, C shared in a caseload:
// Cov = μ²v, Var Y = μ + μ²((1 + d)(1 + v) − 1).
function iccOf(v: number, mu: number, d: number): number {
  return (mu * mu * v) / (mu + mu * mu * ((1 + d) * (1 + v) - 1));
}

describe('caseworkerVariance', () => {
  it.each([
    [0.05, 1.2, 1.25],
    [0.02, 2.0, 1.5],
    [0.01, 0.3, 0],
    [0.2, 5, 0.5],
  ])('gives back ICC %s at mean %s and dispersion %s through the forward model', (icc, mu, d) => {
    expect(iccOf(caseworkerVariance(icc, mu, d), mu, d)).toBeCloseTo(icc, 14);
  });

  it('is 0 for ICC 0 and refuses an ICC no variance can reach', () => {
    expect(caseworkerVariance(0, 1, 1)).toBe(0);
    // ICC·(1 + d) ≥ 1: even infinite v gives ICC → 1/(1 + d) = 0.4 at d = 1.5.
    expect(() => caseworkerVariance(0.4, 1, 1.5)).toThrow(/unreachable/);
  });
});
