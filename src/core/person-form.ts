import type { AnalysisInput } from './analysis/analysis-input.js';
import type { ClusterPeriods } from './analysis/cluster-periods.js';
import { summariseArms } from './analysis/outcome-data.js';
import { drawAssignment, type AssignmentPlan } from './assignment/assign.js';
import { assignRolloutRows, drawCrossover, type RolloutAssignmentPlan } from './assignment/rollout.js';
import type { Design, Rollout } from './design.js';
import { drawObserved } from './measurement/attrition.js';
import { drawEngagement } from './measurement/engagement.js';
import { OutcomeViews, planViews, type ViewPlan } from './measurement/outcome-views.js';
import { drawCaseworkers } from './model/caseworkers.js';
import { drawCohort, type Cohort } from './model/cohort.js';
import { drawMeanOneGamma } from './model/mean-one-gamma.js';
import type { ModelConstants } from './model/model-constants.js';
import { drawOutcomeValues } from './model/outcomes.js';
import type { Rng } from './rng/rng.js';
import type { Ratios, TrialForm } from './trial-form.js';

/**
 * The person form of a trial: every person drawn — their group, site, propensity and own noise;
 * their arm; whether they engage and are observed; their caseworker; every outcome's value — and
 * each outcome analysed from its observed people. Exact for every design; about 280 µs per trial
 * of 2,000 people through the gamma multipliers, about 100 µs where each count is drawn from its
 * marginal law (docs/architecture.md, "Two forms, one spine").
 *
 * @example new PersonForm(MK, prepareModel(MK), planAssignment(MK, …)).drawCohort(rng).size → 165
 */
export class PersonForm implements TrialForm<Cohort, Uint8Array, OutcomeViews> {
  readonly kind = 'person';
  private readonly views: ViewPlan;

  constructor(
    private readonly design: Design,
    private readonly model: ModelConstants,
    private readonly assignment: AssignmentPlan,
  ) {
    this.views = planViews(design);
  }

  /** Model: everyone's group, site, propensity and own noise (selected on the prior window, if any). */
  drawCohort(rng: Rng): Cohort {
    return drawCohort(this.design, this.model, rng);
  }

  /** Assignment: each person's arm, by the design's scheme. */
  assign(_cohort: Cohort, rng: Rng): Uint8Array {
    return drawAssignment(this.assignment, rng);
  }

  /** Measurement and model: who is observed and who engages, caseworkers, then every outcome's value. */
  measure(cohort: Cohort, treated: Uint8Array, ratios: Ratios, rng: Rng, treatmentVaries: boolean): OutcomeViews {
    const { design, model } = this;
    const observed = drawObserved(model.total, design.plan.attrition, rng, model.shared.observed);
    const engaged = drawEngagement(treated, cohort.group, model.engagement, rng);
    const { caseworker, multiplier } = drawCaseworkers(design, model, cohort, treated, rng, treatmentVaries);
    const values = drawOutcomeValues(design, model, cohort, engaged, multiplier, ratios, rng);
    return new OutcomeViews(this.views, this.assignment, cohort, treated, { observed, engaged, caseworker, values });
  }

  /** Measurement: outcome k's observed people of its `within` group. */
  analysisInput(views: OutcomeViews, k: number): AnalysisInput {
    return views.input(k);
  }
}

/** A rollout's people and the trial's cluster-by-period multipliers. */
export interface RolloutCohort {
  /** The distinct people (closed cohort: followed every period; cross-sectional: one period each). */
  readonly people: Cohort;
  /** Per cluster-period (cluster × periods + period): the gamma (mean 1) cluster-by-period multiplier. */
  readonly clusterPeriod: Float64Array;
}

/** A rollout's assignment: each cluster's crossover period and each person-period's arm. */
export interface RolloutAssignment {
  readonly crossover: Uint8Array;
  readonly treated: Uint8Array;
}

/** What is measured in one rollout trial, person-period by person-period. */
export interface RolloutMeasured {
  readonly treated: Uint8Array;
  readonly observed: Uint8Array;
  readonly crossover: Uint8Array;
  /** Per outcome, per person-period row. */
  readonly values: Float64Array[];
}

/**
 * The person form of a stepped-wedge rollout, walked in person-periods: each row is one person in
 * one period. Cross-sectional sampling has one row per person (person p in cluster p mod I and
 * period ⌊p/I⌋ mod T, so every cluster-period gets the same people, groups spread evenly); a closed
 * cohort has T rows per person (row j·P + p is person p in period j), sharing the person's group,
 * propensity, own noise and prior window — the person effect that makes a cohort its own control.
 * The steps are the person form's own: the cohort is `drawCohort` (sites are the clusters,
 * selection applies once per person), engagement is drawn once per person and applies in the
 * periods their cluster is treated, attrition per person-period, and every outcome's value is
 * `drawOutcomeValues` over the rows with the row's multiplier = the period's secular trend × the
 * cluster-by-period gamma multiplier; the arms come from the clusters' crossover periods
 * (`drawCrossover`). Each outcome's analysis reads its cluster-period totals (`ClusterPeriods`).
 *
 * @example clusters 12, steps 4, cross-sectional, 30 per cluster-period → 1,800 rows, one per person
 */
export class PersonPeriodForm implements TrialForm<RolloutCohort, RolloutAssignment, RolloutMeasured> {
  readonly kind = 'person';
  private readonly rollout: Rollout;
  private readonly plan: RolloutAssignmentPlan;
  private readonly rows: number;
  private readonly rowPerson: Int32Array;
  private readonly rowCluster: Uint16Array;
  private readonly rowPeriod: Uint8Array;
  private readonly rowGroup: Uint16Array;
  private readonly everyone: Uint8Array;
  private readonly observedAll: Uint8Array;
  private readonly withinGroup: Int32Array;

  constructor(
    private readonly design: Design,
    private readonly model: ModelConstants,
    assignment: AssignmentPlan,
  ) {
    if (assignment.kind !== 'rollout' || !design.plan.rollout)
      throw new Error('the person-period form needs a rollout design');
    this.rollout = design.plan.rollout;
    this.plan = assignment;
    const people = model.total;
    const { clusters } = this.rollout;
    const periods = assignment.periods;
    const cohortRows = this.rollout.sampling === 'closed-cohort';
    this.rows = cohortRows ? people * periods : people;
    this.rowPerson = new Int32Array(this.rows);
    this.rowCluster = new Uint16Array(this.rows);
    this.rowPeriod = new Uint8Array(this.rows);
    this.rowGroup = new Uint16Array(this.rows);
    const { site, group } = model.shared;
    for (let r = 0; r < this.rows; r++) {
      const p = cohortRows ? r % people : r;
      this.rowPerson[r] = p;
      this.rowCluster[r] = site[p];
      this.rowPeriod[r] = cohortRows ? Math.floor(r / people) : Math.floor(p / clusters) % periods;
      this.rowGroup[r] = group[p];
    }
    this.everyone = new Uint8Array(people).fill(1);
    this.observedAll = new Uint8Array(this.rows).fill(1);
    this.withinGroup = Int32Array.from(design.outcomes, (o) =>
      o.within === null ? -1 : design.groups.findIndex((g) => g.id === o.within),
    );
  }

  /** Model: the people (by the person form's cohort draw) and each cluster-period's multiplier. */
  drawCohort(rng: Rng): RolloutCohort {
    const people = drawCohort(this.design, this.model, rng);
    const clusterPeriod = new Float64Array(this.rollout.clusters * this.plan.periods);
    for (let c = 0; c < clusterPeriod.length; c++)
      clusterPeriod[c] = drawMeanOneGamma(rng, this.rollout.clusterPeriodVariance);
    return { people, clusterPeriod };
  }

  /** Assignment: each cluster's crossover period, and so each person-period's arm. */
  assign(_cohort: RolloutCohort, rng: Rng): RolloutAssignment {
    const crossover = drawCrossover(this.plan, rng);
    return { crossover, treated: assignRolloutRows(crossover, this.rowCluster, this.rowPeriod) };
  }

  /** Measurement and model: attrition per person-period, engagement per person, every outcome's value per row. */
  measure(cohort: RolloutCohort, assignment: RolloutAssignment, ratios: Ratios, rng: Rng): RolloutMeasured {
    const { design, model, rows, rowPerson, rowCluster, rowPeriod } = this;
    const periods = this.plan.periods;
    const observed = drawObserved(rows, design.plan.attrition, rng, this.observedAll);
    const engages = drawEngagement(this.everyone, cohort.people.group, model.engagement, rng);
    const engaged = new Uint8Array(rows);
    const multiplier = new Float64Array(rows);
    const trend = this.rollout.periodTrend;
    for (let r = 0; r < rows; r++) {
      if (assignment.treated[r] === 1 && engages[rowPerson[r]] === 1) engaged[r] = 1;
      multiplier[r] = trend[rowPeriod[r]] * cohort.clusterPeriod[rowCluster[r] * periods + rowPeriod[r]];
    }
    const values = drawOutcomeValues(design, model, this.rowCohort(cohort.people), engaged, multiplier, ratios, rng);
    return { treated: assignment.treated, observed, crossover: assignment.crossover, values };
  }

  /** Measurement: outcome k's observed person-periods of its `within` group, by arm and by cluster-period. */
  analysisInput(measured: RolloutMeasured, k: number): AnalysisInput {
    const { rows, rowCluster, rowPeriod, rowGroup } = this;
    const periods = this.plan.periods;
    const within = this.withinGroup[k];
    const all = measured.values[k];
    const sizes = new Float64Array(this.rollout.clusters * periods);
    const sums = new Float64Array(sizes.length);
    let count = 0;
    for (let r = 0; r < rows; r++) if (measured.observed[r] === 1 && (within < 0 || rowGroup[r] === within)) count++;
    const values = new Float64Array(count);
    const treated = new Uint8Array(count);
    for (let r = 0, j = 0; r < rows; r++) {
      if (measured.observed[r] !== 1 || (within >= 0 && rowGroup[r] !== within)) continue;
      const cell = rowCluster[r] * periods + rowPeriod[r];
      sizes[cell] += 1;
      sums[cell] += all[r];
      values[j] = all[r];
      treated[j++] = measured.treated[r];
    }
    const plan = this.plan;
    const clusterPeriods: ClusterPeriods = {
      clusters: this.rollout.clusters,
      periods,
      sizes,
      sums,
      crossover: measured.crossover,
      redrawCrossover: (rng, into) => {
        drawCrossover(plan, rng, into);
      },
    };
    const integerValued = this.design.outcomes[k].kind !== 'harm';
    return {
      summaries: summariseArms({ values, treated, integerValued }, false),
      people: null,
      clusters: null,
      caseworkerClusters: null,
      rerandomiser: null,
      clusterPeriods,
    };
  }

  /** The people's attributes laid out by row (the same arrays for cross-sectional sampling). */
  private rowCohort(people: Cohort): Cohort {
    if (this.rows === people.size) return people;
    const { rowPerson } = this;
    const expand = (values: Float64Array): Float64Array =>
      values.length === 0 ? values : Float64Array.from(rowPerson, (p) => values[p]);
    return {
      size: this.rows,
      group: this.rowGroup,
      site: this.rowCluster,
      propensity: expand(people.propensity),
      outcomeNoise: people.outcomeNoise.map(expand),
      siteMultiplier: people.siteMultiplier,
      priorCounts: people.priorCounts === null ? null : people.priorCounts.map(expand),
    };
  }
}
