/**
 * A cohort extract as plain data: one entry per person of the population a trial's cohort is
 * drawn from, with their group, their counts of each outcome in a prior window and a follow-up
 * window, the time they were at risk in each, and the severities of their events. The reader in
 * `src/scenario/read-extract.ts` produces it from a CSV file (checking every value); `synth` and
 * the tests build it directly.
 */

/** Days in a year, for turning days at risk into years (the unit of `ratePerYear`). */
export const DAYS_PER_YEAR = 365.25;

/** One group of the extract: a scenario id and the label it had in the file. */
export interface ExtractGroup {
  readonly id: string;
  readonly label: string;
}

/** Severities of single events of one count outcome (for the harm severity fit). */
export interface ExtractSeverities {
  /** The count outcome whose events the severities belong to. */
  readonly from: string;
  /** 'events': every event's own severity; 'single-event-totals': harm totals of people with exactly one event. */
  readonly kind: 'events' | 'single-event-totals';
  readonly values: Float64Array;
}

/** The person-level extract. Arrays are indexed by person (0 … people − 1). */
export interface Extract {
  /** The file's name, as written in the fitted scenario's comments. */
  readonly source: string;
  readonly people: number;
  readonly groups: readonly ExtractGroup[];
  /** Index into `groups` of each person. */
  readonly group: Uint16Array;
  /** Count outcome ids, in column order. */
  readonly outcomes: readonly string[];
  /** Length of the prior window, or null when the extract has follow-up counts only. */
  readonly priorMonths: number | null;
  readonly followUpMonths: number;
  /** Per outcome, per person: events in the prior window (null without a prior window). */
  readonly priorCounts: readonly Float64Array[] | null;
  /** Per outcome, per person: events in the follow-up window. */
  readonly followUpCounts: readonly Float64Array[];
  /** Per person: years at risk in the prior window (null without a prior window). */
  readonly priorYears: Float64Array | null;
  /** Per person: years at risk in the follow-up window. */
  readonly followUpYears: Float64Array;
  /**
   * Events in the last `months` months of the prior window, by outcome id then months (from
   * `OUTCOME_prior_<months>m` columns), for eligibility rules with a shorter window.
   */
  readonly recentPriorCounts: Readonly<Record<string, Readonly<Record<number, Float64Array>>>>;
  readonly severities: ExtractSeverities | null;
}
