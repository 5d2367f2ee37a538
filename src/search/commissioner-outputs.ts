/**
 * What a commissioner asks of a plan: how many caseworkers, what it costs, how many offences (and
 * how much harm) it would prevent each year, the cost of each offence prevented, and how many
 * areas and years of recruitment a trial of the required size takes.
 */
import type { Costs } from '../core/design.js';

/** One count or harm outcome's control rate and intention-to-treat effect. */
export interface AvertableOutcome {
  readonly id: string;
  readonly label: string;
  readonly kind: 'count' | 'harm';
  /** Control-arm events (or harm units) per person-year. */
  readonly controlPerPersonYear: number;
  /** Intention-to-treat ratio (treated over control), e.g. the run's estimand. */
  readonly estimand: number;
}

/** Costs, sizes and outcomes of the plan being costed. */
export interface CommissionerInput {
  readonly costs: Costs;
  /** Months of support per treated person (the scenario's follow-up, during which the effect is measured). */
  readonly supportMonths: number;
  /** People treated and randomised in the trial being planned. */
  readonly treated: number;
  readonly total: number;
  /** Areas (local partnerships) recruiting, e.g. the scenario's sites, or 1. */
  readonly areas: number;
  readonly outcomes: readonly AvertableOutcome[];
}

/** What the programme prevents of one outcome, and at what cost. */
export interface OutcomeAverted {
  readonly outcome: string;
  readonly label: string;
  readonly kind: 'count' | 'harm';
  /** Events (or harm units) prevented per 100 people offered support for a year (intention to treat). */
  readonly avertedPer100PersonYears: number;
  /** Prevented per area per year if every eligible person were offered support. */
  readonly avertedPerAreaYear: number;
  /** Pounds per event (or harm unit) prevented; null when the effect prevents nothing. */
  readonly costPerAverted: number | null;
}

/** The commissioner's figures for one plan (pounds, people, years). */
export interface CommissionerOutputs {
  /** Caseworkers for the trial's treated arm: ⌈treated / caseload⌉. */
  readonly caseworkers: number;
  /** Pounds to support one treated person: caseworker share for the support period plus per-person costs. */
  readonly costPerPersonTreated: number;
  /**
   * Pounds to deliver the trial's treated arm: whole caseworkers (they are hired, not shared) for
   * the support period, plus the per-person costs.
   */
  readonly deliveryCost: number;
  /** Area-years of eligible people the trial needs (total / eligible per area per year). */
  readonly areaYears: number;
  /** Years of recruitment with the scenario's areas. */
  readonly recruitmentYears: number;
  /** Alternatives: years of recruitment for a few numbers of areas. */
  readonly scaleOptions: readonly { readonly areas: number; readonly years: number }[];
  readonly outcomes: readonly OutcomeAverted[];
}

/**
 * Computes the commissioner outputs.
 *
 * Cost per person = caseworkerAnnualCost / caseload × supportMonths / 12 + perPersonCost (the
 * cost of supporting one more person at roll-out). The trial's delivery cost = caseworkers ×
 * caseworkerAnnualCost × supportMonths / 12 + perPersonCost × treated, with the caseworkers
 * whole, ⌈treated / caseload⌉, so it agrees with the caseworkers printed beside it.
 * Prevented per person-year (intention to treat) = control rate × (1 − ITT ratio); cost per
 * event prevented = cost per person / (prevented per person-year × supportMonths / 12), i.e. it
 * assumes the effect lasts as long as the support and no longer (a conservative reading).
 * Area-years = total / eligiblePerAreaPerYear.
 *
 * Example: costs { 45 000, caseload 22, 500, 80 per area-year }, 12 months, 300 treated of 600 in
 * 10 areas, knife 0.6 per person-year with ITT ratio 0.888 → 14 caseworkers, £2,545 per person,
 * £780,000 delivery (14 × £45,000 + 300 × £500), 7.5 area-years (0.75 years), 6.72 knife offences prevented per 100
 * person-years, £37,879 per knife offence prevented.
 */
export function commissionerOutputs(input: CommissionerInput): CommissionerOutputs {
  const { costs } = input;
  const supportYears = input.supportMonths / 12;
  const costPerPersonTreated = (costs.caseworkerAnnualCost / costs.caseload) * supportYears + costs.perPersonCost;
  const areaYears = input.total / costs.eligiblePerAreaPerYear;
  const outcomes = input.outcomes.map((outcome): OutcomeAverted => {
    const avertedPerPersonYear = outcome.controlPerPersonYear * (1 - outcome.estimand);
    return {
      outcome: outcome.id,
      label: outcome.label,
      kind: outcome.kind,
      avertedPer100PersonYears: 100 * avertedPerPersonYear,
      avertedPerAreaYear: avertedPerPersonYear * costs.eligiblePerAreaPerYear,
      costPerAverted: avertedPerPersonYear > 0 ? costPerPersonTreated / (avertedPerPersonYear * supportYears) : null,
    };
  });
  const caseworkers = Math.ceil(input.treated / costs.caseload);
  return {
    caseworkers,
    costPerPersonTreated,
    deliveryCost: caseworkers * costs.caseworkerAnnualCost * supportYears + costs.perPersonCost * input.treated,
    areaYears,
    recruitmentYears: areaYears / input.areas,
    scaleOptions: [...new Set([1, 2, 5, 10, input.areas])]
      .sort((a, b) => a - b)
      .map((areas) => ({ areas, years: areaYears / areas })),
    outcomes,
  };
}
