/**
 * The `Design`: a scenario after validation, as frozen plain data (no functions, no classes), so
 * it can be posted to a worker thread and hashed. Everything the engine needs is here, with every
 * default filled in and every by-group value expanded to one entry per group.
 *
 * The scenario loader (`src/scenario/`) is the only producer; the core only reads it.
 */
import type { EfficacyRule, FutilityRule } from './analysis/group-sequential/sequential-design.js';

import type { ReplicationCriterion, ScepticalRecalibration } from './analysis/replication/replication-criterion.js';
import type { DesignPriorKind } from './inquiry/design-prior.js';
import type { ReportedResult } from './inquiry/original-result.js';

/** A value given for each group id (a scalar in the scenario is expanded to every group). */
export type ByGroup<T> = Readonly<Record<string, T>>;

/** One part of the eligible cohort, e.g. an age band. */
export interface Group {
  readonly id: string;
  readonly label: string;
  /** Share of the trial cohort in this group; shares sum to 1. */
  readonly share: number;
}

/** One eligibility rule on the simulated prior window. */
export interface SelectionRule {
  /** Count outcomes whose prior-window events are added together. */
  readonly outcomes: readonly string[];
  /** At least this many events ... */
  readonly atLeast: number;
  /** ... in the last this-many months before randomisation (≤ priorMonths). */
  readonly withinMonths: number;
}

/** Eligibility from a simulated prior history; every rule must hold. */
export interface Selection {
  readonly priorMonths: number;
  readonly require: readonly SelectionRule[];
}

/**
 * Uncertainty about an effect, for assurance: each trial draws its ratio from this distribution
 * (the same draw for every group, multiplying each group's stated ratio relative to the median).
 */
export type EffectDistribution =
  | { readonly kind: 'lognormal'; readonly median: number; readonly sdLog: number }
  | {
      readonly kind: 'uniform';
      readonly from: number;
      readonly to: number;
      /** The stated ratio when it is not the midpoint (present only when the scenario gives one). */
      readonly central?: number;
    };

/**
 * One uncertain input of a scenario (docs/scenario-language.md, "Uncertain values"): a number the
 * scenario gives as a range or a distribution. The Design holds its central value where the engine
 * reads the number; this entry carries the uncertainty alongside, for `sensitivity` (which moves it
 * from `low` to `high`) and assurance (which draws it per trial).
 */
export interface UncertainInput {
  /** Where it is written, as a `--set` path, e.g. `cohort.propensity.dispersion` or `outcomes.knife.ratePerYear.youth`. */
  readonly path: string;
  /** The value `run` uses: a range's central value (default its midpoint) or a lognormal's median. */
  readonly central: number;
  /** The plausible range: a range's ends, or a lognormal's central 95% (median ÷ spread^1.96 to median × spread^1.96). */
  readonly low: number;
  readonly high: number;
  /** Its distribution for assurance: uniform over [from, to], or lognormal. */
  readonly distribution:
    | { readonly kind: 'uniform'; readonly from: number; readonly to: number }
    | { readonly kind: 'lognormal'; readonly median: number; readonly sdLog: number };
  /** True when the number must be whole (a size, a count of sites): draws are rounded. */
  readonly integer: boolean;
  /** True for an effect ratio, which assurance already draws per trial (`effectDistribution`). */
  readonly effect: boolean;
  /**
   * Under assurance (`simulation.drawInputs`), where the drawn value goes: the paths of the Design's
   * numbers that equal this input (e.g. both groups' entries of a scalar rate). Absent otherwise.
   */
  readonly targets?: readonly (readonly (string | number)[])[];
}

/** The analyses a count outcome can take (docs/scenario-language.md, "Analysis names"). */
export type CountAnalysis =
  | 'poisson-wald'
  | 'quasi-poisson'
  | 'negative-binomial'
  | 'welch-t'
  | 'mann-whitney'
  | 'permutation'
  | 'cluster-summary'
  | 'cluster-robust'
  | RolloutAnalysis;
/**
 * The analyses of a stepped-wedge rollout (docs/sequential-and-stepped-wedge.md): the
 * within-cluster analysis of cluster-period log rates with cluster and period fixed effects, the
 * Hussey & Hughes mixed model by GLS with moment variance components, and the permutation of
 * crossover times.
 */
export type RolloutAnalysis = 'stepped-wedge-within' | 'stepped-wedge-mixed' | 'stepped-wedge-permutation';
/** The analyses a binary outcome can take. */
export type BinaryAnalysis =
  'two-proportion-z' | 'fisher-exact' | 'risk-ratio' | 'permutation' | 'cluster-summary' | 'cluster-robust';
/** The analyses a harm outcome can take. */
export type HarmAnalysis =
  'welch-t' | 'mann-whitney' | 'permutation' | 'quasi-poisson' | 'cluster-summary' | 'cluster-robust' | RolloutAnalysis;
/** Any analysis name. */
export type AnalysisName = CountAnalysis | BinaryAnalysis | HarmAnalysis;

interface OutcomeBase {
  readonly id: string;
  readonly label: string;
  readonly analysis: AnalysisName;
  /** Primary outcomes enter the family-wise results and the multiplicity correction. */
  readonly primary: boolean;
  /** Analyse only people of this group (e.g. the under-18 sub-group), or null for everyone. */
  readonly within: string | null;
  /**
   * The original trial's reported result for this outcome, when the scenario plans its
   * replication (absent otherwise). Under a `replication` plan the outcome's true effect is drawn
   * per trial from the design prior built on it (docs/replication-design.md).
   */
  readonly original?: ReportedResult;
}

/** Offences counted over follow-up. */
export interface CountOutcome extends OutcomeBase {
  readonly kind: 'count';
  /** Control rate per person-year in the population the cohort is drawn from. */
  readonly ratePerYear: ByGroup<number>;
  /** Extra gamma noise on this outcome alone (Var multiplier; 0 = none), persistent per person. */
  readonly dispersion: number;
  /** Rate ratio for engaged treated people, per group. */
  readonly rateRatio: ByGroup<number>;
  readonly effectDistribution: EffectDistribution | null;
}

/** Any event (prevalence): either its own prevalence, or "count outcome `from` > 0". */
export interface BinaryOutcome extends OutcomeBase {
  readonly kind: 'binary';
  /** Own control prevalence per group, or null when derived from a count outcome. */
  readonly prevalence: ByGroup<number> | null;
  /** The count outcome this binary is derived from (any event = count > 0), or null. */
  readonly from: string | null;
  /** Risk ratio for engaged treated people (own-prevalence binaries only; 1 when derived). */
  readonly riskRatio: ByGroup<number>;
  readonly effectDistribution: EffectDistribution | null;
}

/** Severity-weighted sum of a count outcome's events (e.g. Cambridge Crime Harm Index days). */
export interface HarmOutcome extends OutcomeBase {
  readonly kind: 'harm';
  readonly from: string;
  /** Lognormal severity per event: median, and sdLog = ln(spread). */
  readonly severity: { readonly distribution: 'lognormal'; readonly median: number; readonly sdLog: number };
  /** Multiplies the severity of engaged treated people's events, per group. */
  readonly severityRatio: ByGroup<number>;
  readonly effectDistribution: EffectDistribution | null;
}

/** One outcome of the trial: a count, a binary, or the harm of a count's events. */
export type Outcome = CountOutcome | BinaryOutcome | HarmOutcome;

/** How many people are randomised, and to which arm. */
export type Size =
  /** Exactly this many treated and control people. */
  | { readonly kind: 'fixed'; readonly treated: number; readonly control: number }
  /** A total split by allocation ratio treated:control (e.g. 1:1 → treatedShare 0.5). */
  | { readonly kind: 'ratio'; readonly total: number; readonly treatedShare: number };

/** How people (or, under 'cluster', sites) are assigned to arms. */
export type Randomisation = 'simple' | 'complete' | 'stratified' | 'cluster';

/** Sites (local partnerships) for multi-site designs; the cluster in cluster randomisation. */
export interface Sites {
  readonly count: number;
  /**
   * Between-site variation of the rate: coefficient of variation of a gamma (mean 1) site
   * multiplier shared by everyone at a site (a scenario's `icc` is converted to this on load).
   */
  readonly rateCV: number;
}

/** Caseworker clustering of the treated arm: people share a caseworker's effectiveness. */
export interface Caseworkers {
  readonly caseload: number;
  /**
   * Intra-class correlation of the first primary count outcome (at the cohort's control mean)
   * within a caseload; the model turns it into a gamma (mean 1) caseworker rate multiplier.
   */
  readonly icc: number;
}

/**
 * Interim analyses of a group-sequential design (docs/sequential-and-stepped-wedge.md, "Interim
 * looks in the simulation"): looks at information fractions t_1 < … < t_K = 1, each the analysis
 * of the first ⌈t_k·N⌉ of the N people recruited (those with complete follow-up at month
 * F + t_k·R under uniform recruitment over R months and follow-up F); the first primary outcome is
 * monitored, on the analysis's own sides and α.
 */
export interface Interim {
  /** Information fractions of the looks, increasing, the last 1. */
  readonly looks: readonly number[];
  /** How the efficacy boundaries are set: classic shape, or Lan–DeMets α-spending. */
  readonly efficacy: EfficacyRule;
  /** Non-binding futility boundaries by β-spending, or null for none. */
  readonly futility: FutilityRule | null;
  /** Months over which the N people are recruited (uniformly), for calendar time; null if not given. */
  readonly recruitmentMonths: number | null;
}

/** How the people of a rollout are sampled over its periods. */
export type RolloutSampling = 'cross-sectional' | 'closed-cohort';

/**
 * A stepped-wedge rollout: `clusters` (areas, local partnerships; the design's sites) start in
 * control and are randomised to the step at which they cross to treatment, `steps` of them, one
 * period apart, so the trial has `steps` + 1 periods of `periodMonths` each and every cluster is
 * treated in the last. Each cluster-period holds about `peoplePerClusterPeriod` people: new people every
 * period (cross-sectional) or the same people followed through every period (closed cohort).
 * Counts in a cluster-period are multiplied by the period's secular trend and by a gamma (mean 1)
 * cluster-by-period multiplier drawn fresh each trial; the cluster multiplier is the sites' own
 * (`Sites.rateCV`). See docs/scenario-language.md (rollout) and docs/sequential-and-stepped-wedge.md.
 */
export interface Rollout {
  readonly clusters: number;
  readonly steps: number;
  /** Length of one period; each person-period's counts are over this many months. */
  readonly periodMonths: number;
  readonly sampling: RolloutSampling;
  /** People per cluster-period on average (cells differ by at most one when the total does not divide evenly). */
  readonly peoplePerClusterPeriod: number;
  /** Rate multiplier of period j relative to period 0 (the secular trend), one per period. */
  readonly periodTrend: readonly number[];
  /** Variance of the gamma (mean 1) cluster-by-period rate multiplier (0 = the cluster effect never varies). */
  readonly clusterPeriodVariance: number;
}

/** The data strategy: size, follow-up, randomisation, engagement, attrition, caseworkers and sites. */
export interface DesignPlan {
  readonly followUpMonths: number;
  readonly size: Size;
  readonly randomisation: Randomisation;
  /** Stratify by these person attributes ('group', 'site'); empty for none. */
  readonly strata: readonly ('group' | 'site')[];
  /** Block size for stratified randomisation (0 = balance each stratum as a whole). */
  readonly blockSize: number;
  /** Share of treated people who take up the support, per group. */
  readonly engagement: ByGroup<number>;
  /** Share of people whose outcome is unobserved. */
  readonly attrition: number;
  readonly caseworkers: Caseworkers | null;
  readonly sites: Sites | null;
  /** Interim looks with stopping rules (a group-sequential design); absent for one analysis at the end. */
  readonly interim?: Interim;
  /**
   * A stepped-wedge rollout, or absent/null. With a rollout, `sites` are its clusters,
   * `randomisation` is 'cluster', `size.total` is the number of distinct people, and
   * `followUpMonths` is one period (the exposure of one person-period).
   */
  readonly rollout?: Rollout | null;
}

/** The answer strategy's settings shared by every outcome. */
export interface AnalysisPlan {
  readonly alpha: number;
  readonly sides: 'two' | 'one';
  readonly multiplicity: 'none' | 'bonferroni' | 'holm';
  /** Use prior-window counts as a covariate where the analysis allows (needs `selection`). */
  readonly adjustForPrior: boolean;
  /** Re-randomisations per permutation test. */
  readonly permutations: number;
}

/** Which engine simulates the trials: per person, aggregated cells, or the aggregated one wherever it is exact. */
export type EngineChoice = 'auto' | 'person' | 'aggregate';

/** How many trials to simulate, from which seed, on which engine. */
export interface SimulationPlan {
  readonly trials: number;
  readonly seed: number;
  /** The engine asked for (absent = 'auto'; `chooseEngine` in src/core/choose-engine.ts decides). */
  readonly engine?: EngineChoice;
  /**
   * Assurance over every uncertain input: each trial draws the design's `uncertainInputs` from
   * their distributions (present and true only under `--assurance`; otherwise they stay at their
   * central values).
   */
  readonly drawInputs?: boolean;
}

/** The original (pilot) trial, for planning: its arm sizes and reported ratio per outcome id. */
export interface Pilot {
  readonly treated: number;
  readonly control: number;
  /** Reported ratio (treated over control) per outcome id; only the outcomes the pilot reported. */
  readonly estimates: Readonly<Record<string, number>>;
}

/** Delivery costs and scale, for commissioner outputs. */
export interface Costs {
  /** Pounds per caseworker per year. */
  readonly caseworkerAnnualCost: number;
  /** People per caseworker. */
  readonly caseload: number;
  /** Pounds per treated person, on top of caseworkers. */
  readonly perPersonCost: number;
  /** Eligible people per area (local partnership) per year. */
  readonly eligiblePerAreaPerYear: number;
}

/** The whole validated scenario. */
export interface Design {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly groups: readonly Group[];
  /** Gamma frailty variance of the shared propensity (mean 1); 0 = none (Poisson counts). */
  readonly propensityDispersion: number;
  readonly selection: Selection | null;
  readonly outcomes: readonly Outcome[];
  readonly plan: DesignPlan;
  readonly analysis: AnalysisPlan;
  readonly simulation: SimulationPlan;
  /** The pilot trial, when the scenario gives one (the loader always sets it, null when absent). */
  readonly pilot?: Pilot | null;
  /** Costs, when the scenario gives them (the loader always sets it, null when absent). */
  readonly costs?: Costs | null;
  /** The replication plan, when the scenario gives one (absent otherwise). */
  readonly replication?: ReplicationPlan;
  /**
   * The scenario's uncertain inputs, in document order (present only when it has any, so other
   * designs compile and hash as before). The rest of the Design holds their central values.
   */
  readonly uncertainInputs?: readonly UncertainInput[];
}

/** One success criterion of a replication, with the sceptical p-value's recalibration. */
export interface ReplicationSuccessCriterion {
  readonly criterion: ReplicationCriterion;
  /** Only for `sceptical` (golden unless the scenario chose nominal or controlled). */
  readonly recalibration?: ScepticalRecalibration;
}

/**
 * Planning a replication of an original trial (docs/replication-design.md): the design prior the
 * replication's true effect is drawn from, per trial, for every outcome with an `original`, and
 * the criteria its success is judged by.
 */
export interface ReplicationPlan {
  readonly prior: DesignPriorKind;
  /** τ, the between-study standard deviation of the true effect on the log-ratio scale (0 = none). */
  readonly heterogeneity: number;
  /** One-sided level in the original's direction (default 0.025). */
  readonly level: number;
  readonly success: readonly ReplicationSuccessCriterion[];
}

/** Arm sizes implied by a design's `size`. */
export function armSizes(size: Size): { treated: number; control: number; total: number } {
  if (size.kind === 'fixed') {
    return { treated: size.treated, control: size.control, total: size.treated + size.control };
  }
  const treated = Math.round(size.total * size.treatedShare);
  return { treated, control: size.total - treated, total: size.total };
}
