import { planAssignment } from '../../../src/core/assignment/assign.js';
import type { BinaryOutcome, CountOutcome, Design, DesignPlan, HarmOutcome } from '../../../src/core/design.js';
import type { TrialData } from '../../../src/core/measurement/outcome-views.js';
import type { Cohort } from '../../../src/core/model/cohort.js';
import { prepareModel, type ModelConstants } from '../../../src/core/model/model-constants.js';
import { PersonForm } from '../../../src/core/person-form.js';
import type { Rng } from '../../../src/core/rng/rng.js';

/**
 * One trial's people as the person form draws them: the cohort, its assignment and every outcome
 * measured (`ratios[k][g]` for engaged treated people of group g), on one stream.
 */
export function drawPersonTrial(
  design: Design,
  rng: Rng,
  ratios: readonly (readonly number[])[],
  model: ModelConstants = prepareModel(design),
): { cohort: Cohort; treated: Uint8Array; data: TrialData } {
  const form = new PersonForm(design, model, planAssignment(design, model));
  const cohort = form.drawCohort(rng);
  const treated = form.assign(cohort, rng);
  return { cohort, treated, data: form.measure(cohort, treated, ratios, rng, true).data };
}

/** A count outcome with the given rate per group (ids youth, adult) and no effect unless given. */
export function countOutcome(id: string, rate: [number, number], extra: Partial<CountOutcome> = {}): CountOutcome {
  return {
    id,
    label: id,
    kind: 'count',
    analysis: 'negative-binomial',
    primary: true,
    within: null,
    ratePerYear: { youth: rate[0], adult: rate[1] },
    dispersion: 0,
    rateRatio: { youth: 1, adult: 1 },
    effectDistribution: null,
    ...extra,
  };
}

export function binaryOutcome(id: string, extra: Partial<BinaryOutcome> = {}): BinaryOutcome {
  return {
    id,
    label: id,
    kind: 'binary',
    analysis: 'two-proportion-z',
    primary: false,
    within: null,
    prevalence: null,
    from: null,
    riskRatio: { youth: 1, adult: 1 },
    effectDistribution: null,
    ...extra,
  };
}

export function harmOutcome(id: string, from: string, extra: Partial<HarmOutcome> = {}): HarmOutcome {
  return {
    id,
    label: id,
    kind: 'harm',
    analysis: 'mann-whitney',
    primary: false,
    within: null,
    from,
    severity: { distribution: 'lognormal', median: 30, sdLog: Math.log(2) },
    severityRatio: { youth: 1, adult: 1 },
    effectDistribution: null,
    ...extra,
  };
}

/**
 * A two-group design (youth 0.44, adult 0.56) like the Milton Keynes scenario, with whatever the
 * test overrides. Without overrides: 45 treated and 120 controls, stratified by group, no selection.
 */
export function makeDesign(overrides: Partial<Omit<Design, 'design'>> & { design?: Partial<DesignPlan> } = {}): Design {
  const { design: plan, ...rest } = overrides;
  return {
    name: 'test',
    title: 'test',
    source: 'test',
    groups: [
      { id: 'youth', label: 'Aged 11-17', share: 0.44 },
      { id: 'adult', label: 'Aged 18-25', share: 0.56 },
    ],
    propensityDispersion: 1.5,
    selection: null,
    outcomes: [countOutcome('crime', [2.2, 1.8])],
    analysis: { alpha: 0.05, sides: 'two', multiplicity: 'holm', adjustForPrior: false, permutations: 200 },
    simulation: { trials: 100, seed: 1 },
    ...rest,
    plan: {
      followUpMonths: 12,
      size: { kind: 'fixed', treated: 45, control: 120 },
      randomisation: 'stratified',
      strata: ['group'],
      blockSize: 0,
      engagement: { youth: 1, adult: 1 },
      attrition: 0,
      caseworkers: null,
      sites: null,
      ...plan,
    },
  };
}
