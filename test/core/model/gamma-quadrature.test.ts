import { describe, expect, it } from 'vitest';
import { COARSE_GAMMA_RULE, meanOneGammaRule } from '../../../src/core/model/gamma-quadrature.js';
import { gaussLegendreRule } from '../../../src/core/numerics/gauss-legendre.js';

function expectation(variance: number, f: (g: number) => number, coarse = false): number {
  const rule = coarse ? meanOneGammaRule(variance, COARSE_GAMMA_RULE) : meanOneGammaRule(variance);
  let sum = 0;
  for (let i = 0; i < rule.nodes.length; i++) sum += rule.weights[i] * f(rule.nodes[i]);
  return sum;
}

describe('gaussLegendreRule', () => {
  it('integrates x^k exactly up to degree 2n − 1 on [−1, 1]', () => {
    const rule = gaussLegendreRule(7);
    for (let degree = 0; degree <= 13; degree++) {
      let sum = 0;
      for (let i = 0; i < 7; i++) sum += rule.weights[i] * rule.nodes[i] ** degree;
      // ∫ x^k dx over [−1, 1] = 2/(k+1) for even k, 0 for odd k.
      expect(sum).toBeCloseTo(degree % 2 === 0 ? 2 / (degree + 1) : 0, 13);
    }
  });
});

describe('meanOneGammaRule', () => {
  // Gamma(shape 1/v, scale v) has mean 1, variance v, E[G³] = (1+v)(1+2v), and Laplace transform
  // E[e^(−cG)] = (1 + c·v)^(−1/v) — closed forms of the gamma distribution.
  const variances = [0.01, 0.2, 0.5, 0.8, 1, 1.5, 3, 5, 10];
  it.each(variances)('matches the gamma moments and Laplace transform at variance %s', (v) => {
    expect(expectation(v, (g) => g)).toBeCloseTo(1, 10);
    expect(expectation(v, (g) => g * g)).toBeCloseTo(1 + v, 9);
    expect(expectation(v, (g) => g * g * g) / ((1 + v) * (1 + 2 * v))).toBeCloseTo(1, 9);
    for (const c of [0.1, 1, 5, 20, 50]) {
      const exact = Math.pow(1 + c * v, -1 / v);
      expect(Math.abs(expectation(v, (g) => Math.exp(-c * g)) - exact)).toBeLessThan(1e-10 + 1e-8 * exact);
    }
  });

  it('keeps about 1e-6 accuracy with the coarse resolution', () => {
    for (const v of [0.04, 0.25, 1, 2]) {
      for (const c of [0.5, 3, 10]) {
        expect(Math.abs(expectation(v, (g) => Math.exp(-c * g), true) - Math.pow(1 + c * v, -1 / v))).toBeLessThan(
          1e-6,
        );
      }
    }
  });

  it('is the single node 1 without variance', () => {
    const rule = meanOneGammaRule(0);
    expect(Array.from(rule.nodes)).toEqual([1]);
    expect(Array.from(rule.weights)).toEqual([1]);
  });
});
