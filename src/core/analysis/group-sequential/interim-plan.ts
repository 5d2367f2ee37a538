import { armSizes, type Design } from '../../design.js';
import { peopleAtLooks } from '../../measurement/look-cut.js';
import { designGroupSequential } from './design-group-sequential.js';
import type { SequentialBoundaries } from './sequential-design.js';

/** What every trial of a group-sequential design shares: computed once, in the prepared design. */
export interface InterimPlan {
  /** Design index of the monitored outcome: the first primary outcome. */
  readonly outcome: number;
  /** The efficacy (and futility) boundaries in z at each look, for the analysis's sides and α. */
  readonly boundaries: SequentialBoundaries;
  /** The people recruited, N (the maximum sample size). */
  readonly cohortSize: number;
  /** The people with complete follow-up at each look, ⌈t_k·N⌉. */
  readonly peopleAtLook: readonly number[];
}

/**
 * The interim plan of a design with `plan.interim`, or null for a design with one analysis at the
 * end: the monitored outcome, the boundaries computed once (by recursive numerical integration,
 * `designGroupSequential`) and the people analysed at each look. The looks must already have
 * passed `checkLooks` (the scenario loader refuses looks that fail it).
 *
 * Formula in words: α and the sides are the analysis plan's (two-sided: α in total, α/2 a side);
 * the first primary outcome is the one monitored; look k analyses the first ⌈t_k·N⌉ of the N
 * people recruited (`peopleAtLooks`).
 * Reference: docs/sequential-and-stepped-wedge.md.
 *
 * @example prepareInterimPlan(MK with looks [0.5, 0.75, 1], O'Brien–Fleming spending, two-sided α 0.05)
 *   → { outcome: 0, boundaries.efficacyZ ≈ [2.963, 2.359, 2.014], peopleAtLook: [83, 124, 165] }
 */
export function prepareInterimPlan(design: Design): InterimPlan | null {
  const interim = design.plan.interim;
  if (interim === undefined) return null;
  const outcome = Math.max(
    0,
    design.outcomes.findIndex((o) => o.primary),
  );
  const boundaries = designGroupSequential({
    informationFractions: interim.looks,
    alpha: design.analysis.alpha,
    sides: design.analysis.sides === 'two' ? 2 : 1,
    efficacy: interim.efficacy,
    ...(interim.futility === null ? {} : { futility: interim.futility }),
  });
  const cohortSize = armSizes(design.plan.size).total;
  return { outcome, boundaries, cohortSize, peopleAtLook: peopleAtLooks(interim.looks, cohortSize) };
}
