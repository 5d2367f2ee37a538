/**
 * The sceptical z-value z_S of an original and a replication (Held 2020): the largest |z| at which
 * a sceptic, whose prior is just sceptical enough to make the original non-significant, is still
 * contradicted by the replication. Replication success needs both studies to be convincing; z_S
 * never exceeds the smaller of |z_o| and |z_r|.
 *
 * Formula in words: with A = (z_o² + z_r²)/2 (arithmetic mean of the squares) and
 * H = 2/(1/z_o² + 1/z_r²) (their harmonic mean), z_S² is the root of Held's quadratic,
 * z_S² = (√(A·(A + (c − 1)·H)) − A)/(c − 1), which at c = 1 is H/2. It is computed here in the
 * equivalent form A·H / (A + √(A·(A + (c − 1)·H))), exact for every c ≥ 0 without the
 * cancellation of the quotient near c = 1.
 * Reference: Held (2020), JRSS A 183:431, eq. (5); Held, Micheloud & Pawel (2022), Ann Appl Stat
 * 16:706, §2.
 *
 * @param zOriginal z_o = θ_o/σ_o
 * @param zReplication z_r = θ_r/σ_r
 * @param varianceRatio c = σ_o²/σ_r² ≥ 0 (about the replication's size relative to the original's)
 * @example
 * scepticalZ(2, 3, 2) // ≈ 1.531634 (R ReplicationSuccess: zSceptical(zo = 2, zr = 3, c = 2))
 */
export function scepticalZ(zOriginal: number, zReplication: number, varianceRatio: number): number {
  const originalSquared = zOriginal * zOriginal;
  const replicationSquared = zReplication * zReplication;
  const sum = originalSquared + replicationSquared;
  if (originalSquared === 0 || replicationSquared === 0) return 0;
  const arithmetic = sum / 2;
  const harmonic = (2 * originalSquared * replicationSquared) / sum;
  const root = Math.sqrt(arithmetic * (arithmetic + (varianceRatio - 1) * harmonic));
  return Math.sqrt((arithmetic * harmonic) / (arithmetic + root));
}
