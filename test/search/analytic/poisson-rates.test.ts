import { describe, expect, it } from 'vitest';
import { powerPoissonRates, sampleSizePoissonRates } from '../../../src/search/analytic/poisson-rates.js';

describe('two Poisson rates, log-scale Wald', () => {
  it('matches the formula evaluated in SciPy', () => {
    // SciPy: z=norm.ppf(.975)+norm.ppf(.8); z*z*(1+1/.6)/log(.6)**2 = 80.21047
    expect(
      sampleSizePoissonRates({ controlRate: 1, rateRatio: 0.6, exposure: 1, alpha: 0.05, power: 0.8 }),
    ).toBeCloseTo(80.21047, 4);
  });

  it('equals the negative-binomial formula with no dispersion (Zhu & Lakkis method 2, k = 0)', () => {
    // SciPy: z*z*((1/.8+1/(2*.8*.85))/.75)/log(.85)**2 with z as above, κ = 2 → 786.617
    const n0 = sampleSizePoissonRates({
      controlRate: 0.8,
      rateRatio: 0.85,
      exposure: 0.75,
      ratio: 2,
      alpha: 0.05,
      power: 0.8,
    });
    expect(n0).toBeCloseTo(786.617, 2);
  });

  it('inverts: the power at the computed size is the power asked for', () => {
    const input = { controlRate: 1.4, rateRatio: 1.15, exposure: 0.5, ratio: 0.5, alpha: 0.05 };
    const controlSize = sampleSizePoissonRates({ ...input, power: 0.9 });
    expect(powerPoissonRates({ ...input, controlSize })).toBeCloseTo(0.9, 10);
  });
});
