import type { Design } from '../design.js';
import { negativeBinomialTable, type NegativeBinomialTable } from '../distributions/negative-binomial-table.js';

// Tables kept per count outcome before the cache starts afresh (under assurance every trial has
// its own effect, so its own means; the stated and null runs need only a few).
const CACHE_LIMIT = 64;

/**
 * When every count outcome of a design can be drawn person by person from its marginal
 * negative-binomial law (one uniform each) instead of as a gamma multiplier then a Poisson count
 * — the gamma is then never drawn — with each count's dispersion and a cache of the laws' tables.
 */
export interface MarginalCounts {
  /**
   * Per design outcome: for counts, α of the count's law (Var = μ + αμ², α = 1/θ of R's glm.nb):
   * the propensity's dispersion or the outcome's own, whichever is not 0 (0: Poisson); 0 otherwise.
   */
  readonly dispersion: Float64Array;
  /** Per design outcome: the tables already laid out, by mean (pure memo: same mean, same table). */
  readonly tables: Map<number, NegativeBinomialTable | null>[];
}

/**
 * The marginal-count plan of a design, or null when its counts must be drawn through their
 * gamma multipliers.
 *
 * Formula in words: a person's count k is Poisson with mean μ_cell × P × N_k × S × C (propensity,
 * own noise, site and caseworker multipliers, all gamma with mean 1, μ_cell fixed by the person's
 * group and whether they engage). It is negative binomial with mean μ_cell and dispersion v
 * (Var = μ + vμ²) when at most one of those multipliers varies, with variance v (a gamma–Poisson
 * mixture); and people are then independent of one another and of everything else drawn in the
 * trial exactly when that multiplier is theirs alone and feeds nothing else. So the plan applies
 * when there is no selection (which conditions the multipliers on the prior window), no rollout
 * (whose rows share a person's multipliers and carry a cluster-by-period one), no varying site or
 * caseworker multiplier (shared by many people), and either the propensity does not vary or it
 * feeds exactly one outcome: a count without its own noise (an own-prevalence binary, or a
 * second count, reads it too). Binaries `from` a count and harm read only the count itself, so
 * they are unaffected; so is every analysis (none reads the latent multipliers).
 * Reference: Greenwood & Yule (1920); the model in docs/architecture.md.
 *
 * @example REF (propensity α = 1.25, one count, a binary from it) → dispersion [1.25, 0];
 *   MK (selection) → null; two counts sharing a varying propensity → null
 */
export function planMarginalCounts(
  design: Design,
  hasSelection: boolean,
  siteVariance: number,
  caseworkerVariance: number,
): MarginalCounts | null {
  if (hasSelection || design.plan.rollout || siteVariance > 0 || caseworkerVariance > 0) return null;
  const propensity = design.propensityDispersion;
  const readers = design.outcomes.filter((o) => o.kind === 'count' || (o.kind === 'binary' && o.from === null));
  if (propensity > 0 && (readers.length !== 1 || readers[0].kind !== 'count' || readers[0].dispersion > 0)) {
    return null;
  }
  return {
    dispersion: Float64Array.from(design.outcomes, (o) =>
      o.kind !== 'count' ? 0 : propensity > 0 ? propensity : o.dispersion,
    ),
    tables: design.outcomes.map(() => new Map()),
  };
}

/**
 * The table of outcome k's law with mean `mean` (laid out once, then reused), or null when the
 * law is too long to tabulate (`negativeBinomialTable`).
 *
 * @example countTable(planMarginalCounts(REF, false, 0, 0)!, 0, 1.2)!.last → the table's last value
 */
export function countTable(plan: MarginalCounts, k: number, mean: number): NegativeBinomialTable | null {
  const cache = plan.tables[k];
  let table = cache.get(mean);
  if (table === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    table = negativeBinomialTable(mean, plan.dispersion[k]);
    cache.set(mean, table);
  }
  return table;
}
