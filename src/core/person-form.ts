import type { AnalysisInput } from './analysis/analysis-input.js';
import { drawAssignment, type AssignmentPlan } from './assignment/assign.js';
import type { Design } from './design.js';
import { drawObserved } from './measurement/attrition.js';
import { drawEngagement } from './measurement/engagement.js';
import { OutcomeViews, planViews, type ViewPlan } from './measurement/outcome-views.js';
import { drawCaseworkers } from './model/caseworkers.js';
import { drawCohort, type Cohort } from './model/cohort.js';
import type { ModelConstants } from './model/model-constants.js';
import { drawOutcomeValues } from './model/outcomes.js';
import type { Rng } from './rng/rng.js';
import type { Ratios, TrialForm } from './trial-form.js';

/**
 * The person form of a trial: every person drawn — their group, site, propensity and own noise;
 * their arm; whether they engage and are observed; their caseworker; every outcome's value — and
 * each outcome analysed from its observed people. Exact for every design; about 280 µs per trial
 * of 2,000 people.
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
