import type { AnalysisInput, ClusteredInput, ClusterValues } from '../analysis/analysis-input.js';
import { analysisNeeds, type AnalysisNeeds } from '../analysis/analyse.js';
import { summariseClusteredArms } from '../analysis/clustered-arms.js';
import { summariseArms, type OutcomeData } from '../analysis/outcome-data.js';
import type { AssignmentPlan } from '../assignment/assign.js';
import { rerandomisePeople } from '../assignment/rerandomise.js';
import type { Design } from '../design.js';
import type { Cohort } from '../model/cohort.js';

/** What is measured in one trial, person by person (index i is cohort person i). */
export interface TrialData {
  /**
   * 0 when lost to attrition (the same person is missing for every outcome). Without attrition
   * (and `caseworker` without caseworkers) the array is shared by every trial: read only.
   */
  readonly observed: Uint8Array;
  /** 1 for treated people who took up the support. */
  readonly engaged: Uint8Array;
  /** Caseworker index of treated people (−1 for controls, or without caseworkers). */
  readonly caseworker: Int32Array;
  /** Per outcome (design order), per person: count, 0/1, or harm. */
  readonly values: Float64Array[];
}

/** What the person form's views need to know about each outcome, fixed for a design (`planViews`). */
export interface ViewPlan {
  /** Per outcome: the index of its `within` group, or −1 for everyone. */
  readonly withinGroup: Int32Array;
  /** Per outcome: the count outcome whose prior-window counts are its covariate (when adjusting), or −1. */
  readonly priorSource: Int32Array;
  /** Per outcome: true for counts and binaries (whole numbers), false for harm. */
  readonly integerValued: Uint8Array;
  readonly needs: readonly AnalysisNeeds[];
  /** True under cluster randomisation (sites are the clusters). */
  readonly clustered: boolean;
  /**
   * Per outcome: α of the cluster-robust working variance μ + αμ² (0 for counts and harm, −1 for
   * binaries: the log-binomial working model of a risk ratio).
   */
  readonly workingDispersion: Float64Array;
}

/**
 * What the views of a design's outcomes need, computed once: each outcome's `within` group, the
 * count its prior-window covariate comes from (the outcome itself, or the count it is built on;
 * only when `analysis.adjustForPrior`), and what its analysis reads.
 *
 * @example MK: crime and knife adjusted for their own prior counts; any-crime for crime's
 */
export function planViews(design: Design): ViewPlan {
  const countIndex = new Map(design.outcomes.map((o, k) => [o.id, k]));
  const source = (k: number): number => {
    const outcome = design.outcomes[k];
    if (!design.analysis.adjustForPrior) return -1;
    if (outcome.kind === 'count') return k;
    return outcome.from === null ? -1 : (countIndex.get(outcome.from) ?? -1);
  };
  return {
    withinGroup: Int32Array.from(design.outcomes, (o) =>
      o.within === null ? -1 : design.groups.findIndex((g) => g.id === o.within),
    ),
    priorSource: Int32Array.from(design.outcomes, (_, k) => source(k)),
    integerValued: Uint8Array.from(design.outcomes, (o) => (o.kind === 'harm' ? 0 : 1)),
    needs: design.outcomes.map((o) => analysisNeeds(o.analysis)),
    clustered: design.plan.randomisation === 'cluster',
    workingDispersion: Float64Array.from(design.outcomes, (o) => (o.kind === 'binary' ? -1 : 0)),
  };
}

/**
 * The person form's measurement views: what each outcome's analysis sees of one trial — the
 * observed people of the outcome's `within` group (if any), with the prior-window covariate of
 * the count the outcome is built on and, where the analysis needs them, the people's clusters and
 * a re-randomiser. Views sharing the same `within` share their people, and without attrition or
 * `within` the arrays are used as drawn.
 */
export class OutcomeViews {
  private readonly indexSets: (Int32Array | null | undefined)[] = [];
  private readonly clusterSets: (Int32Array | undefined)[] = [];
  private readonly caseworkerSets: (Int32Array | undefined)[] = [];
  // The arms and prior counts of the people picked for a `within` (and a prior's source):
  // outcomes with the same `within` share them rather than each picking its own copy.
  private readonly treatedSets: (Uint8Array | undefined)[] = [];
  private readonly priorSets = new Map<number, Float64Array>();

  constructor(
    private readonly plan: ViewPlan,
    private readonly assignment: AssignmentPlan,
    private readonly cohort: Cohort,
    private readonly treated: Uint8Array,
    /** The trial's measurements, for every person. */
    readonly data: TrialData,
  ) {}

  /**
   * The analysis input of outcome k: its people's arm summaries (with counts-of-counts where the
   * analysis reads them), the people themselves, and clusters and re-randomiser where needed.
   *
   * @example no attrition, no `within`: people = the whole cohort's values and arms, as drawn
   */
  input(k: number): AnalysisInput {
    const { plan } = this;
    const within = plan.withinGroup[k];
    const indices = this.indicesFor(within);
    const needs = plan.needs[k];
    const source = plan.priorSource[k];
    const prior = this.cohort.priorCounts !== null && source >= 0 ? this.cohort.priorCounts[source] : null;
    const values = this.data.values[k];
    const people: OutcomeData =
      indices === null
        ? { values, treated: this.treated, prior, integerValued: plan.integerValued[k] === 1 }
        : {
            values: pick(values, indices),
            treated: this.treatedOf(within, indices),
            prior: prior === null ? null : this.priorOf(within, source, prior, indices),
            integerValued: plan.integerValued[k] === 1,
          };
    return {
      summaries: summariseArms(people, needs.histogram),
      people,
      clusters: needs.clusters && plan.clustered ? this.clustersOf(people, within, indices) : null,
      rerandomiser: needs.rerandomiser ? rerandomisePeople(this.assignment, indices, people.values) : null,
      caseworkerClusters: needs.caseworkers ? this.caseworkerClustersOf(people, within, indices, k) : null,
    };
  }

  /**
   * The analysed people's arms by cluster for the cluster-robust analysis: under cluster
   * randomisation each person's site (caseworkers are nested in sites, and the randomised level is
   * the one to cluster on); otherwise each treated person's caseworker, and −1 (a cluster of their
   * own) for every control.
   */
  private caseworkerClustersOf(
    people: OutcomeData,
    within: number,
    indices: Int32Array | null,
    k: number,
  ): ClusteredInput {
    let cluster = this.caseworkerSets[within + 1];
    if (cluster === undefined) {
      const source = this.plan.clustered ? this.cohort.site : this.data.caseworker;
      cluster = indices === null ? Int32Array.from(source) : Int32Array.from(indices, (i) => source[i]);
      this.caseworkerSets[within + 1] = cluster;
    }
    return {
      arms: summariseClusteredArms(people.values, people.treated, cluster),
      workingDispersion: this.plan.workingDispersion[k],
    };
  }

  /** The site (the cluster) of each analysed person, aligned with their values; shared by views with the same `within`. */
  private clustersOf(people: OutcomeData, within: number, indices: Int32Array | null): ClusterValues {
    let cluster = this.clusterSets[within + 1];
    if (cluster === undefined) {
      const { site } = this.cohort;
      cluster = indices === null ? Int32Array.from(site) : Int32Array.from(indices, (i) => site[i]);
      this.clusterSets[within + 1] = cluster;
    }
    return { values: people.values, treated: people.treated, cluster };
  }

  /** The arms of the people picked for `within`, shared by every outcome with that `within`. */
  private treatedOf(within: number, indices: Int32Array): Uint8Array {
    let treated = this.treatedSets[within + 1];
    if (treated === undefined) {
      treated = pickBytes(this.treated, indices);
      this.treatedSets[within + 1] = treated;
    }
    return treated;
  }

  /** The prior counts of count `source` for the people picked for `within`, shared likewise. */
  private priorOf(within: number, source: number, prior: Float64Array, indices: Int32Array): Float64Array {
    const key = (within + 1) * this.plan.priorSource.length + source;
    let picked = this.priorSets.get(key);
    if (picked === undefined) {
      picked = pick(prior, indices);
      this.priorSets.set(key, picked);
    }
    return picked;
  }

  /** Indices of analysed people (observed, of group `within` unless −1), or null for "everyone, in order". */
  private indicesFor(within: number): Int32Array | null {
    const known = this.indexSets[within + 1];
    if (known !== undefined) return known;
    const { observed } = this.data;
    const { group } = this.cohort;
    let count = 0;
    for (let i = 0; i < observed.length; i++) if (observed[i] && (within < 0 || group[i] === within)) count += 1;
    let indices: Int32Array | null = null;
    if (count < observed.length) {
      indices = new Int32Array(count);
      for (let i = 0, j = 0; i < observed.length; i++)
        if (observed[i] && (within < 0 || group[i] === within)) indices[j++] = i;
    }
    this.indexSets[within + 1] = indices;
    return indices;
  }
}

function pick(values: Float64Array, indices: Int32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
  return out;
}

function pickBytes(values: Uint8Array, indices: Int32Array): Uint8Array {
  const out = new Uint8Array(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
  return out;
}
