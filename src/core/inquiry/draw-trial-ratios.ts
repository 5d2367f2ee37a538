import type { Design, EffectDistribution } from '../design.js';
import { drawLognormal } from '../distributions/lognormal.js';
import type { Rng } from '../rng/rng.js';
import { subStream } from '../rng/trial-stream.js';

// The sub-stream trial i's effects are drawn from (streams 1 and 2 are the permutation tests'),
// the same whichever form simulates the trial, so both judge trial i against the same drawn truth.
const EFFECT_DRAW_STREAM = 3;

/**
 * Under assurance, each trial draws a multiplier of every group's stated ratio: a lognormal factor
 * with median 1, or a uniform ratio over its midpoint. Outcomes without an effect distribution
 * keep their stated ratios.
 * Reference: O'Hagan, Stevens & Campbell (2005), Pharm. Stat. 4:187 (assurance).
 *
 * @example no effect distribution → the stated ratios, unchanged
 */
export function drawTrialRatios(
  design: Design,
  statedRatios: readonly (readonly number[])[],
  trialIndex: number,
): number[][] {
  const rng = subStream(design.simulation.seed, trialIndex, EFFECT_DRAW_STREAM);
  return design.outcomes.map((outcome, k) => {
    const stated = statedRatios[k];
    const distribution = outcome.effectDistribution;
    if (distribution === null) return [...stated];
    const factor = drawEffectFactor(distribution, rng);
    return stated.map((ratio) => ratio * factor);
  });
}

/** The drawn ratio relative to the distribution's centre (median, or the stated central value, else the midpoint). */
function drawEffectFactor(distribution: EffectDistribution, rng: Rng): number {
  if (distribution.kind === 'lognormal') return drawLognormal(rng, 1, distribution.sdLog);
  const centre = distribution.central ?? (distribution.from + distribution.to) / 2;
  return (distribution.from + (distribution.to - distribution.from) * rng.next()) / centre;
}
