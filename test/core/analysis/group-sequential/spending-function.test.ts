import { describe, expect, it } from 'vitest';
import { spentProbability } from '../../../../src/core/analysis/group-sequential/spending-function.js';

describe('spending functions', () => {
  it("O'Brien–Fleming type is 2·(1 − Φ(z_{1−α/2}/√t)), exact even far in the tail", () => {
    // R: 2*(1-pnorm(qnorm(1-0.025/2)/sqrt(1/3))) = 0.000103505718147101
    expect(spentProbability({ family: 'obrien-fleming' }, 0.025, 1 / 3)).toBeCloseTo(0.000103505718147101, 15);
    // R: 2*pnorm(qnorm(0.025/2)/sqrt(0.05)) = 1.19736067642329e-23
    const tiny = spentProbability({ family: 'obrien-fleming' }, 0.025, 0.05);
    expect(Math.abs(tiny / 1.19736067642329e-23 - 1)).toBeLessThan(1e-12);
  });

  it('Pocock type is α·ln(1 + (e − 1)t)', () => {
    // R: 0.025*log(1+(exp(1)-1)*0.4) = 0.0130784290902896
    expect(spentProbability({ family: 'pocock' }, 0.025, 0.4)).toBeCloseTo(0.0130784290902896, 15);
  });

  it('Hwang–Shih–DeCani is α(1 − e^(−γt))/(1 − e^(−γ)), and αt at γ = 0', () => {
    // R: 0.05*(1-exp(4*0.3))/(1-exp(4)) = 0.00216436287567931
    expect(spentProbability({ family: 'hwang-shih-decani', gamma: -4 }, 0.05, 0.3)).toBeCloseTo(
      0.00216436287567931,
      15,
    );
    // R: 0.1*(1-exp(-1*0.6))/(1-exp(-1)) = 0.0713769482109731
    expect(spentProbability({ family: 'hwang-shih-decani', gamma: 1 }, 0.1, 0.6)).toBeCloseTo(0.0713769482109731, 15);
    expect(spentProbability({ family: 'hwang-shih-decani', gamma: 0 }, 0.05, 0.3)).toBeCloseTo(0.015, 15);
  });

  it('spends nothing at t = 0, everything at t = 1, and more as t grows', () => {
    for (const spending of [
      { family: 'obrien-fleming' },
      { family: 'pocock' },
      { family: 'hwang-shih-decani', gamma: -2 },
      { family: 'hwang-shih-decani', gamma: 3 },
    ] as const) {
      expect(spentProbability(spending, 0.025, 0)).toBe(0);
      expect(spentProbability(spending, 0.025, 1)).toBe(0.025);
      const values = [0.1, 0.3, 0.5, 0.7, 0.9].map((t) => spentProbability(spending, 0.025, t));
      values.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(values[i]));
    }
  });
});
