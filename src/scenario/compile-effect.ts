/**
 * Compiles an effect (a ratio or a distribution of ratios, plus per-group ratios) into one ratio
 * per group and, for an uncertain effect, its distribution.
 */
import type { ByGroup, EffectDistribution } from '../core/design.js';
import { DEFAULTS } from './defaults.js';
import { centralValue, type NumberInput } from './uncertain-value.js';

/** An effect ratio as written: a number, `{ lognormal: { median, spread } }` or `{ from, to, central }`. */
export type RatioInput = NumberInput;

/**
 * A scalar or by-group map as one value per group id, in group order.
 * Example: `expandByGroup(0.6, ['youth', 'adult'])` is `{ youth: 0.6, adult: 0.6 }`.
 */
export function expandByGroup(
  value: number | Readonly<Record<string, number>>,
  groupIds: readonly string[],
): ByGroup<number> {
  return Object.fromEntries(groupIds.map((id) => [id, typeof value === 'number' ? value : value[id]]));
}

/**
 * The stated ratio of an effect: the number itself, the lognormal's median, or the uniform's
 * central value (default: the midpoint (from + to) / 2). Example: `statedRatio({ from: 0.77, to:
 * 0.95 })` is 0.86.
 */
export function statedRatio(ratio: RatioInput): number {
  return centralValue(ratio);
}

/**
 * The distribution of an uncertain ratio, or null for a fixed one. A lognormal's `spread` is its
 * geometric standard deviation, so sdLog = ln(spread): `{ median: 0.84, spread: 1.1 }` gives
 * sdLog = 0.0953, i.e. about 68% of draws between 0.84 / 1.1 = 0.76 and 0.84 × 1.1 = 0.92.
 */
export function effectDistribution(ratio: RatioInput): EffectDistribution | null {
  if (typeof ratio === 'number') return null;
  if ('lognormal' in ratio)
    return { kind: 'lognormal', median: ratio.lognormal.median, sdLog: Math.log(ratio.lognormal.spread) };
  // The central value only when given, so existing scenarios compile (and hash) as before.
  return ratio.central === undefined
    ? { kind: 'uniform', from: ratio.from, to: ratio.to }
    : { kind: 'uniform', from: ratio.from, to: ratio.to, central: ratio.central };
}

/** One ratio per group: the group's own ratio where `byGroup` gives one, else the stated ratio. */
export function ratiosByGroup(
  ratio: RatioInput | undefined,
  byGroup: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined,
  key: string,
  groupIds: readonly string[],
): ByGroup<number> {
  const overall = ratio === undefined ? DEFAULTS.ratio : statedRatio(ratio);
  return Object.fromEntries(groupIds.map((id) => [id, byGroup?.[id]?.[key] ?? overall]));
}
