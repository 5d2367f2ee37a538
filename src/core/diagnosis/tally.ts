import { ExactSum } from './exact-sum.js';
import { emptyInterimTally, interimTallyFromJSON, mergeInterimTally, type InterimTally } from './interim-tally.js';
import { emptyStepTally, mergeStepTally, stepTallyFromJSON, type StepTally } from './step-tally.js';

/**
 * Running totals over trials for one outcome in one run (the effect run or the paired null run):
 * only counts and exact sums, so tallies of any split of the trials combine, in any order, to
 * exactly the tally of the whole (see `ExactSum`).
 */
export interface OutcomeTally {
  trials: number;
  failures: number;
  /** Significant at the unadjusted alpha. */
  rejections: number;
  /** Significant after the multiplicity correction across primary outcomes. */
  adjustedRejections: number;
  /** Sum of log estimates over trials that did not fail. */
  sumLogEstimate: ExactSum;
  /** Sum of (log estimate − log truth). */
  sumError: ExactSum;
  /** Sum of (log estimate − log truth)². */
  sumSquaredError: ExactSum;
  /** Intervals that contain the log truth. */
  covered: number;
  /** Significant results whose sign differs from the truth's. */
  wrongSign: number;
  /** Significant results counted for exaggeration (truth ≠ 0). */
  significantWithTruth: number;
  /** Sum of |log estimate| / |log truth| over significant results with truth ≠ 0. */
  sumExaggeration: ExactSum;
  /**
   * Sum of the ratio estimate exp(log estimate) over significant results with truth ≠ 0 whose sign
   * is the truth's (there are significantWithTruth − wrongSign of them): the mean ratio a
   * significant trial that gets the direction right reports, for the plain reading of exaggeration.
   */
  sumSignificantRatio: ExactSum;
  /** Counts of log estimates in fixed bins (see `ESTIMATE_BINS`), for the sampling distribution. */
  estimateHistogram: number[];
  /** The same, for significant results only. */
  significantHistogram: number[];
  /**
   * Under a replication plan, for an outcome with an original: trials that succeeded under each
   * success criterion, in the plan's order (absent otherwise, and until the first trial is added).
   */
  replicationSuccesses?: number[];
}

/** Bins of the log-estimate histogram: BIN_COUNT equal bins over [MIN, MAX) plus one below and one above. */
export const ESTIMATE_BINS = { min: -4, max: 4, count: 160 } as const;

/** Totals for a whole run: one tally per outcome, family-wise counts, and the null run's. */
export interface RunTally {
  trials: number;
  outcomes: OutcomeTally[];
  /** Trials with at least one / every primary outcome significant after correction. */
  anyPrimary: number;
  allPrimary: number;
  /** The paired null run (every effect none, same seeds), or null when skipped. */
  nullRun: { outcomes: OutcomeTally[]; anyPrimary: number } | null;
  /**
   * A group-sequential design only: how its trials ended at the interim looks, in the effect run
   * and (when there is one) the paired null run. Absent for one analysis at the end.
   */
  interim?: { effect: InterimTally; nullRun: InterimTally | null };
  /**
   * A stepped-wedge rollout only: per outcome, its per-step (exposure-time) results, in the effect
   * run and (when there is one) the paired null run. Absent for other designs.
   */
  steps?: { effect: StepTally[]; nullRun: StepTally[] | null };
}

/** A tally with nothing in it. */
export function emptyOutcomeTally(): OutcomeTally {
  return {
    trials: 0,
    failures: 0,
    rejections: 0,
    adjustedRejections: 0,
    sumLogEstimate: new ExactSum(),
    sumError: new ExactSum(),
    sumSquaredError: new ExactSum(),
    covered: 0,
    wrongSign: 0,
    significantWithTruth: 0,
    sumExaggeration: new ExactSum(),
    sumSignificantRatio: new ExactSum(),
    estimateHistogram: new Array<number>(ESTIMATE_BINS.count + 2).fill(0),
    significantHistogram: new Array<number>(ESTIMATE_BINS.count + 2).fill(0),
  };
}

/**
 * An empty run tally for `outcomeCount` outcomes, with or without the null run, for a
 * group-sequential design (`lookCount` > 0) its interim tallies, and for a rollout
 * (`exposureTimes` > 0) its per-step tallies.
 */
export function emptyRunTally(outcomeCount: number, withNull: boolean, lookCount = 0, exposureTimes = 0): RunTally {
  const tallies = () => Array.from({ length: outcomeCount }, emptyOutcomeTally);
  const tally: RunTally = {
    trials: 0,
    outcomes: tallies(),
    anyPrimary: 0,
    allPrimary: 0,
    nullRun: withNull ? { outcomes: tallies(), anyPrimary: 0 } : null,
  };
  if (lookCount > 0) {
    tally.interim = {
      effect: emptyInterimTally(lookCount),
      nullRun: withNull ? emptyInterimTally(lookCount) : null,
    };
  }
  if (exposureTimes > 0) tally.steps = emptyStepTallies(outcomeCount, exposureTimes, withNull);
  return tally;
}

function emptyStepTallies(
  outcomeCount: number,
  exposureTimes: number,
  withNull: boolean,
): { effect: StepTally[]; nullRun: StepTally[] | null } {
  const tallies = () => Array.from({ length: outcomeCount }, () => emptyStepTally(exposureTimes));
  return { effect: tallies(), nullRun: withNull ? tallies() : null };
}

/** The histogram bin of a log estimate. */
export function estimateBin(logEstimate: number): number {
  if (logEstimate < ESTIMATE_BINS.min) return 0;
  if (logEstimate >= ESTIMATE_BINS.max) return ESTIMATE_BINS.count + 1;
  const width = (ESTIMATE_BINS.max - ESTIMATE_BINS.min) / ESTIMATE_BINS.count;
  return 1 + Math.min(ESTIMATE_BINS.count - 1, Math.floor((logEstimate - ESTIMATE_BINS.min) / width));
}

/** Adds `other` into `into`. */
export function mergeOutcomeTally(into: OutcomeTally, other: OutcomeTally): void {
  into.trials += other.trials;
  into.failures += other.failures;
  into.rejections += other.rejections;
  into.adjustedRejections += other.adjustedRejections;
  into.sumLogEstimate.merge(other.sumLogEstimate);
  into.sumError.merge(other.sumError);
  into.sumSquaredError.merge(other.sumSquaredError);
  into.covered += other.covered;
  into.wrongSign += other.wrongSign;
  into.significantWithTruth += other.significantWithTruth;
  into.sumExaggeration.merge(other.sumExaggeration);
  into.sumSignificantRatio.merge(other.sumSignificantRatio);
  for (let i = 0; i < into.estimateHistogram.length; i++) {
    into.estimateHistogram[i] += other.estimateHistogram[i];
    into.significantHistogram[i] += other.significantHistogram[i];
  }
  if (other.replicationSuccesses !== undefined) {
    const successes = (into.replicationSuccesses ??= other.replicationSuccesses.map(() => 0));
    other.replicationSuccesses.forEach((count, j) => (successes[j] += count));
  }
}

/** Adds run tally `other` into `into` (same outcomes, same null-run setting). */
export function mergeRunTally(into: RunTally, other: RunTally): void {
  into.trials += other.trials;
  into.anyPrimary += other.anyPrimary;
  into.allPrimary += other.allPrimary;
  into.outcomes.forEach((tally, i) => mergeOutcomeTally(tally, other.outcomes[i]));
  if (into.nullRun && other.nullRun) {
    into.nullRun.anyPrimary += other.nullRun.anyPrimary;
    into.nullRun.outcomes.forEach((tally, i) => mergeOutcomeTally(tally, other.nullRun!.outcomes[i]));
  }
  if (other.interim) {
    // A tally begun without knowing the design (the runner's) takes its looks from the first block.
    const lookCount = other.interim.effect.futility.length;
    into.interim ??= {
      effect: emptyInterimTally(lookCount),
      nullRun: other.interim.nullRun ? emptyInterimTally(lookCount) : null,
    };
    mergeInterimTally(into.interim.effect, other.interim.effect);
    if (into.interim.nullRun && other.interim.nullRun) mergeInterimTally(into.interim.nullRun, other.interim.nullRun);
  }
  if (other.steps) {
    // As for the looks: a tally begun without knowing the design takes its steps from the first block.
    const exposureTimes = other.steps.effect[0]?.estimated.length ?? 0;
    into.steps ??= emptyStepTallies(other.steps.effect.length, exposureTimes, other.steps.nullRun !== null);
    const { effect, nullRun } = into.steps;
    effect.forEach((step, k) => mergeStepTally(step, other.steps!.effect[k]));
    if (nullRun && other.steps.nullRun) nullRun.forEach((step, k) => mergeStepTally(step, other.steps!.nullRun![k]));
  }
}

/** Plain JSON form of a run tally (exact sums as decimal strings), for worker messages and shard files. */
export function runTallyToJSON(tally: RunTally): unknown {
  return JSON.parse(JSON.stringify(tally));
}

/** Rebuilds a run tally from `runTallyToJSON` output. */
export function runTallyFromJSON(json: unknown): RunTally {
  const plain = json as RunTally & { outcomes: Record<string, unknown>[] };
  const revive = (raw: Record<string, unknown>): OutcomeTally => ({
    ...(raw as unknown as OutcomeTally),
    sumLogEstimate: ExactSum.fromJSON(raw.sumLogEstimate as string),
    sumError: ExactSum.fromJSON(raw.sumError as string),
    sumSquaredError: ExactSum.fromJSON(raw.sumSquaredError as string),
    sumExaggeration: ExactSum.fromJSON(raw.sumExaggeration as string),
    sumSignificantRatio: ExactSum.fromJSON(raw.sumSignificantRatio as string),
    estimateHistogram: [...(raw.estimateHistogram as number[])],
    significantHistogram: [...(raw.significantHistogram as number[])],
    ...(raw.replicationSuccesses === undefined
      ? {}
      : { replicationSuccesses: [...(raw.replicationSuccesses as number[])] }),
  });
  const tally: RunTally = {
    trials: plain.trials,
    anyPrimary: plain.anyPrimary,
    allPrimary: plain.allPrimary,
    outcomes: (plain.outcomes as unknown as Record<string, unknown>[]).map(revive),
    nullRun: plain.nullRun
      ? {
          anyPrimary: plain.nullRun.anyPrimary,
          outcomes: (plain.nullRun.outcomes as unknown as Record<string, unknown>[]).map(revive),
        }
      : null,
  };
  const interim = (json as { interim?: { effect: Record<string, unknown>; nullRun: Record<string, unknown> | null } })
    .interim;
  if (interim !== undefined) {
    tally.interim = {
      effect: interimTallyFromJSON(interim.effect),
      nullRun: interim.nullRun === null ? null : interimTallyFromJSON(interim.nullRun),
    };
  }
  const steps = (json as { steps?: { effect: Record<string, unknown>[]; nullRun: Record<string, unknown>[] | null } })
    .steps;
  if (steps !== undefined) {
    tally.steps = {
      effect: steps.effect.map(stepTallyFromJSON),
      nullRun: steps.nullRun === null ? null : steps.nullRun.map(stepTallyFromJSON),
    };
  }
  return tally;
}
