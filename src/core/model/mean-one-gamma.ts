import { drawGamma } from '../distributions/gamma.js';
import type { Rng } from '../rng/rng.js';

/**
 * Draws a gamma multiplier with mean 1 and the given variance (shape 1/variance, scale
 * variance): the frailty behind the shared propensity, an outcome's own noise, a site's or a
 * caseworker's rate multiplier. A variance of 0 gives exactly 1 and uses no random number.
 *
 * Formula in words: G ~ Gamma(shape 1/v, scale v), so E[G] = 1 and Var[G] = v; a Poisson count
 * with mean μ·G is then negative binomial with Var = μ + v·μ².
 * Reference: Greenwood & Yule (1920); Hilbe, Negative Binomial Regression (2011), §8.
 *
 * @example drawMeanOneGamma(rng, 0) → 1; over many draws with v = 1.5, mean ≈ 1 and variance ≈ 1.5
 */
export function drawMeanOneGamma(rng: Rng, variance: number): number {
  return variance > 0 ? drawGamma(rng, 1 / variance, variance) : 1;
}
