/**
 * What every trial of a design shares, computed once into a value that is passed along — to the
 * trials, the diagnosis, planning and reports — rather than cached behind the caller's back.
 */
import { prepareInterimPlan, type InterimPlan } from './analysis/group-sequential/interim-plan.js';
import { planAssignment, type AssignmentPlan } from './assignment/assign.js';
import { CellForm } from './cell-form.js';
import { chooseEngine, type ChosenEngine } from './choose-engine.js';
import { criterionKey } from './analysis/replication/criterion-key.js';
import { prepareReplicationJudges } from './analysis/replication/prepare-replication-judges.js';
import type { ReplicationJudge } from './analysis/replication/replication-criterion.js';
import type { Design, Outcome, ReplicationPlan } from './design.js';
import {
  prepareReplicatedOutcomes,
  setRatioForLogEstimand,
  type ReplicatedOutcome,
} from './inquiry/replication-truth.js';
import { computeLogEstimands, prepareInquiry, type Inquiry } from './inquiry/inquiry.js';
import { prepareModel, type ModelConstants } from './model/model-constants.js';
import { PersonForm, PersonPeriodForm } from './person-form.js';

import type { TrialForm } from './trial-form.js';

/** A design with everything its trials share: a plain value, cheap to build in each worker thread. */
export interface PreparedDesign {
  readonly design: Design;
  /** The model's constants: group sizes, rates, variances, the selected population, shared arrays. */
  readonly model: ModelConstants;
  /** The randomisation, fixed for the design's cohort layout (both forms draw from it). */
  readonly assignment: AssignmentPlan;
  /** The exact estimands (the inquiry). */
  readonly inquiry: Inquiry;
  /** The ratio applied to engaged treated people, per outcome and group index, as stated. */
  readonly statedRatios: readonly (readonly number[])[];
  /** All ones: the paired null run. */
  readonly nullRatios: readonly (readonly number[])[];
  /** The true log ratio of every outcome under the stated effects (the intention-to-treat estimands). */
  readonly statedLogEstimands: readonly number[];
  /** All zeros: the null run's estimands. */
  readonly nullLogEstimands: readonly number[];
  /** True when some outcome's effect is drawn per trial (assurance). */
  readonly drawsEffects: boolean;
  /** The engine the trials run on, and why (`chooseEngine`). */
  readonly engine: ChosenEngine;
  /**
   * The representation the trials are walked in: the person form, or (engine 'aggregate') the cell
   * form with its layout, sources and scratch reused trial after trial.
   */
  readonly form: TrialForm;
  /** Design indices of the primary outcomes (the multiplicity family). */
  readonly primaryOutcomes: readonly number[];
  /** True when some outcome is analysed by permutation (which needs the trial's analysis stream). */
  readonly permutes: boolean;
  /** A group-sequential design's looks, boundaries and monitored outcome; null for one analysis at the end. */
  readonly interim: InterimPlan | null;
  /** The replication plan's priors and judges, when the design plans a replication (else null). */
  readonly replication: PreparedReplication | null;
}

/**
 * A replication plan prepared for the trials: the outcomes whose effects are drawn from design
 * priors, and per design outcome the success criteria's judges (null for outcomes without an
 * original). See docs/replication-design.md.
 */
export interface PreparedReplication {
  readonly plan: ReplicationPlan;
  /** The criteria's report names (`criterionKey`), in the plan's order. */
  readonly keys: readonly string[];
  /** Outcomes with an original, non-harm outcomes first (a harm's ratio is solved after its count's). */
  readonly outcomes: readonly ReplicatedOutcome[];
  /** Per design outcome, its judges in the plan's order, or null. */
  readonly judges: readonly (readonly ReplicationJudge[] | null)[];
}

/**
 * Prepares a design: the model constants and selected population, the randomisation plan, the
 * inquiry and the stated and null estimands, the engine and why, and the form the trials are
 * walked in (for the aggregate engine the cell form, with its cell layout and sources). A prepared
 * design holds scratch for the cell form, so one thread uses it at a time (each worker prepares
 * its own from the plain `Design` it is sent).
 *
 * @example prepareDesign(REF).engine → { kind: 'aggregate', reason: 'auto: the cell form is exact for this design' };
 *   prepareDesign(MK).statedLogEstimands[0] → log of crime's intention-to-treat rate ratio
 * @throws Error naming the reason when the design asks for the aggregate engine and the cell form is not exact
 */
export function prepareDesign(design: Design): PreparedDesign {
  const engine = chooseEngine(design);
  if (engine.kind === 'refused') {
    throw new Error(
      `the aggregate engine cannot simulate this design exactly: ${engine.reason} (use engine person or auto)`,
    );
  }
  const model = prepareModel(design);
  const assignment = planAssignment(design, model);
  const inquiry = prepareInquiry(design, model);
  const statedRatios = design.outcomes.map((outcome) => design.groups.map((group) => statedRatio(outcome, group.id)));
  const replication = design.replication === undefined ? null : prepareReplication(design, design.replication);
  // Under a replication plan the stated effect of an outcome with an original is its prior's
  // mean (the estimand reported); each trial draws its own from the prior.
  replication?.outcomes.forEach((r) => setRatioForLogEstimand(inquiry, r.outcome, r.prior.meanLogRatio, statedRatios));
  const drawsEffects = design.outcomes.some((o) => o.effectDistribution !== null) || replication !== null;
  return {
    design,
    model,
    assignment,
    inquiry,
    statedRatios,
    nullRatios: design.outcomes.map(() => design.groups.map(() => 1)),
    statedLogEstimands: computeLogEstimands(inquiry, statedRatios),
    nullLogEstimands: design.outcomes.map(() => 0),
    drawsEffects,
    engine,
    form:
      engine.kind === 'aggregate'
        ? new CellForm(design, model, assignment, statedRatios, drawsEffects)
        : design.plan.rollout
          ? new PersonPeriodForm(design, model, assignment)
          : new PersonForm(design, model, assignment),
    primaryOutcomes: design.outcomes.flatMap((o, k) => (o.primary ? [k] : [])),
    permutes: design.outcomes.some((o) => o.analysis === 'permutation' || o.analysis === 'stepped-wedge-permutation'),
    interim: prepareInterimPlan(design),
    replication,
  };
}

/** The replicated outcomes' priors and every outcome's judges. */
function prepareReplication(design: Design, plan: ReplicationPlan): PreparedReplication {
  const outcomes = prepareReplicatedOutcomes(design, plan);
  const judges = design.outcomes.map((_, k) => {
    const replicated = outcomes.find((r) => r.outcome === k);
    return replicated === undefined ? null : prepareReplicationJudges(plan, replicated.original);
  });
  return { plan, keys: plan.success.map(criterionKey), outcomes, judges };
}

/** The ratio an outcome's effect applies to engaged treated people of a group, as stated. */
function statedRatio(outcome: Outcome, groupId: string): number {
  if (outcome.kind === 'count') return outcome.rateRatio[groupId];
  if (outcome.kind === 'harm') return outcome.severityRatio[groupId];
  return outcome.from === null ? outcome.riskRatio[groupId] : 1;
}
