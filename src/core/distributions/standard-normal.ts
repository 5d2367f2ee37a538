import type { Rng } from '../rng/rng.js';
import { normalQuantile } from './normal.js';

/**
 * Draws a standard normal value (mean 0, SD 1).
 *
 * Formula: inversion, Z = Φ⁻¹(U) with U uniform on (0, 1), using Wichura's AS 241 quantile
 * (`normalQuantile`, accurate to about 1e-16). One uniform per draw and no cached spare value, so
 * a draw depends only on the stream's state. A 0 from the stream is skipped, which makes U
 * symmetric about ½ on alea's 2^-32 grid; the most extreme draw is then |Z| ≈ 6.23 (the mass
 * beyond it is 4.7e-10, far below any Monte Carlo error this tool reports).
 *
 * Reference: L. Devroye, Non-Uniform Random Variate Generation (1986), §II.2 (inversion);
 * M. J. Wichura, Applied Statistics 37 (1988) 477–484.
 *
 * @example
 * drawStandardNormal({ next: () => 0.975 }) // 1.959963984540054
 */
export function drawStandardNormal(rng: Rng): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  return normalQuantile(u);
}
