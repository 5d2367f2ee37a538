/** How a family of tests shares its error rate. */
export type MultiplicityMethod = 'none' | 'bonferroni' | 'holm';

/**
 * Which of a family of hypotheses are rejected at family-wise level alpha. 'none' rejects each
 * p < alpha; 'bonferroni' each p < alpha/m; 'holm' steps down: with the p-values sorted,
 * p(1) ≤ … ≤ p(m), reject H(1), …, H(j) while p(i) < alpha/(m − i + 1) and stop at the first that
 * is not. Rejection is strict, as for a single outcome's power (p < α), so with 'none' an
 * outcome's adjusted power is its power even when a p-value lands exactly on α (a permutation
 * test's p = 1/20, say). A failed test (p = NaN) is never rejected but still counts in m — it was planned —
 * and sorts last in Holm's order; the caller counts failures separately.
 *
 * Reference: Holm (1979) "A simple sequentially rejective multiple test procedure",
 * Scand. J. Statist. 6:65–70.
 *
 * @example adjustRejections([0.01, 0.04, 0.03], 0.05, 'holm') → [true, false, false]
 *   (0.01 ≤ 0.05/3, then 0.03 > 0.05/2 stops); with 'none' → [true, true, true]
 */
export function adjustRejections(pValues: readonly number[], alpha: number, method: MultiplicityMethod): boolean[] {
  const m = pValues.length;
  if (method === 'none') return pValues.map((p) => p < alpha);
  if (method === 'bonferroni') return pValues.map((p) => p < alpha / m);
  const order = pValues.map((_, index) => index).sort((a, b) => sortKey(pValues[a]) - sortKey(pValues[b]) || a - b);
  const rejected = new Array<boolean>(m).fill(false);
  for (let rank = 0; rank < m; rank++) {
    const index = order[rank];
    if (!(pValues[index] < alpha / (m - rank))) break;
    rejected[index] = true;
  }
  return rejected;
}

function sortKey(p: number): number {
  return Number.isNaN(p) ? Infinity : p;
}
