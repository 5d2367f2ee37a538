import { buildIntegrationGrid, type Interval } from './integration-grid.js';

const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
/** Kernel terms beyond 9 standard deviations weigh below e^(−40.5) ≈ 2.6e-18 of the peak. */
const KERNEL_REACH = 9;

/**
 * The sub-density of Z_k at one look: the density of reaching look k without having stopped
 * before and landing at z, on an integration grid over look k's continuation region, each value
 * already multiplied by its quadrature weight (so integrals against it are plain sums).
 */
export interface LookDensity {
  /** Information fraction t_k of the look. */
  readonly fraction: number;
  readonly points: Float64Array;
  /** weight_i × g_k(points_i), where g_k integrates to P(no stop before k, Z_k in the region). */
  readonly weightedDensity: Float64Array;
}

/**
 * The sub-density of Z_k on look k's continuation region, from the previous look's (or from the
 * start, when `previous` is null), under drift θ = E[Z_K] at full information.
 *
 * Formula in words: in the canonical joint distribution Z_k = S(t_k)/√t_k, where S is a Brownian
 * motion with drift θ, so E[Z_k] = θ√t_k and cov(Z_j, Z_k) = √(t_j/t_k). At the first look
 * g_1(z) = φ(z − θ√t_1). Later, with Δ = t_k − t_{k−1},
 * g_k(z) = ∫ g_{k−1}(u)·√(t_k/Δ)·φ((z√t_k − u√t_{k−1} − θΔ)/√Δ) du over look k − 1's
 * continuation region — the recursive numerical integration of Armitage, McPherson & Rowe.
 * The region's intervals must be disjoint and in ascending order.
 * Reference: Armitage, McPherson & Rowe (1969) J R Stat Soc A 132:235–244; Jennison & Turnbull
 * (2000) ch. 19.
 *
 * @example advanceLookDensity(null, 0.5, 0, [{ lower: -Infinity, upper: Infinity }], 16):
 *   Σ weightedDensity ≈ 1 (nothing stops before the first look).
 */
export function advanceLookDensity(
  previous: LookDensity | null,
  fraction: number,
  drift: number,
  region: readonly Interval[],
  resolution: number,
): LookDensity {
  const mean = drift * Math.sqrt(fraction);
  const grid = buildIntegrationGrid(region, mean, resolution);
  const n = grid.points.length;
  const weightedDensity = new Float64Array(n);
  if (previous === null) {
    for (let i = 0; i < n; i++) {
      const x = grid.points[i] - mean;
      weightedDensity[i] = grid.weights[i] * ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
    }
    return { fraction, points: grid.points, weightedDensity };
  }
  const increment = fraction - previous.fraction;
  const rootIncrement = Math.sqrt(increment);
  const rootFraction = Math.sqrt(fraction);
  const rootPrevious = Math.sqrt(previous.fraction);
  const scale = (rootFraction / rootIncrement) * ONE_OVER_SQRT_TWO_PI;
  const driftStep = drift * increment;
  const from = previous.points;
  const mass = previous.weightedDensity;
  // Grid points are ascending, so the previous points u within KERNEL_REACH kernel standard
  // deviations of each new point form a window that only slides right; the rest add < 1e-17.
  const reach = (KERNEL_REACH * rootIncrement) / rootPrevious;
  let first = 0;
  let last = 0;
  for (let i = 0; i < n; i++) {
    const shifted = grid.points[i] * rootFraction - driftStep;
    const centre = shifted / rootPrevious;
    while (first < from.length && from[first] < centre - reach) first++;
    if (last < first) last = first;
    while (last < from.length && from[last] <= centre + reach) last++;
    let sum = 0;
    for (let j = first; j < last; j++) {
      const x = (shifted - from[j] * rootPrevious) / rootIncrement;
      sum += mass[j] * Math.exp(-0.5 * x * x);
    }
    weightedDensity[i] = grid.weights[i] * scale * sum;
  }
  return { fraction, points: grid.points, weightedDensity };
}
