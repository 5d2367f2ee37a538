/**
 * Compiles one validated outcome into the `Design`'s form: defaults filled in, every by-group value
 * expanded to all groups, effects as one ratio per group plus an optional distribution.
 */
import type { Outcome } from '../core/design.js';
import type { ReportedResult } from '../core/inquiry/original-result.js';
import { effectDistribution, expandByGroup, ratiosByGroup } from './compile-effect.js';
import { DEFAULTS } from './defaults.js';
import { dispersionOf } from './dispersion-parameter.js';
import type { OutcomeInput } from './schema.js';

/** The reported result with only the precision the scenario gave (ci, se or p). */
function compileOriginal(original: NonNullable<OutcomeInput['original']>): ReportedResult {
  if (original.ci !== undefined) return { estimate: original.estimate, ci: [original.ci[0], original.ci[1]] };
  if (original.se !== undefined) return { estimate: original.estimate, se: original.se };
  return { estimate: original.estimate, p: original.p ?? 'significant' };
}

/** The compiled outcome; `primary` is decided by the caller (the first outcome when none is). */
export function compileOutcome(outcome: OutcomeInput, groupIds: readonly string[], primary: boolean): Outcome {
  const base = {
    id: outcome.id,
    label: outcome.label ?? outcome.id,
    analysis: outcome.analysis ?? DEFAULTS.analysis[outcome.kind],
    primary,
    within: outcome.within ?? null,
    // Only when given, so the Design (and its hash) of a scenario without originals is unchanged.
    ...(outcome.original === undefined ? {} : { original: compileOriginal(outcome.original) }),
  };
  if (outcome.kind === 'count') {
    return {
      ...base,
      kind: 'count',
      ratePerYear: expandByGroup(outcome.ratePerYear, groupIds),
      dispersion: dispersionOf(outcome, DEFAULTS.countDispersion),
      rateRatio: ratiosByGroup(outcome.effect?.rateRatio, outcome.effect?.byGroup, 'rateRatio', groupIds),
      effectDistribution: outcome.effect === undefined ? null : effectDistribution(outcome.effect.rateRatio),
    };
  }
  if (outcome.kind === 'binary') {
    return {
      ...base,
      kind: 'binary',
      prevalence: outcome.prevalence === undefined ? null : expandByGroup(outcome.prevalence, groupIds),
      from: outcome.from ?? null,
      riskRatio: ratiosByGroup(outcome.effect?.riskRatio, outcome.effect?.byGroup, 'riskRatio', groupIds),
      effectDistribution: outcome.effect === undefined ? null : effectDistribution(outcome.effect.riskRatio),
    };
  }
  return {
    ...base,
    kind: 'harm',
    from: outcome.from,
    severity: { distribution: 'lognormal', median: outcome.severity.median, sdLog: Math.log(outcome.severity.spread) },
    severityRatio: ratiosByGroup(outcome.effect?.severityRatio, outcome.effect?.byGroup, 'severityRatio', groupIds),
    effectDistribution: outcome.effect === undefined ? null : effectDistribution(outcome.effect.severityRatio),
  };
}
