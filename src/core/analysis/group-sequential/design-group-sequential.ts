import { computeClassicBoundaries } from './classic-boundaries.js';
import { computeFutilityBoundaries } from './futility-boundaries.js';
import type { SequentialBoundaries, SequentialDesignInput } from './sequential-design.js';
import { computeSpendingBoundaries } from './spending-boundaries.js';

/**
 * The boundaries of a group-sequential design: efficacy boundaries by the classic or α-spending
 * rule, then, if asked, non-binding futility boundaries by β-spending for those efficacy
 * boundaries. Looks must pass `checkLooks`; α in (0, 0.5), β in (0, 0.5].
 *
 * Formula in words: see `computeClassicBoundaries`, `computeSpendingBoundaries` and
 * `computeFutilityBoundaries`; non-binding means the efficacy boundaries are computed as if there
 * were no futility boundaries, so the type I error is at most α whether futility is obeyed or not.
 * Reference: Jennison & Turnbull (2000) ch. 2, 7 and 19; docs/sequential-and-stepped-wedge.md.
 *
 * @example designGroupSequential({ informationFractions: [1/3, 2/3, 1], alpha: 0.025, sides: 1,
 *   efficacy: { kind: 'classic', shape: 'pocock' } }).efficacyZ // ≈ [2.2895, 2.2895, 2.2895]
 */
export function designGroupSequential(input: SequentialDesignInput): SequentialBoundaries {
  const { informationFractions, alpha, sides, efficacy } = input;
  const { efficacyZ, alphaSpent } =
    efficacy.kind === 'classic'
      ? computeClassicBoundaries(informationFractions, alpha, sides, efficacy.shape)
      : computeSpendingBoundaries(informationFractions, alpha, sides, efficacy.spending);
  const futility =
    input.futility === undefined
      ? null
      : computeFutilityBoundaries(informationFractions, sides, efficacyZ, input.futility);
  return { informationFractions: [...informationFractions], alpha, sides, efficacyZ, alphaSpent, futility };
}
