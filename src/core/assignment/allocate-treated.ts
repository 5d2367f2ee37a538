import type { Rng } from '../rng/rng.js';

/**
 * Splits `treated` treated places over parts (strata, blocks) of the given sizes, as close as
 * possible to the same treated share in every part and adding up exactly: largest-remainder
 * rounding of size × treated / total, where parts tied at the cut share the last places at random.
 *
 * Formula in words: each part gets ⌊quota⌋, quota = size × treated/total; the R places left go
 * to the parts with the largest fractional parts; when several parts have the same fractional
 * part at the cut, R' of those G parts are picked uniformly at random (complete randomisation of
 * the places themselves).
 * Reference: Hamilton's apportionment; randomizr's block_ra, which rounds block counts at random
 * (Coppock 2023, randomizr documentation).
 *
 * @example sizes [73, 92], treated 45 → quotas 19.91 / 25.09 → [20, 25];
 *   sizes [5, 5], treated 5 → [3, 2] or [2, 3], each with probability ½
 */
export function allocateTreated(sizes: Int32Array, treated: number, rng: Rng | null): Int32Array {
  const { counts, order, tieStart, tieEnd, extra } = roundDown(sizes, treated);
  for (let k = 0; k < tieStart; k++) counts[order[k]] += 1;
  // Complete randomisation of the remaining places over the tied parts.
  let need = extra - tieStart;
  for (let k = tieStart, left = tieEnd - tieStart; k < tieEnd && need > 0; k++, left--) {
    if (rng === null || rng.next() * left < need) {
      counts[order[k]] += 1;
      need -= 1;
    }
  }
  return counts;
}

/**
 * The expected allocation of `allocateTreated` over its random tie-breaking: exact, so each
 * part's assignment probability is expected count / size.
 *
 * @example sizes [5, 5], treated 5 → [2.5, 2.5]
 */
export function expectedAllocation(sizes: Int32Array, treated: number): Float64Array {
  const { counts, order, tieStart, tieEnd, extra } = roundDown(sizes, treated);
  const expected = Float64Array.from(counts);
  for (let k = 0; k < tieStart; k++) expected[order[k]] += 1;
  for (let k = tieStart; k < tieEnd; k++) expected[order[k]] += (extra - tieStart) / (tieEnd - tieStart);
  return expected;
}

function roundDown(sizes: Int32Array, treated: number) {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const counts = new Int32Array(sizes.length);
  const remainders = new Float64Array(sizes.length);
  let assigned = 0;
  for (let p = 0; p < sizes.length; p++) {
    // Quotas in exact integer arithmetic: size·treated = total·⌊quota⌋ + remainder.
    const product = sizes[p] * treated;
    counts[p] = total > 0 ? Math.floor(product / total) : 0;
    remainders[p] = product - counts[p] * total;
    assigned += counts[p];
  }
  const extra = treated - assigned;
  const order = Array.from(sizes, (_, p) => p).sort((a, b) => remainders[b] - remainders[a] || a - b);
  // Parts [tieStart, tieEnd) share the remainder of the last part that gets a place.
  let tieStart = extra;
  let tieEnd = extra;
  if (extra > 0 && extra < order.length) {
    const cut = remainders[order[extra - 1]];
    if (remainders[order[extra]] === cut) {
      while (tieStart > 0 && remainders[order[tieStart - 1]] === cut) tieStart--;
      while (tieEnd < order.length && remainders[order[tieEnd]] === cut) tieEnd++;
    }
  }
  return { counts, order, tieStart, tieEnd, extra };
}
