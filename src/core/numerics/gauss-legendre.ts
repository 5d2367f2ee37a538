/** Nodes and weights of an n-point Gauss–Legendre rule on [−1, 1]. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * Computes the n-point Gauss–Legendre rule on [−1, 1]: the nodes are the roots of the Legendre
 * polynomial Pₙ and the weights 2 / ((1 − x²)·Pₙ′(x)²), so Σ wᵢ f(xᵢ) integrates every polynomial
 * of degree ≤ 2n − 1 exactly.
 *
 * Formula in words: start each root at cos(π(i − ¼)/(n + ½)) and polish it by Newton's method on
 * Pₙ, evaluated with the three-term recurrence (k+1)Pₖ₊₁ = (2k+1)x·Pₖ − k·Pₖ₋₁.
 * Reference: Press et al., Numerical Recipes, 3rd ed., §4.6 (gauleg); Abramowitz & Stegun 25.4.29.
 *
 * @example gaussLegendreRule(2) → nodes ±0.5773502691896258 (= ±1/√3), weights 1 and 1
 */
export function gaussLegendreRule(n: number): QuadratureRule {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let previous = 1;
      let current = x;
      for (let k = 1; k < n; k++) {
        const next = ((2 * k + 1) * x * current - k * previous) / (k + 1);
        previous = current;
        current = next;
      }
      derivative = (n * (x * current - previous)) / (x * x - 1);
      const step = current / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    const weight = 2 / ((1 - x * x) * derivative * derivative);
    weights[i] = weight;
    weights[n - 1 - i] = weight;
  }
  return { nodes, weights };
}
