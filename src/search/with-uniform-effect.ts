/**
 * A copy of a design with one effect size for chosen outcomes: the lever `mde` turns.
 */
import type { ByGroup, Design, Outcome } from '../core/design.js';

/**
 * The design with every group's ratio of each outcome in `outcomeIds` set to `ratio`, and no
 * effect distribution (the minimum detectable effect is a fixed effect). The ratio is the one the
 * outcome states for engaged treated people: a count's rateRatio, an own-prevalence binary's
 * riskRatio, a harm's severityRatio; a binary derived from a count (any offence) moves with its
 * count's rateRatio, so that count is changed instead.
 *
 * Uniform rather than proportional to the stated by-group ratios: one number that means the same
 * for every group is what a minimum detectable effect reports; the per-group pattern of the
 * scenario (e.g. a larger effect for under-18s) is a hypothesis the MDE should not assume.
 *
 * Example: milton-keynes with ['knife'] and 0.8 → knife.rateRatio { youth: 0.8, adult: 0.8 }.
 */
export function withUniformEffect(design: Design, outcomeIds: readonly string[], ratio: number): Design {
  const changed = new Set(effectOutcomeIds(design, outcomeIds));
  const outcomes = design.outcomes.map((outcome): Outcome => {
    if (!changed.has(outcome.id)) return outcome;
    const uniform: ByGroup<number> = Object.fromEntries(design.groups.map((group) => [group.id, ratio]));
    switch (outcome.kind) {
      case 'count':
        return { ...outcome, rateRatio: uniform, effectDistribution: null };
      case 'binary':
        return { ...outcome, riskRatio: uniform, effectDistribution: null };
      case 'harm':
        return { ...outcome, severityRatio: uniform, effectDistribution: null };
    }
  });
  return { ...design, outcomes };
}

/** The outcomes whose own ratio carries the effect of `outcomeIds` (a derived binary → its count). */
export function effectOutcomeIds(design: Design, outcomeIds: readonly string[]): string[] {
  return [
    ...new Set(
      outcomeIds.map((id) => {
        const outcome = design.outcomes.find((o) => o.id === id);
        return outcome?.kind === 'binary' && outcome.prevalence === null && outcome.from !== null ? outcome.from : id;
      }),
    ),
  ];
}

/** The ratio an outcome states (the share-weighted geometric mean over its groups). */
export function statedRatio(design: Design, outcomeId: string): number {
  const outcome = design.outcomes.find((o) => o.id === outcomeId)!;
  const ratios =
    outcome.kind === 'count'
      ? outcome.rateRatio
      : outcome.kind === 'binary'
        ? outcome.riskRatio
        : outcome.severityRatio;
  return Math.exp(design.groups.reduce((sum, group) => sum + group.share * Math.log(ratios[group.id]), 0));
}
