/**
 * Design effect of cluster randomisation: how many times the variance of an arm mean grows when
 * people come in clusters whose members are alike (intra-class correlation ICC).
 *
 * Equal clusters of m people: DE = 1 + (m − 1)·ICC. Unequal clusters of mean size m̄ and
 * coefficient of variation cv: DE = 1 + ((cv² + 1)·m̄ − 1)·ICC.
 * Reference: Donner & Klar (2000); Eldridge, Ashby & Kerry (2006), Int J Epidemiol 35:1292–1300.
 *
 * Example: m 20, ICC 0.05 → 1.95; m̄ 20, cv 0.5, ICC 0.05 → 2.20.
 */
export function clusterDesignEffect(input: {
  readonly meanClusterSize: number;
  readonly icc: number;
  /** Coefficient of variation of cluster sizes (default 0: equal clusters). */
  readonly clusterSizeCV?: number;
}): number {
  const cv = input.clusterSizeCV ?? 0;
  return 1 + ((cv * cv + 1) * input.meanClusterSize - 1) * input.icc;
}
