/**
 * One arm's sufficient statistics for a cluster-robust analysis: its people and total, the people
 * who are their own cluster (in a partially clustered trial, every control) reduced to count,
 * total and total of squares, and each shared cluster (a caseworker's caseload, or a randomised
 * site) reduced to its size and total.
 */
export interface ClusteredArm {
  /** People in the arm, N. */
  readonly people: number;
  /** Σ y over the arm, S. */
  readonly total: number;
  /** People who are their own cluster, and their Σ y and Σ y². */
  readonly singletons: number;
  readonly singletonTotal: number;
  readonly singletonSumSquares: number;
  /** Size n_g of each shared cluster of the arm (clusters without analysed people are absent). */
  readonly clusterSizes: Float64Array;
  /** Σ y over each shared cluster, aligned with `clusterSizes`. */
  readonly clusterTotals: Float64Array;
}

/** The two arms' clustered statistics. */
export interface ClusteredArms {
  readonly treated: ClusteredArm;
  readonly control: ClusteredArm;
}

/**
 * Reduces person arrays to each arm's clustered sufficient statistics. `cluster[i]` is person i's
 * cluster index (≥ 0), or −1 when the person is a cluster of their own — so a partially
 * clustered trial passes each treated person's caseworker and −1 for every control, with no
 * array as long as the control arm. Returns null when a cluster has people in both arms: the
 * closed forms of the cluster-robust analysis need every cluster inside one arm.
 *
 * Formula in words: per arm, N = people, S = Σ y; per shared cluster g, n_g = people and
 * T_g = Σ y over them; over the singletons, their count, Σ y and Σ y².
 * Reference: none needed — bookkeeping; the statistics are those of the derivation in
 * `docs/clustered-analysis.md`.
 *
 * @example values [1, 3, 0, 2, 5], treated [1, 1, 1, 0, 0], cluster [0, 0, 1, −1, −1] →
 *   treated { people 3, total 4, singletons 0, clusterSizes [2, 1], clusterTotals [4, 0] },
 *   control { people 2, total 7, singletons 2, singletonTotal 7, singletonSumSquares 29, no clusters }
 */
export function summariseClusteredArms(
  values: Float64Array,
  treated: Uint8Array,
  cluster: Int32Array,
): ClusteredArms | null {
  let clusterCount = 0;
  for (let i = 0; i < cluster.length; i++) if (cluster[i] >= clusterCount) clusterCount = cluster[i] + 1;
  const sizes = new Float64Array(clusterCount);
  const totals = new Float64Array(clusterCount);
  // −1 = no analysed people yet; otherwise the arm (0/1) of the cluster's people.
  const arms = new Int8Array(clusterCount).fill(-1);
  const people = [0, 0];
  const armTotals = [0, 0];
  const singletons = [0, 0];
  const singletonTotals = [0, 0];
  const singletonSquares = [0, 0];
  for (let i = 0; i < values.length; i++) {
    const arm = treated[i];
    const value = values[i];
    people[arm] += 1;
    armTotals[arm] += value;
    const c = cluster[i];
    if (c < 0) {
      singletons[arm] += 1;
      singletonTotals[arm] += value;
      singletonSquares[arm] += value * value;
      continue;
    }
    if (arms[c] === -1) arms[c] = arm;
    else if (arms[c] !== arm) return null;
    sizes[c] += 1;
    totals[c] += value;
  }
  const armOf = (arm: number): ClusteredArm => {
    let count = 0;
    for (let c = 0; c < clusterCount; c++) if (arms[c] === arm) count += 1;
    const clusterSizes = new Float64Array(count);
    const clusterTotals = new Float64Array(count);
    for (let c = 0, j = 0; c < clusterCount; c++) {
      if (arms[c] !== arm) continue;
      clusterSizes[j] = sizes[c];
      clusterTotals[j++] = totals[c];
    }
    return {
      people: people[arm],
      total: armTotals[arm],
      singletons: singletons[arm],
      singletonTotal: singletonTotals[arm],
      singletonSumSquares: singletonSquares[arm],
      clusterSizes,
      clusterTotals,
    };
  };
  return { treated: armOf(1), control: armOf(0) };
}
