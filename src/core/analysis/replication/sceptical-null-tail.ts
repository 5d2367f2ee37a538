import { gaussLegendreRule } from '../../numerics/gauss-legendre.js';

/*
 * The quadrature rule over φ ∈ [0, π/2], built once, nodes ordered from φ = π/2 down to 0: 16
 * equal panels down to π/32, then 30 panels each half the one before (down to π/32·2⁻³⁰) and a
 * last one to 0, so that the integrand's steep rise near φ = 0 at small z is resolved; 8
 * Gauss–Legendre nodes a panel. Each node stores sin²φ and its weight (2/π included).
 */
const EQUAL_PANELS = 16;
const HALVING_PANELS = 30;
const NODES_PER_PANEL = 8;
const breakpoints: number[] = [];
for (let k = EQUAL_PANELS; k >= 1; k -= 1) breakpoints.push(((Math.PI / 2) * k) / EQUAL_PANELS);
for (let k = 1; k <= HALVING_PANELS; k += 1) breakpoints.push((Math.PI / 2 / EQUAL_PANELS) * 2 ** -k);
breakpoints.push(0);
const NODE_COUNT = (breakpoints.length - 1) * NODES_PER_PANEL;
const sineSquared = new Float64Array(NODE_COUNT);
const weight = new Float64Array(NODE_COUNT);
{
  const rule = gaussLegendreRule(NODES_PER_PANEL);
  for (let panel = 0; panel + 1 < breakpoints.length; panel += 1) {
    const top = breakpoints[panel];
    const halfWidth = (top - breakpoints[panel + 1]) / 2;
    for (let i = 0; i < NODES_PER_PANEL; i += 1) {
      const sine = Math.sin(top - halfWidth * (rule.nodes[i] + 1));
      sineSquared[panel * NODES_PER_PANEL + i] = sine * sine;
      weight[panel * NODES_PER_PANEL + i] = (2 / Math.PI) * halfWidth * rule.weights[i];
    }
  }
}

// The integrand never exceeds 1 and falls as φ falls, so once it is below this share of the sum
// so far, what is left (at most that value times the remaining length) cannot change the sum.
const NEGLIGIBLE = 1e-18;

/**
 * The null tail of the squared sceptical z-value: P(z_S² ≥ z) when the original and the
 * replication both estimate no effect (z_o, z_r independent standard normals) with variance
 * ratio c — one minus the distribution function F_Z of Micheloud, Balabdaoui & Held (2023). The
 * "controlled" recalibration is built on it.
 *
 * Formula in words: 1 − F_Z(z) = (1/π)·∫₀¹ exp(−z·(1 + √(1 + (c − 1)t))/t) / √(t(1 − t)) dt,
 * which is the paper's integrand with √(1 + (c − 1)t) − 1 rewritten as (c − 1)t/(√(1 + (c − 1)t) + 1)
 * so that c = 1 needs no special case; substituting t = sin²φ removes the endpoint singularities:
 * (2/π)·∫₀^{π/2} exp(−z·(1 + √(1 + (c − 1)·sin²φ))/sin²φ) dφ, computed by composite
 * Gauss–Legendre quadrature (absolute error below 1e-13 for 0 ≤ c ≤ 1000, checked against
 * mpmath; relative error below 1e-6 while the tail exceeds 1e-80). At c = 1 it equals
 * erfc(√(2z)) = P(χ²₁ ≥ 4z), since then z_S = z_o·z_r/√(z_o² + z_r²) ~ N(0, 1/4).
 * Reference: Micheloud, Balabdaoui & Held (2023), Statistica Neerlandica, doi:10.1111/stan.12312
 * (the distribution of z_S² under no effect; R ReplicationSuccess computes it as FZ).
 *
 * @param zSquared z ≥ 0, a value of z_S²
 * @param varianceRatio c = σ_o²/σ_r² ≥ 0
 * @example
 * scepticalNullTail(2.5, 1) // erfc(√5) ≈ 0.00156540225800255 (mpmath: erfc(sqrt(5)))
 */
export function scepticalNullTail(zSquared: number, varianceRatio: number): number {
  if (zSquared <= 0) return 1;
  const cMinusOne = varianceRatio - 1;
  let sum = 0;
  for (let k = 0; k < NODE_COUNT; k += 1) {
    const s = sineSquared[k];
    const value = Math.exp((-zSquared * (1 + Math.sqrt(1 + cMinusOne * s))) / s);
    if (value < NEGLIGIBLE * sum) break;
    sum += weight[k] * value;
  }
  return sum;
}
