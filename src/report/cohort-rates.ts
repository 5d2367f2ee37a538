/**
 * The selected cohort's actual rates in words (the JSON `cohort` section), for the table notes and
 * the Markdown assumptions: eligibility selects the most active offenders, so the rates a trial
 * meets are not the population rates the scenario states, and a grant reviewer needs both.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { formatPercent } from './format-numbers.js';

/** One group's selected cohort: its eligible share and each count outcome's prior → follow-up rates. */
export interface CohortRateRow {
  readonly group: string;
  /** e.g. "31%". */
  readonly eligible: string;
  /** Per outcome: id, prior-window rate (or null) and control follow-up value, formatted. */
  readonly outcomes: readonly { readonly outcome: string; readonly prior: string | null; readonly followUp: string }[];
}

/** A share of a population, with a decimal below 10% so a rare eligibility does not read as 0%. */
function formatShare(share: number): string {
  return formatPercent(share, share < 0.1 ? 1 : 0);
}

/**
 * The cohort's rows when selection shaped it (some group not wholly eligible, or a prior window
 * simulated), else null. Count outcomes give rates per person-year with two decimals; binary
 * outcomes a follow-up prevalence; harm outcomes the mean harm per person over follow-up. Outcomes
 * analysed within one group repeat their parent's rates and are left out, as are binary and harm
 * outcomes unless `allKinds`.
 *
 * Example: milton-keynes youth → { group: "youth", eligible: "31%", outcomes: [{ outcome: "crime",
 * prior: "4.50", followUp: "4.50" }, { outcome: "knife", prior: "1.53", followUp: "1.23" }, …] }.
 */
export function cohortRateRows(summary: RunSummary, allKinds = false): CohortRateRow[] | null {
  const cohort = summary.cohort;
  if (!cohort || cohort.length === 0) return null;
  const selected = cohort.some(
    (group) => group.eligibleShare < 1 || group.outcomes.some((o) => o.priorRatePerYear !== null),
  );
  if (!selected) return null;
  const byId = new Map(summary.results.map((r) => [r.outcome, r]));
  return cohort.map((group) => ({
    group: group.group,
    eligible: formatShare(group.eligibleShare),
    outcomes: group.outcomes
      .filter((o) => {
        const result = byId.get(o.outcome);
        return result !== undefined && result.within === null && (allKinds || result.kind === 'count');
      })
      .map((o) => {
        const kind = byId.get(o.outcome)!.kind;
        const followUp =
          kind === 'count'
            ? o.controlFollowUp.toFixed(2)
            : kind === 'binary'
              ? formatPercent(o.controlFollowUp, 0)
              : o.controlFollowUp.toFixed(0);
        return {
          outcome: o.outcome,
          prior: o.priorRatePerYear === null ? null : o.priorRatePerYear.toFixed(2),
          followUp,
        };
      }),
  }));
}

/**
 * The table note: "Selected cohort (exact; count outcomes per person-year, prior window → control
 * follow-up): youth, 31% of the population eligible: crime 4.50 → 4.50, knife 1.53 → 1.23 · adult, …".
 * Null when selection did not shape the cohort.
 */
export function cohortRatesNote(summary: RunSummary): string | null {
  const rows = cohortRateRows(summary);
  if (!rows) return null;
  const groups = rows.map(
    (row) =>
      `${row.group}, ${row.eligible} of the population eligible: ` +
      row.outcomes.map((o) => `${o.outcome} ${o.prior ?? '—'} → ${o.followUp}`).join(', '),
  );
  return `Selected cohort (exact, from the scenario; count outcomes per person-year, prior window → expected in control follow-up): ${groups.join(' · ')}`;
}
