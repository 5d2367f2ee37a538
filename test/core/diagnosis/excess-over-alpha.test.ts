import { describe, expect, it } from 'vitest';
import { excessOverAlpha } from '../../../src/core/diagnosis/diagnose.js';

// The rule: the 99% Wilson interval of the null rejection rate lies wholly above alpha. Its lower
// bound is the p where the score statistic (p̂ − p)/√(p(1 − p)/n) equals z = 2.5758 (qnorm(0.995)),
// so a rate is flagged exactly when that statistic, evaluated at p = alpha, exceeds z.
function scoreAtAlpha(rejections: number, trials: number, alpha: number): number {
  return (rejections / trials - alpha) / Math.sqrt((alpha * (1 - alpha)) / trials);
}

describe('excessOverAlpha', () => {
  it.each([
    [126, 2000],
    [3, 10],
    [440, 2000],
    [70, 1000],
    [75, 1000],
    [0, 500],
  ])('flags %i of %i at alpha 0.05 exactly when the score statistic at alpha exceeds 2.5758', (rejections, trials) => {
    expect(excessOverAlpha(rejections, trials, 0.05)).toBe(scoreAtAlpha(rejections, trials, 0.05) > 2.5758293035489004);
  });

  it('never flags without trials', () => {
    expect(excessOverAlpha(0, 0, 0.05)).toBe(false);
  });
});
