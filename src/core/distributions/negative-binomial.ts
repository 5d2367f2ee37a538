import type { Rng } from '../rng/rng.js';
import { drawGamma } from './gamma.js';
import { drawPoisson } from './poisson.js';

/**
 * Draws a negative binomial count with the given mean μ and dispersion α, so Var = μ + α·μ²
 * (α = 0 is the Poisson; the NB "size" or "shape" is 1/α).
 *
 * Formula: the gamma–Poisson mixture: Λ ~ Gamma(shape 1/α, scale α·μ), which has mean μ, then
 * X ~ Poisson(Λ). Exact, since both steps are exact.
 *
 * Reference: Greenwood & Yule (1920); Hilbe, Negative Binomial Regression (2nd ed., 2011), §8.2.
 *
 * @example
 * // REF: drawNegativeBinomial(rng, 1.2, 1.25) has mean 1.2 and variance 1.2 + 1.25·1.44 = 3.0
 */
export function drawNegativeBinomial(rng: Rng, mean: number, dispersion: number): number {
  if (dispersion === 0 || mean === 0) return drawPoisson(rng, mean);
  if (!(dispersion > 0) || !(mean > 0)) {
    throw new RangeError(`negative binomial needs mean ≥ 0 and dispersion ≥ 0 (got ${mean}, ${dispersion})`);
  }
  return drawPoisson(rng, drawGamma(rng, 1 / dispersion, dispersion * mean));
}
