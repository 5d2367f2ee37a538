import type { AnalysisName, Design } from '../design.js';
import { compileSelection } from '../model/selection-plan.js';

/** The analyses the aggregate engine computes from cell summaries (the others need the per-person engine). */
const AGGREGATE_ANALYSES: ReadonlySet<AnalysisName> = new Set<AnalysisName>([
  'poisson-wald',
  'quasi-poisson',
  'negative-binomial',
  'welch-t',
  'mann-whitney',
  'permutation',
  'two-proportion-z',
  'fisher-exact',
  'risk-ratio',
  'cluster-summary',
]);

/** Whether the aggregated path is exact for a design, and if not, why. */
export type AggregateSupport = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Decides whether the aggregated engine simulates a design exactly. It is exact when, within each
 * cell (arm × group × site × randomisation unit × engaged), people are independent and identically
 * distributed given the drawn site multipliers, each analysed quantity's law is known in closed
 * form, and every reported number depends only on those cells' counts-of-counts (caseworker
 * clustering is fine: each caseload is its own cell, its multiplier drawn per trial). The checks, in
 * order (the first that fails is the reason):
 * - no `adjustForPrior` (a person-level covariate); selection on a prior window is exact when the
 *   selection outcomes have no own dispersion (`SelectedTotals`: the selected prior total, then
 *   follow-up given it);
 * - harm outcomes are drawn person by person only for people with events (a lognormal severity
 *   per event of their count's histogram), which every harm analysis but permutation can use;
 * - `cluster-summary` reads one mean per cluster, which the cells give directly (`clusterData`);
 * - no count with its own dispersion on top of the propensity's (a product of two gammas is not
 *   a gamma, so the count is not negative binomial);
 * - primary outcomes on two or more different random sources (count outcomes, or own-prevalence
 *   binaries) correlated by the propensity need their joint law for the family-wise results: it is
 *   drawn exactly (negative multinomial, `drawJointHistograms`) for any number of counts and at most
 *   one own-prevalence binary.
 * Secondary outcomes may share the propensity: each one's own tally needs only its marginal law.
 * Reference: DESIGN.md §3 (the model); issue 7.
 *
 * @example REF (one count, a binary from it) → { ok: true };
 *   MK → { ok: false, reason: 'analysis.adjustForPrior needs each person's prior-window count' }
 */
export function aggregateSupport(design: Design): AggregateSupport {
  const unknown = design.outcomes.find((o) => !AGGREGATE_ANALYSES.has(o.analysis));
  if (unknown)
    return no(`analysis "${unknown.analysis}" of outcome "${unknown.id}" is not computed by the aggregate engine`);
  if (design.analysis.adjustForPrior) return no("analysis.adjustForPrior needs each person's prior-window count");
  const plan = compileSelection(design);
  // A selection outcome's own noise is tilted by selection too (whatever the propensity), and is not drawn by total.
  if (plan !== null) {
    const noisy = Array.from(plan.outcomeIndices)
      .map((k) => design.outcomes[k])
      .find((o) => o.kind === 'count' && o.dispersion > 0);
    if (noisy)
      return no(`selection outcome "${noisy.id}" has its own dispersion, so its prior window is not negative binomial`);
  }
  const permutedHarm = design.outcomes.find((o) => o.kind === 'harm' && o.analysis === 'permutation');
  if (permutedHarm)
    return no(
      `harm outcome "${permutedHarm.id}" is analysed by permutation, which re-randomises continuous person-level values`,
    );
  const dispersed = design.outcomes.find(
    (o) => o.kind === 'count' && o.dispersion > 0 && design.propensityDispersion > 0,
  );
  if (dispersed) {
    return no(
      `count outcome "${dispersed.id}" has its own dispersion on top of the propensity's, so its counts are not negative binomial`,
    );
  }
  if (needsJointDraw(design)) {
    const binaries = design.outcomes.filter((o) => o.kind === 'binary' && o.from === null);
    if (binaries.length > 1) {
      return no(
        `own-prevalence binaries "${binaries[0].id}" and "${binaries[1].id}" share the propensity with a primary outcome ` +
          `of another source (dispersion ${design.propensityDispersion}), and their joint law is not drawn cell by cell`,
      );
    }
  }
  return { ok: true };
}

function no(reason: string): AggregateSupport {
  return { ok: false, reason };
}

/**
 * True when the propensity (dispersion > 0) ties sources together in a way the results depend on:
 * selection on the prior window (follow-up depends on the prior total), or two or more primary
 * outcomes on different random sources (count outcomes, or own-prevalence binaries; the
 * family-wise results need their joint law). The aggregated engine then draws the sources jointly
 * (`drawJointHistograms`) rather than one by one.
 *
 * @example MK's crime and knife, both primary, propensity 1.5 → true; REF → false
 */
export function needsJointDraw(design: Design): boolean {
  if (!(design.propensityDispersion > 0)) return false;
  if (design.selection !== null) return true;
  const sourceOf = (k: number): string => {
    const outcome = design.outcomes[k];
    return outcome.kind === 'binary' && outcome.from !== null ? outcome.from : outcome.id;
  };
  return new Set(design.outcomes.flatMap((o, k) => (o.primary ? [sourceOf(k)] : []))).size > 1;
}
