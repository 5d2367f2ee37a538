/**
 * Progress of a running simulation: the event the runner emits about ten times a second and the
 * edges consume — the ink dashboards (`src/ui/`), the plain stderr lines (`src/report/`) and the
 * planning views. It lives in a neutral module so that none of them depends on another to read it.
 */

/** One outcome's running result. */
export interface OutcomeProgress {
  readonly outcome: string;
  /** Power so far, with its Wilson 95% interval. */
  readonly power: number;
  readonly powerCI: readonly [number, number];
  readonly failures: number;
  /** Type I error so far in the paired null run (null with --no-null). */
  readonly typeIError: number | null;
}

/** A group-sequential design's running share of trials stopping at one interim look (futility obeyed). */
export interface LookProgress {
  readonly look: number;
  readonly stopEfficacy: number;
  readonly stopFutility: number;
}

/**
 * A stepped-wedge rollout's running per-step result at one exposure time, for its first primary
 * outcome (the first outcome when none is primary).
 */
export interface StepProgress {
  readonly outcome: string;
  /** Months since crossover the step covers, [fromMonth, toMonth). */
  readonly fromMonth: number;
  readonly toMonth: number;
  /** exp(mean log estimate) so far (NaN before any estimate). */
  readonly meanEstimate: number;
  /** Share of trials so far whose step contrast is significant. */
  readonly power: number;
}

/** One progress event of a run: trials done, the rate, and power so far per outcome. */
export interface RunProgress {
  readonly trialsDone: number;
  readonly trialsTotal: number;
  readonly trialsPerSecond: number;
  /** Seconds left at the current rate (null until a rate is known). */
  readonly etaSeconds: number | null;
  readonly elapsedSeconds: number;
  readonly outcomes: readonly OutcomeProgress[];
  /** A group-sequential design only: stopping so far at each look. */
  readonly looks?: readonly LookProgress[];
  /** A stepped-wedge rollout only: the per-step results so far of its first primary outcome. */
  readonly steps?: readonly StepProgress[];
}

/** Where a run's progress events go. */
export type RunProgressListener = (progress: RunProgress) => void;
