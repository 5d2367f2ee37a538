import type { Rng } from '../rng/rng.js';
import { drawGamma } from './gamma.js';
import { drawPoisson } from './poisson.js';

/**
 * Draws a negative binomial count with the given mean μ and dispersion α, so Var = μ + α·μ²
 * (α = 0 is the Poisson; the NB "size" or "shape" is 1/α).
 *
 * Formula: the gamma–Poisson mixture: Λ = μ·G with G ~ Gamma(shape 1/α, scale α) (mean 1), then
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
  const shape = 1 / dispersion;
  // A dispersion below ~5.6e-309 makes the shape overflow; the gamma is then a point mass at 1.
  if (shape === Infinity) return drawPoisson(rng, mean);
  // μ·Gamma(1/α, α) rather than Gamma(1/α, αμ), so a tiny μ cannot underflow the scale.
  return drawPoisson(rng, mean * drawGamma(rng, shape, dispersion));
}
