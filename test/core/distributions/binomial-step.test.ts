import { describe, expect, test } from 'vitest';
import { binomialStep, drawBinomialOnce, drawBinomialStep } from '../../../src/core/distributions/binomial-step.js';
import { binomialPmf } from '../../../src/core/distributions/binomial-probability.js';
import { drawBinomialByInversion } from '../../../src/core/distributions/binomial.js';
import { chiSquareSurvival } from '../../../src/core/distributions/chi-square.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';

/** Pearson's goodness of fit of `draws` draws against the exact binomial pmf, cells with expectation < 5 pooled. */
function goodnessOfFit(n: number, p: number, draws: number, seed: number): number {
  const rng = trialStream(seed, 0);
  const step = binomialStep(p);
  const counts = new Float64Array(n + 1);
  let outside = 0;
  for (let d = 0; d < draws; d++) {
    const k = drawBinomialStep(rng, n, step);
    if (Number.isInteger(k) && k >= 0 && k <= n) counts[k] += 1;
    else outside += 1;
  }
  expect(outside).toBe(0);
  let statistic = 0;
  let cells = 0;
  let pooledObserved = 0;
  let pooledExpected = 0;
  for (let k = 0; k <= n; k++) {
    const expected = draws * binomialPmf(k, n, p);
    if (expected < 5) {
      pooledObserved += counts[k];
      pooledExpected += expected;
      continue;
    }
    statistic += (counts[k] - expected) ** 2 / expected;
    cells += 1;
  }
  if (pooledExpected > 0) {
    statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
    cells += 1;
  }
  return chiSquareSurvival(statistic, cells - 1);
}

describe('drawBinomialStep', () => {
  test.each([
    [1000, 0.5, 'rejection, centre'],
    [500, 0.346, 'rejection'],
    [60, 0.3, 'rejection, small n'],
    [40, 0.1, 'inversion'],
    [200, 0.8, 'reflected rejection'],
    [12, 0.93, 'reflected inversion'],
    [100_000, 0.02, 'rejection, n beyond the log-factorial table'],
    [3, 0.3, 'one trial at a time'],
    [4, 0.85, 'one trial at a time, p above ½'],
  ])('Binomial(%i, %f) (%s) fits the exact pmf', (n, p) => {
    expect(goodnessOfFit(n, p, 40_000, n)).toBeGreaterThan(0.001);
  });

  test('inversion from the kept table of (1 − p)ⁿ draws exactly what plain inversion draws from the same stream', () => {
    // The step keeps P(X = 0) per n after 64 inversions; the draws must not change when it does.
    const step = binomialStep(0.12);
    const kept = trialStream(7, 0);
    const plain = trialStream(7, 0);
    for (let d = 0; d < 2000; d++) {
      const n = 5 + (d % 70); // n·p from 0.6 to 8.9: all inversion
      expect(drawBinomialStep(kept, n, step)).toBe(drawBinomialByInversion(plain, n, 0.12, Math.log1p(-0.12)));
    }
    expect(step.zeroProbabilities).not.toBeNull();
  });

  test('p = 0 and p = 1 are certain, n = 0 is 0', () => {
    const rng = trialStream(1, 0);
    expect(drawBinomialStep(rng, 10, binomialStep(0))).toBe(0);
    expect(drawBinomialStep(rng, 10, binomialStep(1))).toBe(10);
    expect(drawBinomialStep(rng, 0, binomialStep(0.4))).toBe(0);
  });
});

describe('drawBinomialOnce', () => {
  test('draws exactly what drawBinomialStep draws from a fresh step, using the same uniforms', () => {
    // Every branch: one by one (n ≤ 4), inversion (n·p < 10), rejection, reflected p > ½, p = 0 and 1.
    const ps = [0, 1e-4, 0.03, 0.3, 0.5, 0.5000001, 0.7, 0.97, 0.9999, 1];
    const ns = [0, 1, 3, 4, 5, 17, 300, 5000, 100_000];
    const once = trialStream(11, 0);
    const stepped = trialStream(11, 0);
    for (let d = 0; d < 20; d++) {
      for (const p of ps) {
        for (const n of ns) expect(drawBinomialOnce(once, n, p)).toBe(drawBinomialStep(stepped, n, binomialStep(p)));
      }
    }
    // Same number of uniforms taken: the streams are still in step.
    expect(once.next()).toBe(stepped.next());
  });
});
