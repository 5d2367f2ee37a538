/**
 * Running totals of a group-sequential design's interim looks over trials, for one run (the effect
 * run or the paired null run): counts and exact sums only, so tallies of any split of the trials
 * combine to the tally of the whole, as `OutcomeTally` does.
 */
import type { InterimRecord } from '../analysis/group-sequential/monitor-looks.js';
import { ExactSum } from './exact-sum.js';

/** One run's totals of how trials ended at the looks of a group-sequential design. */
export interface InterimTally {
  trials: number;
  /** Per look, futility obeyed: trials stopped there for efficacy towards benefit (Z_k ≥ b_k). */
  efficacyBenefit: number[];
  /** Per look, futility obeyed: trials stopped there for efficacy towards harm (two-sided Z_k ≤ −b_k). */
  efficacyHarm: number[];
  /** Per look, futility obeyed: trials stopped there for futility. */
  futility: number[];
  /** Per look: trials that first crossed an efficacy boundary there with futility ignored (non-binding). */
  efficacyIgnoringFutility: number[];
  /** Trials whose analysis at the stopping look failed (futility obeyed). */
  failures: number;
  /** Sum of (log estimate at stopping − log truth), over trials whose analysis at stopping did not fail. */
  sumError: ExactSum;
  /** Sum of its square. */
  sumSquaredError: ExactSum;
  /** Per look: efficacy stops counted for exaggeration (truth ≠ 0). */
  efficacyWithTruth: number[];
  /** Per look: sum over those stops of |log estimate| / |log truth|. */
  sumExaggeration: ExactSum[];
}

/** An interim tally with nothing in it, for `lookCount` looks. */
export function emptyInterimTally(lookCount: number): InterimTally {
  const zeros = (): number[] => new Array<number>(lookCount).fill(0);
  return {
    trials: 0,
    efficacyBenefit: zeros(),
    efficacyHarm: zeros(),
    futility: zeros(),
    efficacyIgnoringFutility: zeros(),
    failures: 0,
    sumError: new ExactSum(),
    sumSquaredError: new ExactSum(),
    efficacyWithTruth: zeros(),
    sumExaggeration: Array.from({ length: lookCount }, () => new ExactSum()),
  };
}

/**
 * Adds one trial's interim record: where and why it stopped (futility obeyed), where it first
 * crossed for efficacy with futility ignored, and the error and exaggeration of the estimate at
 * stopping against the trial's log estimand.
 *
 * Formula in words: error = log estimate at the stopping look − log truth; exaggeration of an
 * efficacy stop = |log estimate| / |log truth| (truth ≠ 0), the winner's curse of stopping early.
 * Reference: Jennison & Turnbull (2000) ch. 8 (estimation after a group-sequential test).
 *
 * @example a trial stopped at look 0 for efficacy with log estimate −0.6 and truth −0.3 →
 *   efficacyBenefit[0] += 1, sumError += −0.3, sumExaggeration[0] += 2
 */
export function accumulateInterim(tally: InterimTally, record: InterimRecord, logEstimand: number): void {
  tally.trials += 1;
  const k = record.stopLook;
  if (record.stopReason === 'efficacy') {
    if (record.towardsBenefit) tally.efficacyBenefit[k] += 1;
    else tally.efficacyHarm[k] += 1;
  } else if (record.stopReason === 'futility') {
    tally.futility[k] += 1;
  }
  if (record.efficacyLookIgnoringFutility >= 0)
    tally.efficacyIgnoringFutility[record.efficacyLookIgnoringFutility] += 1;
  const { result } = record;
  if (result.failed) {
    tally.failures += 1;
    return;
  }
  const error = result.logEstimate - logEstimand;
  tally.sumError.add(error);
  tally.sumSquaredError.add(error * error);
  if (record.stopReason === 'efficacy' && logEstimand !== 0) {
    tally.efficacyWithTruth[k] += 1;
    tally.sumExaggeration[k].add(Math.abs(result.logEstimate) / Math.abs(logEstimand));
  }
}

/** Adds `other` into `into` (same looks). */
export function mergeInterimTally(into: InterimTally, other: InterimTally): void {
  into.trials += other.trials;
  into.failures += other.failures;
  into.sumError.merge(other.sumError);
  into.sumSquaredError.merge(other.sumSquaredError);
  for (let k = 0; k < into.futility.length; k++) {
    into.efficacyBenefit[k] += other.efficacyBenefit[k];
    into.efficacyHarm[k] += other.efficacyHarm[k];
    into.futility[k] += other.futility[k];
    into.efficacyIgnoringFutility[k] += other.efficacyIgnoringFutility[k];
    into.efficacyWithTruth[k] += other.efficacyWithTruth[k];
    into.sumExaggeration[k].merge(other.sumExaggeration[k]);
  }
}

/** Rebuilds an interim tally from its plain JSON form (exact sums as decimal strings). */
export function interimTallyFromJSON(raw: Record<string, unknown>): InterimTally {
  const plain = raw as unknown as InterimTally;
  return {
    trials: plain.trials,
    efficacyBenefit: [...plain.efficacyBenefit],
    efficacyHarm: [...plain.efficacyHarm],
    futility: [...plain.futility],
    efficacyIgnoringFutility: [...plain.efficacyIgnoringFutility],
    failures: plain.failures,
    sumError: ExactSum.fromJSON(raw.sumError as string),
    sumSquaredError: ExactSum.fromJSON(raw.sumSquaredError as string),
    efficacyWithTruth: [...plain.efficacyWithTruth],
    sumExaggeration: (raw.sumExaggeration as string[]).map((sum) => ExactSum.fromJSON(sum)),
  };
}
