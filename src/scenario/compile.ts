/**
 * Compiles a validated scenario into the `Design` the engine reads: plain data, deep-frozen, every
 * default filled in (see defaults.ts) and every by-group value expanded to each group id.
 */
import type {
  AnalysisPlan,
  CountOutcome,
  Design,
  DesignPlan,
  Interim,
  Outcome,
  ReplicationPlan,
  ReplicationSuccessCriterion,
  Size,
} from '../core/design.js';
import type { EfficacyRule, SpendingFunction } from '../core/analysis/group-sequential/sequential-design.js';
import { expandByGroup } from './compile-effect.js';
import { compileOutcome } from './compile-outcome.js';
import { compileRollout } from './compile-rollout.js';
import { DEFAULTS } from './defaults.js';
import { dispersionOf } from './dispersion-parameter.js';
import { iccDispersion } from './icc-reference.js';
import type { ScenarioInput } from './schema.js';
import { siteRateCV } from './site-rate-cv.js';

/** The Design of a scenario that passed validation; `fallbackName` names it when it has no `name`. */
export function compileScenario(scenario: ScenarioInput, fallbackName: string): Design {
  const groups = (scenario.cohort?.groups ?? [DEFAULTS.group]).map((group) => ({
    id: group.id,
    label: group.label ?? group.id,
    share: group.share,
  }));
  const groupIds = groups.map((group) => group.id);
  const anyPrimary = scenario.outcomes.some((outcome) => outcome.primary === true);
  const rolloutInput = scenario.design.rollout;
  const outcomes = scenario.outcomes.map((outcome, index) => {
    const compiled = compileOutcome(outcome, groupIds, anyPrimary ? outcome.primary === true : index === 0);
    // A rollout's default analysis is the within-cluster one (docs/scenario-language.md, rollout).
    return rolloutInput !== undefined && outcome.analysis === undefined
      ? { ...compiled, analysis: 'stepped-wedge-within' as const }
      : compiled;
  });
  const propensityDispersion = dispersionOf(scenario.cohort?.propensity, DEFAULTS.propensityDispersion);
  const selection = scenario.cohort?.selection;
  const design: Design = {
    name: scenario.name ?? fallbackName,
    title: scenario.title ?? scenario.name ?? fallbackName,
    source: scenario.source ?? '',
    groups,
    propensityDispersion,
    selection:
      selection === undefined
        ? null
        : {
            priorMonths: selection.priorMonths,
            require: selection.require.map((rule) => ({ ...rule, outcomes: [...rule.outcomes] })),
          },
    outcomes,
    plan:
      rolloutInput === undefined
        ? compileDesignPlan(scenario, groups, outcomes)
        : compileRolloutPlan(scenario, rolloutInput, groups, outcomes),
    analysis: compileAnalysisPlan(scenario),
    simulation: {
      trials: scenario.simulation?.trials ?? DEFAULTS.trials,
      seed: scenario.simulation?.seed ?? DEFAULTS.seed,
      engine: scenario.simulation?.engine ?? DEFAULTS.engine,
      // Only when asked for, so other designs compile (and hash) as before.
      ...(scenario.simulation?.assurance === true ? { drawInputs: true } : {}),
    },
    pilot:
      scenario.pilot === undefined
        ? null
        : {
            treated: scenario.pilot.treated,
            control: scenario.pilot.control,
            estimates: { ...scenario.pilot.estimates },
          },
    costs: scenario.costs === undefined ? null : { ...scenario.costs },
    ...(scenario.replication === undefined ? {} : { replication: compileReplication(scenario.replication) }),
  };
  return deepFreeze(design);
}

function compileDesignPlan(
  scenario: ScenarioInput,
  groups: readonly { id: string; share: number }[],
  outcomes: readonly Outcome[],
): DesignPlan {
  const input = scenario.design;
  const randomisation = input.randomisation ?? DEFAULTS.randomisation;
  const strata = input.strata ?? (randomisation === 'stratified' ? DEFAULTS.stratifiedStrata : []);
  const sites = input.sites;
  const plan: DesignPlan = {
    followUpMonths: input.followUpMonths,
    size: compileSize(input.size),
    randomisation,
    strata: [...strata],
    blockSize: input.blockSize ?? DEFAULTS.blockSize,
    engagement: expandByGroup(
      input.engagement ?? DEFAULTS.engagement,
      groups.map((group) => group.id),
    ),
    attrition: input.attrition ?? DEFAULTS.attrition,
    caseworkers: input.caseworkers === undefined ? null : { ...input.caseworkers },
    sites:
      sites === undefined
        ? null
        : {
            count: sites.count,
            rateCV:
              sites.rateCV ??
              siteRateCV(sites.icc ?? 0, iccDispersion(scenario), iccMeanCount(outcomes, groups, input.followUpMonths)),
          },
  };
  // Only a design with interim looks carries the key, so other designs compile (and hash) as before.
  return input.interim === undefined ? plan : { ...plan, interim: compileInterim(input.interim) };
}

type InterimInput = NonNullable<ScenarioInput['design']['interim']>;
type SpendingInput = NonNullable<InterimInput['spending']>;

/**
 * The interim looks: `spending` names Lan–DeMets α-spending (obrien-fleming, pocock, or
 * { hwang-shih-decani: γ }) or the classic boundaries (classic-obrien-fleming, classic-pocock);
 * futility, when given, is non-binding β-spending (β 0.2 and O'Brien–Fleming-type spending unless stated).
 */
function compileInterim(input: InterimInput): Interim {
  return {
    looks: [...input.looks],
    efficacy: efficacyRule(input.spending ?? DEFAULTS.interimSpending),
    futility:
      input.futility === undefined
        ? null
        : {
            beta: input.futility.beta ?? DEFAULTS.futilityBeta,
            spending: spendingFunction(input.futility.spending ?? DEFAULTS.interimSpending),
          },
    recruitmentMonths: input.recruitmentMonths ?? null,
  };
}

function efficacyRule(spending: SpendingInput): EfficacyRule {
  if (spending === 'classic-obrien-fleming') return { kind: 'classic', shape: 'obrien-fleming' };
  if (spending === 'classic-pocock') return { kind: 'classic', shape: 'pocock' };
  return { kind: 'spending', spending: spendingFunction(spending) };
}

function spendingFunction(spending: SpendingInput): SpendingFunction {
  if (typeof spending !== 'string') return { family: 'hwang-shih-decani', gamma: spending['hwang-shih-decani'] };
  if (spending === 'pocock' || spending === 'classic-pocock') return { family: 'pocock' };
  return { family: 'obrien-fleming' };
}

/** A rollout's design plan: the general one, with sites, follow-up, size and randomisation set by the rollout. */
function compileRolloutPlan(
  scenario: ScenarioInput,
  input: NonNullable<ScenarioInput['design']['rollout']>,
  groups: readonly { id: string; share: number }[],
  outcomes: readonly Outcome[],
): DesignPlan {
  const { rollout, plan } = compileRollout(scenario, input, outcomes, groups);
  const general = compileDesignPlan(scenario, groups, outcomes);
  return { ...general, ...plan, strata: [], blockSize: 0, caseworkers: null, rollout };
}

function compileSize(size: ScenarioInput['design']['size']): Size {
  if ('total' in size && 'treated' in size)
    return { kind: 'fixed', treated: size.treated, control: size.total - size.treated };
  if ('total' in size) {
    const [treated, control] = (size.allocation ?? DEFAULTS.allocation).split(':').map(Number);
    return { kind: 'ratio', total: size.total, treatedShare: treated / (treated + control) };
  }
  return { kind: 'fixed', treated: size.treated, control: size.control };
}

/**
 * Control mean count over follow-up in the population, averaged over groups by share, of the
 * outcome an ICC refers to (the first primary count outcome, else the first count outcome), or
 * null when there is no count outcome.
 */
function iccMeanCount(
  outcomes: readonly Outcome[],
  groups: readonly { id: string; share: number }[],
  followUpMonths: number,
): number | null {
  const counts = outcomes.filter((outcome): outcome is CountOutcome => outcome.kind === 'count');
  const chosen = counts.find((outcome) => outcome.primary) ?? counts[0];
  if (chosen === undefined) return null;
  return groups.reduce((sum, group) => sum + group.share * chosen.ratePerYear[group.id], 0) * (followUpMonths / 12);
}

/** The replication block with its defaults; `sceptical` alone means the golden recalibration. */
function compileReplication(input: NonNullable<ScenarioInput['replication']>): ReplicationPlan {
  const defaults = DEFAULTS.replication;
  return {
    prior: input.prior ?? defaults.prior,
    heterogeneity: input.heterogeneity ?? defaults.heterogeneity,
    level: input.level ?? defaults.level,
    success: (input.success ?? defaults.success).map((entry): ReplicationSuccessCriterion => {
      if (typeof entry === 'object') return { criterion: 'sceptical', recalibration: entry.sceptical };
      return entry === 'sceptical' ? { criterion: 'sceptical', recalibration: 'golden' } : { criterion: entry };
    }),
  };
}

function compileAnalysisPlan(scenario: ScenarioInput): AnalysisPlan {
  const input = scenario.analysis;
  return {
    alpha: input?.alpha ?? DEFAULTS.alpha,
    sides: input?.sides ?? DEFAULTS.sides,
    multiplicity: input?.multiplicity ?? DEFAULTS.multiplicity,
    adjustForPrior: input?.adjustForPrior ?? DEFAULTS.adjustForPrior,
    permutations: input?.permutations ?? DEFAULTS.permutations,
  };
}

/** Freezes an object and everything inside it, so no consumer can change the Design. */
export function deepFreeze<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
