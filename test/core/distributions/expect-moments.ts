// Shared assertion: sample mean and variance within 4 Monte Carlo standard errors of the exact ones.
// The mean's SE uses the exact variance (so a rare outcome never seen in the sample still gets a
// fair tolerance); the variance's SE uses the sample's fourth moment.
import { expect } from 'vitest';
import { sampleMoments } from './goodness-of-fit.js';

export const MC_SES = 4;

export function expectMoments(values: ArrayLike<number>, mean: number, variance: number): void {
  const moments = sampleMoments(values);
  expect(Math.abs(moments.mean - mean)).toBeLessThanOrEqual(MC_SES * Math.sqrt(variance / values.length));
  expect(Math.abs(moments.variance - variance)).toBeLessThanOrEqual(MC_SES * moments.varianceStandardError);
}
