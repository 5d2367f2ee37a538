import { describe, expect, it } from 'vitest';
import { compressNodes } from '../../../src/core/inquiry/compress-nodes.js';
import { meanOneGammaRule, MEDIUM_GAMMA_RULE } from '../../../src/core/model/gamma-quadrature.js';

// A product of two gamma variables on a tensor grid (propensity × noise), about 10,000 nodes.
function productNodes(): { rate: Float64Array; weight: Float64Array } {
  const x = meanOneGammaRule(1.5, MEDIUM_GAMMA_RULE);
  const n = meanOneGammaRule(0.5, MEDIUM_GAMMA_RULE);
  const rate: number[] = [];
  const weight: number[] = [];
  x.nodes.forEach((xi, i) =>
    n.nodes.forEach((nj, j) => {
      rate.push(2 * xi * nj);
      weight.push(x.weights[i] * n.weights[j]);
    }),
  );
  return { rate: Float64Array.from(rate), weight: Float64Array.from(weight) };
}

const expectation = (nodes: { rate: Float64Array; weight: Float64Array }, f: (b: number) => number) =>
  nodes.rate.reduce((sum, b, i) => sum + nodes.weight[i] * f(b), 0);

describe('compressNodes', () => {
  const full = productNodes();
  const small = compressNodes(full, 512);

  it('keeps at most the requested number of nodes, the total weight, the mean and the variance', () => {
    expect(full.rate.length).toBeGreaterThan(5000);
    expect(small.rate.length).toBeLessThanOrEqual(512);
    expect(expectation(small, () => 1)).toBeCloseTo(
      expectation(full, () => 1),
      13,
    );
    expect(expectation(small, (b) => b)).toBeCloseTo(
      expectation(full, (b) => b),
      12,
    );
    expect(expectation(small, (b) => b * b)).toBeCloseTo(
      expectation(full, (b) => b * b),
      10,
    );
  });

  it('keeps P(any event) = 1 − E[e^(−r·b)] to about 1e-6 over the range of effects', () => {
    for (const r of [0.2, 0.5, 1, 2]) {
      expect(
        Math.abs(expectation(small, (b) => Math.exp(-r * b)) - expectation(full, (b) => Math.exp(-r * b))),
      ).toBeLessThan(1e-5);
    }
  });

  it('leaves small node sets as they are', () => {
    const nodes = { rate: Float64Array.of(1, 2), weight: Float64Array.of(0.5, 0.5) };
    expect(compressNodes(nodes, 4)).toBe(nodes);
  });
});
