/**
 * Stepped-wedge randomisation: every cluster starts in control and crosses to treatment at a
 * randomised step, one period apart, never crossing back. The scheme's person form (each
 * person-period's arm follows their cluster's crossover), its exact probabilities and its
 * re-randomiser (the permutation of crossover times) are here; it has no cell form (rollouts run on
 * the person form, `chooseEngine`).
 */
import { drawUniformIndex } from '../distributions/uniform-index.js';
import type { Rng } from '../rng/rng.js';

/** A rollout's randomisation, fixed per design: how many clusters cross at each step. */
export interface RolloutAssignmentPlan {
  readonly kind: 'rollout';
  readonly clusters: number;
  /** Periods: steps + 1 (period 0 is all control). */
  readonly periods: number;
  /** Crossover period of each slot: slots are dealt to clusters by a uniform random permutation. */
  readonly slotCrossover: Uint8Array;
}

/**
 * The rollout's slots: `steps` sequences, sequence s (1 … steps) crossing at the start of period
 * s; clusters spread as evenly as possible, the earlier sequences getting one more when `steps`
 * does not divide `clusters` (as `steppedWedgeTreatment` in src/search/analytic/hussey-hughes.ts).
 *
 * @example planRollout(5, 2).slotCrossover → [1, 1, 1, 2, 2]
 */
export function planRollout(clusters: number, steps: number): RolloutAssignmentPlan {
  const slotCrossover = new Uint8Array(clusters);
  let slot = 0;
  for (let sequence = 1; sequence <= steps; sequence++) {
    const inSequence = Math.floor(clusters / steps) + (sequence <= clusters % steps ? 1 : 0);
    for (let c = 0; c < inSequence; c++) slotCrossover[slot++] = sequence;
  }
  return { kind: 'rollout', clusters, periods: steps + 1, slotCrossover };
}

/**
 * Draws each cluster's crossover period: a uniformly random permutation of the plan's slots
 * (Fisher–Yates), so every allocation of clusters to sequences with the planned sizes is equally
 * likely. Writes into `into` (one entry per cluster) and returns it.
 * Reference: Hussey & Hughes (2007) Contemp Clin Trials 28:182–191 (sequences randomised);
 * Durstenfeld (1964) CACM 7:420 (the shuffle).
 *
 * @example drawCrossover(planRollout(4, 2), rng) → e.g. [2, 1, 1, 2]
 */
export function drawCrossover(plan: RolloutAssignmentPlan, rng: Rng, into?: Uint8Array): Uint8Array {
  const crossover = into ?? new Uint8Array(plan.clusters);
  crossover.set(plan.slotCrossover);
  for (let i = crossover.length - 1; i > 0; i--) {
    const j = drawUniformIndex(rng, i + 1);
    const swap = crossover[i];
    crossover[i] = crossover[j];
    crossover[j] = swap;
  }
  return crossover;
}

/**
 * Person form: the arm of each person-period row, 1 when its period is at or after its cluster's
 * crossover period.
 *
 * @example crossover [1, 2], rows (cluster, period) (0,0) (0,1) (1,1) (1,2) → [0, 1, 0, 1]
 */
export function assignRolloutRows(crossover: Uint8Array, rowCluster: Uint16Array, rowPeriod: Uint8Array): Uint8Array {
  const treated = new Uint8Array(rowCluster.length);
  for (let r = 0; r < treated.length; r++) if (rowPeriod[r] >= crossover[rowCluster[r]]) treated[r] = 1;
  return treated;
}

/**
 * The exact probability that a cluster is treated in each period: the share of slots crossing at
 * or before it (the same for every cluster).
 *
 * @example planRollout(12, 4) → [0, 0.25, 0.5, 0.75, 1]
 */
export function rolloutTreatedProbabilities(plan: RolloutAssignmentPlan): Float64Array {
  const probabilities = new Float64Array(plan.periods);
  for (let j = 0; j < plan.periods; j++) {
    let crossed = 0;
    for (let s = 0; s < plan.clusters; s++) if (plan.slotCrossover[s] <= j) crossed++;
    probabilities[j] = crossed / plan.clusters;
  }
  return probabilities;
}
