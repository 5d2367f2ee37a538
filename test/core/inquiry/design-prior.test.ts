import { describe, expect, test } from 'vitest';
import { designPrior, drawReplicationEffect, type DesignPriorKind } from '../../../src/core/inquiry/design-prior.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';

/*
 * R BayesRepDesign 0.42: dp <- designPrior(to, so, tau = tau, type = type); dp$dpMean, dp$dpVar
 * (the prior of the overall effect θ; pors() then adds tau² for the replication's own effect).
 * Columns: θ_o, σ_o, τ, type, dpMean, dpVar.
 */
const BAYES_REP_DESIGN: [number, number, number, DesignPriorKind, number, number][] = [
  [-0.5, 0.2, 0.1, 'conditional', -0.5, 0],
  [-0.5, 0.2, 0.1, 'predictive', -0.5, 0.05],
  [-0.5, 0.2, 0.1, 'eb', -0.4, 0.04],
  [-0.5, 0.2, 0, 'eb', -0.42, 0.0336],
  [0.3, 0.25, 0.2, 'predictive', 0.3, 0.1025],
  [0.3, 0.25, 0.2, 'eb', 0, 0],
  [-0.2, 0.2, 0, 'eb', 0, 0],
];

describe('designPrior', () => {
  test.each(BAYES_REP_DESIGN)(
    'θ_o %f, σ_o %f, τ %f, %s matches BayesRepDesign',
    (theta, se, tau, kind, mean, variance) => {
      const prior = designPrior({ logEstimate: theta, standardError: se }, kind, tau);
      expect(prior.meanLogRatio).toBeCloseTo(mean, 15);
      expect(prior.overallVariance).toBeCloseTo(variance, 15);
      expect(prior.replicationVariance).toBeCloseTo(variance + (kind === 'conditional' ? 0 : tau * tau), 15);
    },
  );

  test('the replication’s variance is ReplicationSuccess’s predictive variance less σ_r²', () => {
    // R ReplicationSuccess: pi <- predictionInterval(-0.5, 0.2, 0.1, tau = 0.1, designPrior = dp);
    // ((pi$upper - pi$mean)/qnorm(0.975))^2 - 0.1^2 → conditional 0, predictive 0.06, EB 0.05; mean −0.5, −0.5, −0.4
    const original = { logEstimate: -0.5, standardError: 0.2 };
    expect(designPrior(original, 'conditional', 0.1).replicationVariance).toBe(0);
    expect(designPrior(original, 'predictive', 0.1).replicationVariance).toBeCloseTo(0.06, 15);
    expect(designPrior(original, 'eb', 0.1).replicationVariance).toBeCloseTo(0.05, 15);
    expect(designPrior(original, 'eb', 0.1).shrinkageFactor).toBeCloseTo(0.8, 15);
  });
});

describe('drawReplicationEffect', () => {
  test('conditional: always the original estimate', () => {
    const prior = designPrior({ logEstimate: -0.5, standardError: 0.2 }, 'conditional', 0.3);
    const rng = trialStream(1, 0);
    for (let i = 0; i < 100; i++) expect(drawReplicationEffect(prior, rng)).toBe(-0.5);
  });

  test('predictive and EB draws have the prior’s mean and variance (200,000 draws, within 4.5 Monte Carlo SEs)', () => {
    for (const kind of ['predictive', 'eb'] as const) {
      const prior = designPrior({ logEstimate: -0.5, standardError: 0.2 }, kind, 0.1);
      const rng = trialStream(2024, 7);
      const n = 200_000;
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        const x = drawReplicationEffect(prior, rng);
        sum += x;
        sumSquares += x * x;
      }
      const mean = sum / n;
      const variance = (sumSquares - n * mean * mean) / (n - 1);
      // SE of a normal sample's mean is √(v/n); of its variance, v·√(2/(n − 1)).
      const v = prior.replicationVariance;
      expect(Math.abs(mean - prior.meanLogRatio)).toBeLessThan(4.5 * Math.sqrt(v / n));
      expect(Math.abs(variance - v)).toBeLessThan(4.5 * v * Math.sqrt(2 / (n - 1)));
    }
  });

  test('the same stream gives the same draws, and another seed other draws', () => {
    const prior = designPrior({ logEstimate: -0.5, standardError: 0.2 }, 'predictive', 0.1);
    const draw = (seed: number) => drawReplicationEffect(prior, trialStream(seed, 3));
    expect(draw(11)).toBe(draw(11));
    expect(draw(11)).not.toBe(draw(12));
  });
});
