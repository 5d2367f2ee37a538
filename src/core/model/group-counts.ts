import type { Group } from '../design.js';

/**
 * Splits `total` people over groups in proportion to their shares, as whole numbers that add up
 * to `total` (largest-remainder rounding; ties go to the earlier group, so it is deterministic).
 *
 * Formula in words: give each group ⌊share × total⌋, then one more to the groups with the largest
 * fractional parts until the total is reached.
 * Reference: Hamilton's method of apportionment (Balinski & Young, Fair Representation, 1982).
 *
 * @example shares 0.44 / 0.56 of 165 → quotas 72.6 / 92.4 → [73, 92]
 */
export function countGroups(groups: readonly Group[], total: number): Int32Array {
  const counts = new Int32Array(groups.length);
  const quotas = groups.map((group) => group.share * total);
  let assigned = 0;
  for (let g = 0; g < groups.length; g++) {
    counts[g] = Math.floor(quotas[g] + 1e-9);
    assigned += counts[g];
  }
  const order = quotas.map((_, g) => g).sort((a, b) => quotas[b] - counts[b] - (quotas[a] - counts[a]) || a - b);
  for (let k = 0; assigned < total; k = (k + 1) % groups.length) {
    counts[order[k]] += 1;
    assigned += 1;
  }
  while (assigned > total) {
    // Shares summing slightly above 1 by rounding: take back from the largest group.
    const largest = counts.indexOf(Math.max(...counts));
    counts[largest] -= 1;
    assigned -= 1;
  }
  return counts;
}
