import type { Rng } from '../rng/rng.js';
import { drawStandardNormal } from './standard-normal.js';

/**
 * Draws a lognormal value with the given median and SD of its logarithm: exp(log median + sdLog·Z).
 * Its mean is median·exp(sdLog²/2) and its variance mean²·(exp(sdLog²) − 1).
 *
 * Reference: Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions vol. 1 (2nd ed.,
 * 1994), ch. 14.
 *
 * @example
 * drawLognormal(rng, 2, 0.7) // a positive value, below 2 in half of all draws; mean 2·e^0.245 ≈ 2.555
 */
export function drawLognormal(rng: Rng, median: number, sdLog: number): number {
  if (!(median > 0) || !(sdLog >= 0) || !Number.isFinite(median) || !Number.isFinite(sdLog)) {
    throw new RangeError(`lognormal needs median > 0 and sdLog ≥ 0 (got ${median}, ${sdLog})`);
  }
  return median * Math.exp(sdLog * drawStandardNormal(rng));
}
