/**
 * What a planning search counts as success in one simulated trial: one outcome significant, or
 * every primary outcome significant (after the scenario's multiplicity correction), or a
 * replication succeeding under one of its criteria (docs/replication-design.md).
 */
import { criterionKey } from '../core/analysis/replication/criterion-key.js';
import { drawsInputs } from '../core/model/draw-trial-inputs.js';
import type { Design } from '../core/design.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import { PlanningOptionError } from './planning-option-error.js';

/**
 * One outcome (by position in `design.outcomes`), all primary outcomes together, or — under a
 * replication plan — one outcome's replication succeeding under one criterion (`criterion`: its
 * position in the plan, `key`: its report name, e.g. 'sceptical-controlled').
 */
export type PowerTarget =
  | { readonly kind: 'outcome'; readonly index: number; readonly id: string }
  | { readonly kind: 'all-primary'; readonly ids: readonly string[] }
  | {
      readonly kind: 'replication';
      readonly index: number;
      readonly id: string;
      readonly criterion: number;
      readonly key: string;
    };

/**
 * The target for `--outcome ID`, or, without it, all primary outcomes together (the single
 * outcome when there is only one primary, or the first outcome when none is primary). Throws a
 * `PlanningOptionError` naming the known ids when ID is unknown.
 *
 * Example: milton-keynes without --outcome → { kind: 'all-primary', ids: ['crime', 'knife'] }.
 */
export function choosePowerTarget(design: Design, outcomeId?: string, success?: string): PowerTarget {
  if (success !== undefined) return chooseReplicationTarget(design, outcomeId, success);
  if (outcomeId !== undefined) {
    const index = design.outcomes.findIndex((outcome) => outcome.id === outcomeId);
    if (index === -1)
      throw new PlanningOptionError(
        `--outcome: no outcome "${outcomeId}"; the scenario's outcomes are ${design.outcomes.map((o) => o.id).join(', ')}`,
      );
    return { kind: 'outcome', index, id: outcomeId };
  }
  const primary = design.outcomes.filter((outcome) => outcome.primary).map((outcome) => outcome.id);
  if (primary.length > 1) return { kind: 'all-primary', ids: primary };
  const id = primary[0] ?? design.outcomes[0].id;
  return { kind: 'outcome', index: design.outcomes.findIndex((outcome) => outcome.id === id), id };
}

/**
 * The target for `--success CRITERION [--outcome ID]`: the replication of outcome ID (default: the
 * first primary outcome with an original, else the first with one) succeeding under CRITERION, one
 * of the scenario's `replication.success` (`sceptical` alone meaning `sceptical-golden`). Throws a
 * `PlanningOptionError` when the scenario plans no replication, the outcome has no original, or
 * the criterion is not among those the scenario judges.
 *
 * Example: milton-keynes-replication, --success sceptical-controlled → harm (the primary), criterion 3.
 */
function chooseReplicationTarget(design: Design, outcomeId: string | undefined, success: string): PowerTarget {
  const plan = design.replication;
  if (plan === undefined) {
    throw new PlanningOptionError(
      '--success needs a scenario that plans a replication: add a replication block and an original to an outcome (docs/scenario-language.md)',
    );
  }
  const withOriginal = design.outcomes.filter((o) => o.original !== undefined);
  const id = outcomeId ?? (withOriginal.find((o) => o.primary) ?? withOriginal[0]).id;
  const index = design.outcomes.findIndex((o) => o.id === id);
  if (index === -1 || design.outcomes[index].original === undefined) {
    throw new PlanningOptionError(
      `--outcome: "${id}" carries no original result; the outcomes with one are ${withOriginal.map((o) => o.id).join(', ')}`,
    );
  }
  const keys = plan.success.map(criterionKey);
  const key = success === 'sceptical' ? 'sceptical-golden' : success;
  const criterion = keys.indexOf(key);
  if (criterion === -1) {
    throw new PlanningOptionError(
      `--success: the scenario judges success by ${keys.join(', ')}, not "${success}"; ` +
        `add it with --set 'replication.success=[${[...plan.success.map((e) => (e.criterion === 'sceptical' ? `{ sceptical: ${e.recalibration ?? 'golden'} }` : e.criterion)), success.startsWith('sceptical-') ? `{ sceptical: ${success.slice('sceptical-'.length)} }` : success].join(', ')}]'`,
    );
  }
  return { kind: 'replication', index, id, criterion, key };
}

/**
 * Successful trials in a tally: for one primary outcome its rejections after the multiplicity
 * correction (what the planned analysis would claim), for a secondary outcome its plain
 * rejections, for all primaries the trials in which every one was significant after correction,
 * for a replication the trials in which it succeeded under the criterion.
 */
export function countSuccesses(design: Design, target: PowerTarget, tally: RunTally): number {
  if (tally.interim && isMonitored(design, target)) {
    // A group-sequential design succeeds when it stops for efficacy at some look (futility obeyed):
    // its sample size is then the maximum N for the target power (docs/sequential-and-stepped-wedge.md).
    const { efficacyBenefit, efficacyHarm } = tally.interim.effect;
    return [...efficacyBenefit, ...efficacyHarm].reduce((total, count) => total + count, 0);
  }
  if (target.kind === 'all-primary') return tally.allPrimary;
  if (target.kind === 'replication') return tally.outcomes[target.index].replicationSuccesses?.[target.criterion] ?? 0;
  const outcomeTally = tally.outcomes[target.index];
  return design.outcomes[target.index].primary ? outcomeTally.adjustedRejections : outcomeTally.rejections;
}

/**
 * True when the target is the outcome a group-sequential design monitors at its interim looks (the
 * first primary outcome, or the first outcome when none is primary), whose power is the design's
 * sequential power.
 */
export function isMonitored(design: Design, target: PowerTarget): boolean {
  if (design.plan.interim === undefined || target.kind !== 'outcome') return false;
  return (
    target.index ===
    Math.max(
      0,
      design.outcomes.findIndex((outcome) => outcome.primary),
    )
  );
}

/**
 * 'assurance' when an effect the target depends on is drawn per trial from a distribution, or
 * every uncertain input is (`--assurance`).
 */
export function targetMeasure(design: Design, target: PowerTarget): 'power' | 'assurance' {
  if (drawsInputs(design)) return 'assurance';
  // A replication's effect is drawn from its design prior, except under the conditional prior.
  if (target.kind === 'replication') return design.replication?.prior === 'conditional' ? 'power' : 'assurance';
  const ids = target.kind === 'all-primary' ? target.ids : [target.id];
  return design.outcomes.some((outcome) => ids.includes(outcome.id) && outcome.effectDistribution !== null)
    ? 'assurance'
    : 'power';
}

/** Plain words for the target, e.g. "crime and knife all significant (holm correction)". */
export function describePowerTarget(design: Design, target: PowerTarget): string {
  const correction =
    design.analysis.multiplicity === 'none' ? 'no correction' : `${design.analysis.multiplicity} correction`;
  if (target.kind === 'all-primary') return `${target.ids.join(' and ')} all significant (${correction})`;
  if (target.kind === 'replication') {
    return `${target.id} replicated by ${target.key}, ${design.replication!.prior} prior`;
  }
  const outcome = design.outcomes[target.index];
  if (isMonitored(design, target)) {
    return `${outcome.id} stopping for efficacy at one of ${design.plan.interim!.looks.length} looks (group-sequential)`;
  }
  const primaryCount = design.outcomes.filter((o) => o.primary).length;
  return outcome.primary && primaryCount > 1
    ? `${outcome.id} significant (${correction} across ${primaryCount} primary outcomes)`
    : `${outcome.id} significant`;
}
