import type { EffectDistribution } from './design.js';
import { drawLognormal } from './distributions/lognormal.js';
import type { Rng } from './rng/rng.js';
import { subStream } from './rng/trial-stream.js';
import type { TrialContext } from './trial.js';

// The sub-stream trial i's effects are drawn from (streams 1 and 2 are `simulateTrial`'s
// permutations), shared by both engines so they draw the same effect for trial i.
const EFFECT_DRAW_STREAM = 3;

/**
 * Under assurance, each trial draws a multiplier of every group's stated ratio; the per-person
 * (`simulateTrial`) and aggregated (`simulateAggregateTrial`) engines both call this, so they
 * judge trial i against the same drawn truth: a lognormal factor with median 1, or a uniform ratio over its midpoint.
 * Reference: O'Hagan, Stevens & Campbell (2005), Pharm. Stat. 4:187 (assurance).
 *
 * @example no effect distribution → the stated ratios, unchanged
 */
export function drawTrialRatios(trial: TrialContext, trialIndex: number): number[][] {
  const rng = subStream(trial.design.simulation.seed, trialIndex, EFFECT_DRAW_STREAM);
  return trial.design.outcomes.map((outcome, k) => {
    const stated = trial.statedRatios[k];
    const distribution = outcome.effectDistribution;
    if (distribution === null) return [...stated];
    const factor = drawEffectFactor(distribution, rng);
    return stated.map((ratio) => ratio * factor);
  });
}

/** The drawn ratio relative to the distribution's centre (median or midpoint). */
function drawEffectFactor(distribution: EffectDistribution, rng: Rng): number {
  if (distribution.kind === 'lognormal') return drawLognormal(rng, 1, distribution.sdLog);
  const midpoint = (distribution.from + distribution.to) / 2;
  return (distribution.from + (distribution.to - distribution.from) * rng.next()) / midpoint;
}
