import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { binomialPmf } from '../../../src/core/distributions/binomial-probability.js';
import { drawMultinomial } from '../../../src/core/distributions/multinomial.js';
import {
  negativeBinomialPmf,
  negativeBinomialSurvival,
} from '../../../src/core/distributions/negative-binomial-probability.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { expectMoments, MC_SES } from './expect-moments.js';
import { ALPHA, discreteFit } from './goodness-of-fit.js';

// The REF control arm's count histogram: NB(1.2, 1.25) cells 0…38 and "39 or more" as the rest.
const CELLS = 40;
const NB_PMF = Array.from({ length: CELLS }, (_, k) =>
  k < CELLS - 1 ? negativeBinomialPmf(k, 1.2, 1.25) : negativeBinomialSurvival(CELLS - 2, 1.2, 1.25),
);

function binomialCdf(k: number, n: number, p: number): number {
  let sum = 0;
  for (let j = 0; j <= k; j += 1) sum += binomialPmf(j, n, p);
  return Math.min(sum, 1);
}

describe('drawMultinomial', () => {
  test('every cell of a long-tailed pmf with a "rest" cell is Binomial(n, pᵢ): moments within 4 MC SEs', () => {
    const rng = trialStream(71, 0);
    const trials = 20_000;
    const n = 1000;
    const counts = Array.from({ length: CELLS }, () => new Float64Array(trials));
    const out = new Float64Array(CELLS);
    for (let t = 0; t < trials; t += 1) {
      drawMultinomial(rng, n, NB_PMF, out);
      for (let c = 0; c < CELLS; c += 1) counts[c][t] = out[c];
    }
    for (const c of [0, 1, 2, 5, 10, 15]) {
      expectMoments(counts[c], n * NB_PMF[c], n * NB_PMF[c] * (1 - NB_PMF[c]));
    }
    // The "rest" cell (P(X ≥ 39) ≈ 1e-9) takes what the others leave: every row sums to n.
    for (let t = 0; t < trials; t += 1) {
      let sum = 0;
      for (let c = 0; c < CELLS; c += 1) sum += counts[c][t];
      expect(sum).toBe(n);
    }
    // Cell 1's counts follow the exact binomial pmf.
    const p1 = NB_PMF[1];
    const fit = discreteFit(
      counts[1],
      (k) => binomialPmf(k, n, p1),
      (k) => binomialCdf(k, n, p1),
      160,
      300,
    );
    expect(fit.pValue).toBeGreaterThan(ALPHA);
  });

  test('two cells covary as −n·pᵢ·pⱼ (within 4 MC SEs)', () => {
    const rng = trialStream(72, 0);
    const probabilities = [0.2, 0.3, 0.5];
    const n = 50;
    const trials = 100_000;
    const products = new Float64Array(trials);
    const out = [0, 0, 0];
    for (let t = 0; t < trials; t += 1) {
      drawMultinomial(rng, n, probabilities, out);
      products[t] = (out[0] - n * 0.2) * (out[1] - n * 0.3);
    }
    const mean = products.reduce((a, b) => a + b, 0) / trials;
    const sd = Math.sqrt(products.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (trials - 1));
    expect(Math.abs(mean - -n * 0.2 * 0.3)).toBeLessThanOrEqual((MC_SES * sd) / Math.sqrt(trials));
  });

  test('probabilities are relative to their sum', () => {
    const rng = trialStream(73, 0);
    const trials = 50_000;
    const first = new Float64Array(trials);
    const out = new Float64Array(2);
    for (let t = 0; t < trials; t += 1) first[t] = drawMultinomial(rng, 10, [1, 3], out)[0];
    expectMoments(first, 2.5, 10 * 0.25 * 0.75);
  });

  test('zero-probability cells get nothing, and the counts sum to n', () => {
    const rng = trialStream(74, 0);
    for (let t = 0; t < 1000; t += 1) {
      const out = drawMultinomial(rng, 37, [0, 0.5, 0, 0.5, 0], [0, 0, 0, 0, 0]);
      expect(out[0] + out[2] + out[4]).toBe(0);
      expect(out[1] + out[3]).toBe(37);
    }
  });

  test('invalid input throws', () => {
    const rng = trialStream(1, 0);
    expect(() => drawMultinomial(rng, 5, [], [])).toThrow(RangeError);
    expect(() => drawMultinomial(rng, 5, [0, 0], [0, 0])).toThrow(RangeError);
    expect(() => drawMultinomial(rng, 5, [0.5, -0.1], [0, 0])).toThrow(RangeError);
    expect(() => drawMultinomial(rng, 2.5, [1], [0])).toThrow(RangeError);
  });

  property.prop([
    fc.integer({ min: 0, max: 2 ** 31 }),
    fc.integer({ min: 0, max: 1e6 }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
  ])('counts are whole, ≥ 0, sum to n, and repeat for the same stream state', (seed, n, weights) => {
    const probabilities = [...weights, 1e-3];
    const out = drawMultinomial(trialStream(seed, 0), n, probabilities, new Array<number>(probabilities.length));
    expect(out.reduce((a, b) => a + b, 0)).toBe(n);
    for (let i = 0; i < out.length; i += 1) {
      expect(Number.isInteger(out[i]) && out[i] >= 0).toBe(true);
      if (probabilities[i] === 0 && i < out.length - 1) expect(out[i]).toBe(0);
    }
    expect(drawMultinomial(trialStream(seed, 0), n, probabilities, new Array<number>(probabilities.length))).toEqual(
      out,
    );
  });
});
