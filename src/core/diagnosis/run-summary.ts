/**
 * The result of a run as reported to users: the run document of docs/json-output.md (field names are
 * contract). Produced by `diagnose` from a tally; formatted by `src/report/`.
 */
import type { RolloutSummary } from '../assignment/rollout-schedule.js';
import type { UncertainInput } from '../design.js';
import type { GroupDescription } from '../inquiry/describe-cohort.js';
import type { StepDiagnosis } from './diagnose-steps.js';
import type { ToleranceVerdict } from './tolerance-band.js';
import type { SequentialDiagnosis } from './sequential-diagnosis.js';

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
  /**
   * The null run's rejection rate is above alpha beyond Monte Carlo error: its 99% Wilson interval
   * lies wholly above alpha (null with --no-null). Not an alarm by itself: see `typeIErrorTolerance`.
   */
  readonly typeIErrorAboveAlpha: boolean | null;
  /** Bradley's tolerance band for the rejection rate, [0.5α, 1.5α]. */
  readonly typeIErrorBand: readonly [number, number];
  /**
   * 'above' or 'below' when the 99% Wilson interval of `typeIError` lies wholly outside
   * `typeIErrorBand`, else 'within' (null with --no-null). 'above' is the report's `!`.
   */
  readonly typeIErrorTolerance: ToleranceVerdict | null;
  /** Wilson 95% interval of `coverage`. */
  readonly coverageCI: readonly [number, number];
  /** The tolerance band for coverage of a 1 − α interval, [1 − 1.5α, 1 − 0.5α]. */
  readonly coverageBand: readonly [number, number];
  /**
   * 'below' (intervals too narrow) or 'above' (too wide) when the 99% Wilson interval of
   * `coverage` lies wholly outside `coverageBand`, else 'within' (null when no trial gave an estimate).
   */
  readonly coverageTolerance: ToleranceVerdict | null;
  /**
   * cluster-robust outcomes only (else null): the CR2 Satterthwaite degrees of freedom planned from
   * the design's clusters. Below 4 its intervals and p-values cannot be trusted: the row shows that
   * verdict instead of judging coverage and type I error; power is still counted.
   */
  readonly plannedDegreesOfFreedom: number | null;
  /** Plain-language warnings (invalid test, failures, …). */
  readonly warnings: readonly string[];
  /**
   * Arithmetic mean of the ratio estimate exp(log estimate) over significant results (unadjusted
   * p-value) with truth ≠ 0 and the truth's sign: what a significant trial that finds the true
   * direction reports on average, e.g. 0.41 — "a 59% reduction" — when the truth is 0.888. Null
   * when there is no such trial.
   */
  readonly meanSignificantRatio: number | null;
  /**
   * Under a replication plan, for an outcome with an original: the original as read and the
   * design prior the replication's true effect was drawn from (absent otherwise).
   */
  readonly original?: OriginalSummary;
  /**
   * Under a replication plan, for an outcome with an original: the share of trials in which the
   * replication succeeded under each criterion (keyed by `criterionKey`), with its Wilson 95%
   * interval (absent otherwise).
   */
  readonly replicationSuccess?: Readonly<Record<string, ReplicationSuccessEstimate>>;
  /**
   * A stepped-wedge rollout only: the effect at each exposure time (periods since crossover), from
   * the exposure-time indicator model on the cluster-period log means (absent otherwise).
   */
  readonly steps?: readonly StepDiagnosis[];
}

/** The probability of replication success under one criterion, with its Monte Carlo interval. */
export interface ReplicationSuccessEstimate {
  readonly probability: number;
  /** Wilson 95% interval. */
  readonly ci: readonly [number, number];
}

/** An original result as the simulation read it, and the design prior built on it. */
export interface OriginalSummary {
  /** The reported ratio. */
  readonly estimate: number;
  /** σ_o, the standard error of its log. */
  readonly standardError: number;
  /** z_o = log(estimate)/σ_o. */
  readonly z: number;
  /** True when the report said only "significant" and p = 0.05 was assumed. */
  readonly assumedJustSignificant: boolean;
  readonly prior: 'conditional' | 'predictive' | 'eb';
  /** τ, between-study SD of the log ratio. */
  readonly heterogeneity: number;
  /** The prior's median ratio for the replication, exp(mean). */
  readonly priorMedian: number;
  /** The prior's SD of the replication's log ratio. */
  readonly priorSdLog: number;
}

/** Family-wise rates over the primary outcomes, after the multiplicity correction. */
export interface Familywise {
  /** Share of trials where at least one primary outcome is significant after correction. */
  readonly anyPrimary: number;
  /** Share where every primary outcome is significant after correction. */
  readonly allPrimary: number;
  /** Share of null trials with at least one primary outcome significant after correction. */
  readonly errorUnderNull: number | null;
  /** `errorUnderNull` judged against Bradley's band [0.5α, 1.5α] by its 99% Wilson interval (null with --no-null). */
  readonly errorUnderNullTolerance: ToleranceVerdict | null;
  /** The 99% Wilson interval of `errorUnderNull` lies wholly above α (null with --no-null). */
  readonly errorUnderNullAboveAlpha: boolean | null;
  readonly multiplicity: 'none' | 'bonferroni' | 'holm';
}

/** One uncertain input of the scenario as a run used it. */
export interface UncertainInputUse extends UncertainInput {
  readonly used: 'central' | 'drawn per trial';
}

/** The whole run document (docs/json-output.md). */
export interface RunSummary {
  readonly tool: { readonly name: 'trialsim'; readonly version: string; readonly streamVersion?: number };
  readonly command: string;
  /**
   * `sha256` is the design hash (SHA-256 of the compiled design's canonical JSON: it changes with
   * --set, --trials, --seed and --engine); `fileSha256` is the scenario file's own SHA-256 (of its
   * bytes, equal to `sha256sum FILE`), absent where no file was read.
   */
  readonly scenario: {
    readonly name: string;
    readonly title: string;
    readonly sha256: string;
    readonly fileSha256?: string;
  };
  readonly seed: number;
  readonly trials: number;
  readonly complete: boolean;
  readonly design: { readonly treated: number; readonly control: number; readonly total: number };
  readonly results: readonly OutcomeDiagnosis[];
  readonly familywise: Familywise | null;
  readonly warnings: readonly string[];
  /**
   * How long the run took, on how many threads; `resultsDependOnThreads` is always false (the
   * numbers depend on scenario, seed and trial count only) and says so where the thread count is read.
   */
  readonly timing: {
    readonly seconds: number;
    readonly trialsPerSecond: number;
    readonly threads: number;
    readonly resultsDependOnThreads?: false;
  };
  /**
   * The simulated cohort per group: the share of the population that passes the eligibility
   * rules, and per outcome the selected cohort's prior-window rate (null without selection) and
   * expected control follow-up value (rate per year, prevalence or mean harm), so authors can
   * calibrate against their own data.
   */
  readonly cohort?: readonly CohortGroupSummary[];
  /** Which engine simulated the trials: per person, or exact aggregated cells (see `chooseEngine`). */
  readonly engine?: 'person' | 'aggregate';
  /**
   * The scenario's uncertain inputs (present only when it has any) and how this run used each:
   * `central` (held at its central value, as `run` does) or `drawn per trial` (assurance: an
   * uncertain effect always, any input under `--assurance`).
   */
  readonly uncertainInputs?: readonly UncertainInputUse[];
  /** A group-sequential design (`design.interim`) only: its looks, stopping probabilities and costs. */
  readonly sequential?: SequentialDiagnosis;
  /** A stepped-wedge rollout's schedule (absent for other designs). */
  readonly rollout?: RolloutSummary;
}

/** One group of the selected cohort, as `describeCohort` computes it (the same shape, declared once). */
export type CohortGroupSummary = GroupDescription;
