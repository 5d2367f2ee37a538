import { incompleteBetaTail } from './incomplete-beta.js';
import { logGamma } from './log-gamma.js';
import { normalQuantile } from './normal.js';

/**
 * P(T ≤ t) for Student's t distribution with `degreesOfFreedom` ν > 0 (not necessarily whole).
 * Relative accuracy against mpmath: about 1e-14 for ν ≤ 1e4, 1e-11 at ν = 1e6, 1e-8 at ν = 1e9 (the
 * continued fraction grows ill-conditioned as ν/2 → ∞ with x → 1); an upper tail is
 * `studentTCdf(-t, ν)`.
 *
 * Formula: for t ≤ 0, ½·I_x(ν/2, ½) with x = ν/(ν + t²) (and 1 − x = t²/(ν + t²) computed directly),
 * I the regularized incomplete beta function; for t > 0, 1 − P(T ≤ −t).
 *
 * Reference: Abramowitz & Stegun (1964) 26.7.1.
 *
 * @example
 * studentTCdf(2.5, 3) // ≈ 0.95614667650 (SciPy: t.cdf(2.5, 3))
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0) || Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const square = t * t;
  const x = degreesOfFreedom / (degreesOfFreedom + square);
  const lowerTail = 0.5 * incompleteBetaTail(x, square / (degreesOfFreedom + square), degreesOfFreedom / 2, 0.5, false);
  return t <= 0 ? lowerTail : 1 - lowerTail;
}

/**
 * The t with P(T ≤ t) = p for Student's t with `degreesOfFreedom` ν > 0; ±∞ at p = 0 or 1.
 * Relative accuracy about 1e-12 for ν ≤ 1e5 (limited beyond by `studentTCdf`).
 *
 * Formula: exact closed forms for ν = 1 (tan(π(p − ½)) = −1/tan(πp)) and ν = 2 ((2p − 1)/√(2p(1 − p))); otherwise
 * Newton's method on `studentTCdf` in the lower tail (t < 0, by symmetry), started from the
 * Cornish–Fisher expansion around the normal quantile, kept inside a bracket that halves when a
 * step would leave it.
 *
 * Reference: Abramowitz & Stegun (1964) 26.7.5 (the expansion); G. W. Hill, "Algorithm 396:
 * Student's t-quantiles", Communications of the ACM 13 (1970) 619–620 (the closed forms).
 *
 * @example
 * studentTQuantile(0.975, 3) // ≈ 3.18244630528 (SciPy: t.ppf(0.975, 3))
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -lowerQuantile(1 - p, degreesOfFreedom);
  return lowerQuantile(p, degreesOfFreedom);
}

// The quantile for p < ½ (so t < 0).
function lowerQuantile(p: number, nu: number): number {
  if (nu === 1) return -1 / Math.tan(Math.PI * p); // tan(π(p − ½)), without rounding p − ½
  if (nu === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const logDensityConstant = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
  const density = (t: number) => Math.exp(logDensityConstant - ((nu + 1) / 2) * Math.log1p((t * t) / nu));
  let t = cornishFisher(normalQuantile(p), nu);
  if (!(t < 0) || !Number.isFinite(t)) t = -1;
  // Bracket [low, high] with F(low) ≤ p ≤ F(high), high = 0 to start.
  let high = 0;
  let low = t;
  while (studentTCdf(low, nu) > p) {
    high = low;
    low *= 2;
  }
  for (let step = 0; step < 200; step += 1) {
    const error = studentTCdf(t, nu) - p;
    if (error > 0) high = t;
    else low = t;
    let next = t - error / density(t);
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next)) return next;
    t = next;
  }
  return t;
}

// t ≈ z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) + (3z⁷ + 19z⁵ + 17z³ − 15z)/(384ν³).
function cornishFisher(z: number, nu: number): number {
  const z2 = z * z;
  return (
    z +
    (z * (z2 + 1)) / (4 * nu) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * nu * nu) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * nu * nu * nu)
  );
}
