/**
 * The n-point Gauss–Legendre rule on [−1, 1]: nodes are the roots of the Legendre polynomial Pₙ
 * and weights 2/((1 − x²)·Pₙ′(x)²), so Σ wᵢ·f(xᵢ) integrates polynomials of degree ≤ 2n − 1 exactly.
 *
 * Formula in words: each root starts at cos(π(i + ¾)/(n + ½)) and is polished by Newton's method on
 * Pₙ, evaluated by the recurrence (k + 1)Pₖ₊₁ = (2k + 1)x·Pₖ − k·Pₖ₋₁.
 * Reference: Abramowitz & Stegun (1964) 25.4.29; P. J. Davis & P. Rabinowitz, Methods of
 * Numerical Integration (1984), §2.7.
 *
 * @example gaussLegendreNodes(2) // { nodes: [−0.5773502691896258, 0.5773502691896258], weights: [1, 1] }
 */
export function gaussLegendreNodes(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let slope = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      let before = 1;
      let value = x;
      for (let k = 1; k < n; k++) {
        const after = ((2 * k + 1) * x * value - k * before) / (k + 1);
        before = value;
        value = after;
      }
      slope = (n * (x * value - before)) / (x * x - 1);
      const step = value / slope;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * slope * slope);
  }
  return { nodes, weights };
}
