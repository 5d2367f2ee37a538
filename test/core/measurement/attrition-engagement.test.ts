/**
 * Attrition and engagement, person form and cell form: the cell form's count has the law of the
 * person form's people summed (Binomial), and certainty spends no random number in either form.
 */
import { describe, expect, test } from 'vitest';
import { drawObserved, drawObservedCount } from '../../../src/core/measurement/attrition.js';
import { drawEngagedCount, drawEngagement } from '../../../src/core/measurement/engagement.js';
import type { Rng } from '../../../src/core/rng/rng.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';

const DRAWS = 20_000;
const noRandomNumber: Rng = {
  next: () => {
    throw new Error('a random number was spent');
  },
};

/** Mean and variance of `DRAWS` draws. */
function moments(draw: (rng: Rng) => number): { mean: number; variance: number } {
  const rng = trialStream(17, 0);
  const values = Array.from({ length: DRAWS }, () => draw(rng));
  const mean = values.reduce((a, b) => a + b, 0) / DRAWS;
  return { mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / (DRAWS - 1) };
}

/**
 * Both forms against Binomial(n, p): mean np within 4 Monte Carlo SEs (√(np(1 − p)/DRAWS)),
 * variance np(1 − p) within 4 SEs of a sample variance (√(2σ⁴/(DRAWS − 1)), near-normal counts).
 */
function expectBinomial(moment: { mean: number; variance: number }, n: number, p: number): void {
  const variance = n * p * (1 - p);
  expect(Math.abs(moment.mean - n * p)).toBeLessThan(4 * Math.sqrt(variance / DRAWS));
  expect(Math.abs(moment.variance - variance)).toBeLessThan(4 * Math.sqrt((2 * variance * variance) / (DRAWS - 1)));
}

describe('attrition', () => {
  test('each person is observed with probability 1 − attrition; the cell form draws that count at once', () => {
    const everyone = new Uint8Array(60).fill(1);
    const person = moments((rng) => drawObserved(60, 0.2, rng, everyone).reduce((a, b) => a + b, 0));
    expectBinomial(person, 60, 0.8);
    expectBinomial(
      moments((rng) => drawObservedCount(rng, 60, 0.2)),
      60,
      0.8,
    );
  });

  test('without attrition everyone is observed, and no random number is spent', () => {
    const everyone = new Uint8Array(5).fill(1);
    expect(drawObserved(5, 0, noRandomNumber, everyone)).toBe(everyone);
    expect(drawObservedCount(noRandomNumber, 5, 0)).toBe(5);
  });
});

describe('engagement', () => {
  test('each treated person engages with their group’s probability; controls never; the cell form draws the count', () => {
    const treated = Uint8Array.from({ length: 80 }, (_, i) => (i < 50 ? 1 : 0));
    const group = new Uint16Array(80);
    const engagement = Float64Array.of(0.7);
    const person = moments((rng) => {
      const engaged = drawEngagement(treated, group, engagement, rng);
      expect(engaged.subarray(50).every((e) => e === 0)).toBe(true);
      return engaged.reduce((a, b) => a + b, 0);
    });
    expectBinomial(person, 50, 0.7);
    expectBinomial(
      moments((rng) => drawEngagedCount(rng, 50, 0.7)),
      50,
      0.7,
    );
  });

  test('certain engagement (1 or 0) spends no random number', () => {
    const treated = Uint8Array.of(1, 1, 0);
    const group = Uint16Array.of(0, 1, 1);
    expect(Array.from(drawEngagement(treated, group, Float64Array.of(1, 0), noRandomNumber))).toEqual([1, 0, 0]);
    expect(drawEngagedCount(noRandomNumber, 7, 1)).toBe(7);
    expect(drawEngagedCount(noRandomNumber, 7, 0)).toBe(0);
  });
});
