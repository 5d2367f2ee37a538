import type { ByGroup, Design, EffectDistribution } from '../core/design.js';

/** What `--effect-from` copies for one outcome: its effect as the scenario language writes it, its analysis and whether it is primary. */
export interface CopiedEffect {
  readonly effect: Record<string, unknown>;
  readonly analysis: string;
  readonly primary: boolean;
}

/**
 * The effects of another scenario's count and harm outcomes, by outcome id, written back in the
 * scenario language for the extract's groups: a ratio given once when every group shares it, else
 * the first group's ratio with `byGroup` for the others; an uncertain effect keeps its
 * distribution (`{ lognormal: { median, spread } }` or `{ from, to }`).
 * Returns, instead, the reason it cannot when the ratios differ by group and the extract lacks one
 * of the other scenario's groups.
 *
 * @example milton-keynes and groups youth, adult → knife: { rateRatio: 0.602, byGroup: { youth: { rateRatio: 0.41 } } }
 *   (the first group's ratio is the base, so here youth 0.41 is the base and adult 0.602 the exception)
 */
export function effectsFromDesign(
  design: Design,
  groupIds: readonly string[],
): { effects: Readonly<Record<string, CopiedEffect>> } | { problem: string } {
  const effects: Record<string, CopiedEffect> = {};
  for (const outcome of design.outcomes) {
    if (outcome.kind === 'binary') continue;
    const key = outcome.kind === 'count' ? 'rateRatio' : 'severityRatio';
    const ratios = outcome.kind === 'count' ? outcome.rateRatio : outcome.severityRatio;
    const effect = writeEffect(key, ratios, outcome.effectDistribution, groupIds);
    if (effect === null)
      return {
        problem: `the effect on ${outcome.id} differs by group (${Object.keys(ratios).join(', ')}) and the extract's groups (${groupIds.join(', ')}) are not all among them`,
      };
    effects[outcome.id] = { effect, analysis: outcome.analysis, primary: outcome.primary };
  }
  return { effects };
}

function writeEffect(
  key: string,
  ratios: ByGroup<number>,
  distribution: EffectDistribution | null,
  groupIds: readonly string[],
): Record<string, unknown> | null {
  const values = Object.values(ratios);
  const same = values.every((value) => value === values[0]);
  if (!same && !groupIds.every((id) => id in ratios)) return null;
  const stated = distribution === null ? (same ? values[0] : ratios[groupIds[0]]) : statedRatio(distribution);
  const effect: Record<string, unknown> = { [key]: distribution === null ? stated : distributionInput(distribution) };
  if (!same) {
    const byGroup = Object.fromEntries(
      groupIds.filter((id) => ratios[id] !== stated).map((id) => [id, { [key]: ratios[id] }]),
    );
    if (Object.keys(byGroup).length > 0) effect.byGroup = byGroup;
  }
  return effect;
}

function statedRatio(distribution: EffectDistribution): number {
  return distribution.kind === 'lognormal' ? distribution.median : (distribution.from + distribution.to) / 2;
}

function distributionInput(distribution: EffectDistribution): Record<string, unknown> {
  return distribution.kind === 'lognormal'
    ? { lognormal: { median: distribution.median, spread: Number(Math.exp(distribution.sdLog).toPrecision(12)) } }
    : { from: distribution.from, to: distribution.to };
}
