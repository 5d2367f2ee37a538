import { gaussLegendreRule, type QuadratureRule } from '../numerics/gauss-legendre.js';

/** How finely a gamma rule is built: panels over the bulk, Gauss–Legendre points per panel. */
export interface GammaRuleResolution {
  readonly panels: number;
  readonly pointsPerPanel: number;
  /** Geometric sub-panels (ratio 0.2) in the panel that touches 0. */
  readonly gradingLevels: number;
}

/** Fine enough for the shared propensity: E[e^(−cG)] to ~1e-10 for c up to ~50 (see its test). */
export const FINE_GAMMA_RULE: GammaRuleResolution = { panels: 16, pointsPerPanel: 12, gradingLevels: 10 };
/** For the propensity when other mixing variables multiply the grid: E[e^(−cG)] to ~1e-8. */
export const MEDIUM_GAMMA_RULE: GammaRuleResolution = { panels: 8, pointsPerPanel: 8, gradingLevels: 6 };
/** For secondary mixing variables (an outcome's own noise, the site multiplier): ~1e-6. */
export const COARSE_GAMMA_RULE: GammaRuleResolution = { panels: 6, pointsPerPanel: 8, gradingLevels: 4 };

// Geometric grading of the panel that touches 0, where the density has an algebraic singularity.
const GRADING_RATIO = 0.2;

/**
 * A quadrature rule for expectations over a gamma variable G with mean 1 and variance `variance`
 * (shape 1/variance, scale variance): E[f(G)] ≈ Σ wᵢ f(gᵢ), weights summing to exactly 1. A
 * variance of 0 gives the single node 1.
 *
 * Formula in words: with Y = G/variance ~ Gamma(a = 1/variance, 1), integrate the density
 * y^(a−1)·e^(−y) over [max(0, a − 12√a), a + 12√a + 40] (the rest holds < e^(−40) of the mass) by
 * composite Gauss–Legendre. For a < 1 the density is singular at 0, so the variable becomes
 * t = y^a, whose density is proportional to e^(−t^(1/a)) — bounded and smooth enough; the panel
 * touching 0 is split geometrically (ratio 0.2) so the remaining algebraic kink costs nothing.
 * Weights are normalised by their sum, so no gamma function is needed and E[1] = 1 exactly.
 * Reference: P. J. Davis & P. Rabinowitz, Methods of Numerical Integration (1984), §2.7 and §5.
 *
 * @example meanOneGammaRule(1) is Exp(1): Σ wᵢ·e^(−gᵢ) = 0.5 (= (1 + 1)^(−1)) to about 1e-12
 */
export function meanOneGammaRule(variance: number, resolution: GammaRuleResolution = FINE_GAMMA_RULE): QuadratureRule {
  if (!(variance > 0)) return { nodes: Float64Array.of(1), weights: Float64Array.of(1) };
  const shape = 1 / variance;
  const lower = Math.max(0, shape - 12 * Math.sqrt(shape));
  const upper = shape + 12 * Math.sqrt(shape) + 40;
  const substituted = shape < 1;
  // In the substituted variable t = y^a the density is e^(−y) (constant Jacobian).
  const from = substituted ? 0 : lower;
  const to = substituted ? Math.exp(shape * Math.log(upper)) : upper;
  const edges = panelEdges(from, to, resolution.panels, from === 0 ? resolution.gradingLevels : 0);
  const legendre = gaussLegendreRule(resolution.pointsPerPanel);
  const count = (edges.length - 1) * legendre.nodes.length;
  const nodes = new Float64Array(count);
  const weights = new Float64Array(count);
  const logMode = shape > 1 ? (shape - 1) * Math.log(shape - 1) - (shape - 1) : 0;
  let k = 0;
  let total = 0;
  for (let p = 0; p + 1 < edges.length; p++) {
    const half = (edges[p + 1] - edges[p]) / 2;
    const middle = (edges[p + 1] + edges[p]) / 2;
    for (let i = 0; i < legendre.nodes.length; i++) {
      const v = middle + half * legendre.nodes[i];
      const y = substituted ? Math.exp(Math.log(v) / shape) : v;
      const logDensity = substituted ? -y : (shape - 1) * Math.log(y) - y - logMode;
      const weight = legendre.weights[i] * half * Math.exp(logDensity);
      nodes[k] = y * variance;
      weights[k] = weight;
      total += weight;
      k++;
    }
  }
  for (let i = 0; i < count; i++) weights[i] /= total;
  return dropNegligible(nodes, weights);
}

function panelEdges(from: number, to: number, panels: number, gradingLevels: number): number[] {
  const width = (to - from) / panels;
  const edges: number[] = [from];
  for (let level = gradingLevels; level >= 1; level--) edges.push(from + width * Math.pow(GRADING_RATIO, level));
  for (let p = 1; p <= panels; p++) edges.push(from + width * p);
  return edges;
}

// Tail nodes whose weight underflows relative to the bulk only cost time downstream.
function dropNegligible(nodes: Float64Array, weights: Float64Array): QuadratureRule {
  let kept = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] > 1e-18) kept++;
  if (kept === weights.length) return { nodes, weights };
  const keptNodes = new Float64Array(kept);
  const keptWeights = new Float64Array(kept);
  for (let i = 0, j = 0; i < weights.length; i++) {
    if (weights[i] > 1e-18) {
      keptNodes[j] = nodes[i];
      keptWeights[j] = weights[i];
      j++;
    }
  }
  return { nodes: keptNodes, weights: keptWeights };
}
