import { describe, expect, it } from 'vitest';
import {
  powerNegativeBinomialRates,
  sampleSizeKeene,
  sampleSizeNegativeBinomialRates,
} from '../../../src/search/analytic/negative-binomial-rates.js';

describe('two negative-binomial rates (Zhu & Lakkis 2014)', () => {
  it('reproduces Table I: r0 0.8, RR 0.85, k 0.4, t 0.75 → 1254.2 / 1315.7 / 1310.7', () => {
    const input = { controlRate: 0.8, rateRatio: 0.85, dispersion: 0.4, exposure: 0.75, alpha: 0.05, power: 0.8 };
    expect(sampleSizeNegativeBinomialRates({ ...input, method: 1 })).toBeCloseTo(1254.2, 1);
    expect(sampleSizeNegativeBinomialRates({ ...input, method: 2 })).toBeCloseTo(1315.7, 1);
    expect(sampleSizeNegativeBinomialRates({ ...input, method: 3 })).toBeCloseTo(1310.7, 1);
  });

  it('reproduces Table I: r0 1.4, RR 1.15, k 1.5, t 0.75 → 1955.8 / 1920.9 / 1918.5', () => {
    const input = { controlRate: 1.4, rateRatio: 1.15, dispersion: 1.5, exposure: 0.75, alpha: 0.05, power: 0.8 };
    expect(sampleSizeNegativeBinomialRates({ ...input, method: 1 })).toBeCloseTo(1955.8, 1);
    expect(sampleSizeNegativeBinomialRates({ ...input, method: 2 })).toBeCloseTo(1920.9, 1);
    expect(sampleSizeNegativeBinomialRates({ ...input, method: 3 })).toBeCloseTo(1918.5, 1);
  });

  it('reproduces Keene et al.: r0 1, RR 0.6, k 1, t 1 → 140.37 per arm', () => {
    expect(
      sampleSizeKeene({ controlRate: 1, rateRatio: 0.6, dispersion: 1, exposure: 1, alpha: 0.05, power: 0.8 }),
    ).toBeCloseTo(140.37, 2);
  });

  it('inverts for every method and an unequal allocation', () => {
    for (const method of [1, 2, 3] as const) {
      const input = { controlRate: 2, rateRatio: 0.7, dispersion: 1.5, exposure: 1, ratio: 0.4, alpha: 0.05, method };
      const controlSize = sampleSizeNegativeBinomialRates({ ...input, power: 0.85 });
      expect(powerNegativeBinomialRates({ ...input, controlSize })).toBeCloseTo(0.85, 10);
    }
  });
});
