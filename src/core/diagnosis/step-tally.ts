/**
 * Running totals of a rollout's per-step results over trials, for one outcome in one run (the
 * effect run or the paired null run): counts and exact sums only, so tallies of any split of the
 * trials combine, in any order, to exactly the tally of the whole, as `OutcomeTally` does.
 */
import type { StepResult } from '../analysis/exposure-time-effects.js';
import { ExactSum } from './exact-sum.js';

/** One outcome's totals, per exposure time e (index e of every array). */
export interface StepTally {
  /** Trials whose step-e effect could be estimated. */
  estimated: number[];
  /** Trials whose step-e effect could not be estimated. */
  failures: number[];
  /** Step-e contrasts significant at α. */
  rejections: number[];
  /** Step-e intervals that contain the trial's log truth. */
  covered: number[];
  /** Sum of the step-e log estimates. */
  sumLogEstimate: ExactSum[];
  /** Sum of (log estimate − log truth). */
  sumError: ExactSum[];
  /** Sum of its square. */
  sumSquaredError: ExactSum[];
  /** Sum over trials of the present cluster-periods at exposure e. */
  treatedCells: number[];
  /** Sum over trials of the present untreated cluster-periods. */
  controlCells: number[];
}

/** A step tally with nothing in it, for `exposureTimes` steps. */
export function emptyStepTally(exposureTimes: number): StepTally {
  const zeros = (): number[] => new Array<number>(exposureTimes).fill(0);
  const sums = (): ExactSum[] => Array.from({ length: exposureTimes }, () => new ExactSum());
  return {
    estimated: zeros(),
    failures: zeros(),
    rejections: zeros(),
    covered: zeros(),
    sumLogEstimate: sums(),
    sumError: sums(),
    sumSquaredError: sums(),
    treatedCells: zeros(),
    controlCells: zeros(),
  };
}

/**
 * Adds one trial's per-step results of one outcome: for each exposure time, whether it was
 * estimated, significant at α and covered the truth, its error against the trial's log truth, and
 * the cluster-periods it rests on. The model's effect does not change with exposure, so every
 * step's truth is the outcome's log estimand.
 *
 * Formula in words: error = log estimate − log truth; covered when lower ≤ log truth ≤ upper;
 * significant when p < α (the analysis plan's sides).
 *
 * @example step 0 with log estimate −0.2, interval [−0.5, 0.1], p 0.2, truth −0.1, 9 treated and
 *   30 control cells → estimated[0] 1, covered[0] 1, sumError[0] −0.1, treatedCells[0] 9
 */
export function accumulateSteps(tally: StepTally, steps: readonly StepResult[], logTruth: number, alpha: number): void {
  steps.forEach((step, e) => {
    tally.treatedCells[e] += step.treatedCells;
    tally.controlCells[e] += step.controlCells;
    const { result } = step;
    if (result.failed) {
      tally.failures[e] += 1;
      return;
    }
    tally.estimated[e] += 1;
    if (result.pValue < alpha) tally.rejections[e] += 1;
    if (result.lower <= logTruth && logTruth <= result.upper) tally.covered[e] += 1;
    const error = result.logEstimate - logTruth;
    tally.sumLogEstimate[e].add(result.logEstimate);
    tally.sumError[e].add(error);
    tally.sumSquaredError[e].add(error * error);
  });
}

/** Adds `other` into `into` (same exposure times). */
export function mergeStepTally(into: StepTally, other: StepTally): void {
  for (let e = 0; e < into.estimated.length; e++) {
    into.estimated[e] += other.estimated[e];
    into.failures[e] += other.failures[e];
    into.rejections[e] += other.rejections[e];
    into.covered[e] += other.covered[e];
    into.sumLogEstimate[e].merge(other.sumLogEstimate[e]);
    into.sumError[e].merge(other.sumError[e]);
    into.sumSquaredError[e].merge(other.sumSquaredError[e]);
    into.treatedCells[e] += other.treatedCells[e];
    into.controlCells[e] += other.controlCells[e];
  }
}

/** Rebuilds a step tally from its plain JSON form (exact sums as decimal strings). */
export function stepTallyFromJSON(raw: Record<string, unknown>): StepTally {
  const plain = raw as unknown as StepTally;
  const sums = (key: string): ExactSum[] => (raw[key] as string[]).map((sum) => ExactSum.fromJSON(sum));
  return {
    estimated: [...plain.estimated],
    failures: [...plain.failures],
    rejections: [...plain.rejections],
    covered: [...plain.covered],
    sumLogEstimate: sums('sumLogEstimate'),
    sumError: sums('sumError'),
    sumSquaredError: sums('sumSquaredError'),
    treatedCells: [...plain.treatedCells],
    controlCells: [...plain.controlCells],
  };
}
