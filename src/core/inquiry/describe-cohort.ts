import type { Inquiry } from './inquiry.js';

/** The selected cohort of one group, for users calibrating a scenario against their own data. */
export interface GroupDescription {
  readonly group: string;
  /** Share of the group's population that passes the eligibility rules (1 without selection). */
  readonly eligibleShare: number;
  readonly outcomes: readonly {
    readonly outcome: string;
    /** Selected cohort's prior-window rate per person-year (count outcomes with selection), else null. */
    readonly priorRatePerYear: number | null;
    /** Expected control follow-up value: rate per person-year (count), prevalence (binary) or mean harm. */
    readonly controlFollowUp: number;
  }[];
}

/**
 * Describes the selected cohort per group (docs/json-output.md, "cohort"): the eligible share of the population,
 * and per outcome the selected people's prior-window rate and expected control follow-up rate.
 * With selection the follow-up rate is below the prior-window rate — regression to the mean —
 * while both exceed the population rate.
 * Reference: Maltz et al. (1980), Evaluation Review 4(2).
 *
 * @example no selection, crime 2.2 per year → { eligibleShare 1, priorRatePerYear null, controlFollowUp 2.2 }
 */
export function describeCohort(inquiry: Inquiry): GroupDescription[] {
  return inquiry.cohort.map((facts) => ({
    group: facts.id,
    eligibleShare: facts.eligibleShare,
    outcomes: inquiry.outcomeIds.map((outcome, k) => ({
      outcome,
      priorRatePerYear: Number.isNaN(facts.priorRatePerYear[k]) ? null : facts.priorRatePerYear[k],
      controlFollowUp: facts.controlFollowUp[k],
    })),
  }));
}
