import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../src/core/diagnosis/wilson-interval.js';

// The Wilson interval is defined as the p at which the score statistic (p̂ − p)/√(p(1 − p)/n)
// equals ±z, so each bound can be checked against that definition rather than a stored answer.
function scoreStatistic(successes: number, n: number, p: number): number {
  return (successes / n - p) / Math.sqrt((p * (1 - p)) / n);
}

describe('wilsonInterval', () => {
  it.each([
    [41, 100],
    [3, 45],
    [118, 120],
    [500, 1000],
  ])('puts each bound where the score statistic equals ±z (%i of %i)', (successes, n) => {
    const z = 1.959963984540054;
    const [lower, upper] = wilsonInterval(successes, n, z);
    expect(scoreStatistic(successes, n, lower)).toBeCloseTo(z, 9);
    expect(scoreStatistic(successes, n, upper)).toBeCloseTo(-z, 9);
  });

  it('stays inside [0, 1] at the edges and is 0 or 1 at its closed end', () => {
    expect(wilsonInterval(0, 20)[0]).toBe(0);
    expect(wilsonInterval(20, 20)[1]).toBe(1);
    expect(wilsonInterval(0, 20)[1]).toBeGreaterThan(0.1);
  });

  it('is the whole range when there are no trials', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});
