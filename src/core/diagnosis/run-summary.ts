/**
 * The result of a run as reported to users: the JSON document of DESIGN.md §5 (field names are
 * contract). Produced by `diagnose` from a tally; formatted by `src/report/`.
 */
import type { RolloutSummary } from '../assignment/rollout-schedule.js';
import type { GroupDescription } from '../inquiry/describe-cohort.js';

export interface OutcomeDiagnosis {
  readonly outcome: string;
  readonly label: string;
  readonly kind: 'count' | 'binary' | 'harm';
  readonly analysis: string;
  readonly primary: boolean;
  readonly within: string | null;
  /** True intention-to-treat effect on the ratio scale. */
  readonly estimand: number;
  readonly power: number;
  /** Wilson 95% interval for power. */
  readonly powerCI: readonly [number, number];
  /** Monte Carlo standard error of power. */
  readonly mcse: number;
  /** Power after the multiplicity correction across primary outcomes (equals power if none). */
  readonly adjustedPower: number;
  /** Rejection rate when every effect is none (paired null run); null with --no-null. */
  readonly typeIError: number | null;
  readonly typeIErrorCI: readonly [number, number] | null;
  /** Mean error of the log-ratio estimate. */
  readonly bias: number;
  readonly biasMcse: number;
  readonly rmse: number;
  /** Share of intervals that contain the true log ratio. */
  readonly coverage: number;
  readonly coverageMcse: number;
  /** Among significant results, the share with the wrong sign (null when none significant or no effect). */
  readonly typeS: number | null;
  /** Mean |log estimate| / |log truth| among significant results (null when undefined). */
  readonly exaggeration: number | null;
  /** exp(mean log estimate). */
  readonly meanEstimate: number;
  /** Trials in which the analysis could not be computed (counted, never dropped silently). */
  readonly failures: number;
  readonly nullFailures: number | null;
  /** The null run's rejection rate is above alpha beyond Monte Carlo error (null with --no-null). */
  readonly typeIErrorAboveAlpha: boolean | null;
  /** Plain-language warnings (invalid test, failures, …). */
  readonly warnings: readonly string[];
}

/** Family-wise rates over the primary outcomes, after the multiplicity correction. */
export interface Familywise {
  /** Share of trials where at least one primary outcome is significant after correction. */
  readonly anyPrimary: number;
  /** Share where every primary outcome is significant after correction. */
  readonly allPrimary: number;
  /** Share of null trials with at least one primary outcome significant after correction. */
  readonly errorUnderNull: number | null;
  readonly multiplicity: 'none' | 'bonferroni' | 'holm';
}

/** The whole run document (DESIGN.md §5). */
export interface RunSummary {
  readonly tool: { readonly name: 'trialsim'; readonly version: string };
  readonly command: string;
  readonly scenario: { readonly name: string; readonly title: string; readonly sha256: string };
  readonly seed: number;
  readonly trials: number;
  readonly complete: boolean;
  readonly design: { readonly treated: number; readonly control: number; readonly total: number };
  readonly results: readonly OutcomeDiagnosis[];
  readonly familywise: Familywise | null;
  readonly warnings: readonly string[];
  readonly timing: { readonly seconds: number; readonly trialsPerSecond: number; readonly threads: number };
  /**
   * The simulated cohort per group: the share of the population that passes the eligibility
   * rules, and per outcome the selected cohort's prior-window rate (null without selection) and
   * expected control follow-up value (rate per year, prevalence or mean harm), so authors can
   * calibrate against their own data.
   */
  readonly cohort?: readonly CohortGroupSummary[];
  /** Which engine simulated the trials: per person, or exact aggregated cells (see `chooseEngine`). */
  readonly engine?: 'person' | 'aggregate';
  /** A stepped-wedge rollout's schedule (absent for other designs). */
  readonly rollout?: RolloutSummary;
}

/** One group of the selected cohort, as `describeCohort` computes it (the same shape, declared once). */
export type CohortGroupSummary = GroupDescription;
