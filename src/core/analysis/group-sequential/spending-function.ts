import { normalCdf, normalQuantile } from '../../distributions/normal.js';
import type { SpendingFunction } from './sequential-design.js';

/**
 * Cumulative error spent by information fraction t (0 < t ≤ 1) for a one-sided total `total`.
 *
 * Formula in words:
 * * O'Brien–Fleming type (Lan & DeMets 1983): f(t) = 2·(1 − Φ(Φ⁻¹(1 − total/2)/√t)), the
 *   probability a Brownian motion crosses the fixed-sample boundary by time t;
 * * Pocock type (Lan & DeMets 1983): f(t) = total·ln(1 + (e − 1)·t);
 * * Hwang–Shih–DeCani with shape γ (1990): f(t) = total·(1 − e^(−γt))/(1 − e^(−γ)), and
 *   total·t when γ = 0.
 * All reach `total` at t = 1. A two-sided symmetric design spends 2·f(t) with total α/2 on each
 * side (as gsDesign and rpact do), so the O'Brien–Fleming type with two-sided α = 0.05 is
 * 4·(1 − Φ(Φ⁻¹(1 − 0.0125)/√t)), not Lan & DeMets' original 2·(1 − Φ(Φ⁻¹(1 − 0.025)/√t)).
 * Reference: Lan & DeMets (1983) Biometrika 70:659–663; Hwang, Shih & DeCani (1990) Stat Med
 * 9:1439–1445; Jennison & Turnbull (2000) ch. 7.
 *
 * @example spentProbability({ family: 'obrien-fleming' }, 0.025, 1 / 3) // ≈ 1.0357e-4
 *   (R: 2 * (1 - pnorm(qnorm(1 - 0.025 / 2) / sqrt(1 / 3))))
 */
export function spentProbability(spending: SpendingFunction, total: number, fraction: number): number {
  if (fraction <= 0) return 0;
  if (fraction >= 1) return total;
  switch (spending.family) {
    case 'obrien-fleming':
      // 2·Φ(−z/√t): the lower tail keeps full precision where the spending is tiny.
      return 2 * normalCdf(normalQuantile(total / 2) / Math.sqrt(fraction));
    case 'pocock':
      return total * Math.log1p((Math.E - 1) * fraction);
    case 'hwang-shih-decani': {
      const gamma = spending.gamma;
      if (gamma === 0) return total * fraction;
      return (total * -Math.expm1(-gamma * fraction)) / -Math.expm1(-gamma);
    }
  }
}
