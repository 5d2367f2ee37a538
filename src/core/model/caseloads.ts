/**
 * Gives each treated person a caseworker: within each site, the treated people (in index order)
 * are dealt round-robin to ⌈treated at the site / caseload⌉ caseworkers, so caseloads differ by
 * at most one person. Controls get −1.
 *
 * Formula in words: caseworker of the t-th treated person at site s = first index of site s +
 * (t mod ⌈n_s / caseload⌉).
 * Reference: none needed — a deterministic bookkeeping rule; the randomness is in the assignment.
 *
 * @example treated [1, 0, 1, 1, 1], one site, caseload 2 → 2 caseworkers: [0, −1, 1, 0, 1]
 * @returns the caseworker index per person and the number of caseworkers
 */
export function assignCaseloads(
  treated: Uint8Array,
  site: Uint16Array,
  siteCount: number,
  caseload: number,
): { caseworker: Int32Array; caseworkers: number } {
  const size = treated.length;
  const treatedAtSite = new Int32Array(siteCount);
  for (let i = 0; i < size; i++) if (treated[i] === 1) treatedAtSite[site[i]]++;
  const firstCaseworker = new Int32Array(siteCount);
  const caseworkersAtSite = new Int32Array(siteCount);
  let caseworkers = 0;
  for (let s = 0; s < siteCount; s++) {
    firstCaseworker[s] = caseworkers;
    caseworkersAtSite[s] = Math.ceil(treatedAtSite[s] / Math.max(1, caseload));
    caseworkers += caseworkersAtSite[s];
  }
  const dealt = new Int32Array(siteCount);
  const caseworker = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i++) {
    if (treated[i] !== 1) continue;
    const s = site[i];
    caseworker[i] = firstCaseworker[s] + (dealt[s] % caseworkersAtSite[s]);
    dealt[s]++;
  }
  return { caseworker, caseworkers };
}
