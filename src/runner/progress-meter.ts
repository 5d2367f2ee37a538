import type { Design } from '../core/design.js';
import { ExactSum } from '../core/diagnosis/exact-sum.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import { wilsonInterval } from '../core/diagnosis/wilson-interval.js';
import type { LookProgress, OutcomeProgress, RunProgress, StepProgress } from '../events/run-progress.js';

/** Seconds between progress events: about ten a second. */
export const PROGRESS_INTERVAL_SECONDS = 0.1;

/**
 * Keeps the running counts the progress display needs (trials, rejections, failures per outcome)
 * and turns them into `RunProgress` events, at most one per `PROGRESS_INTERVAL_SECONDS`.
 * Counts are integers, so they are exact whatever order chunks arrive in.
 *
 * Power so far is rejections / trials with its Wilson 95% interval; the rate is trials done over
 * elapsed seconds, and the ETA is the trials left at that rate.
 */
export class ProgressMeter {
  private trialsDone = 0;
  private readonly rejections: number[];
  private readonly failures: number[];
  private readonly nullRejections: number[] | null;
  private lastEmitSeconds = -Infinity;
  /** A group-sequential design's stops per look, for efficacy and for futility (empty otherwise). */
  private readonly efficacyStops: number[];
  private readonly futilityStops: number[];
  /** A rollout's first primary outcome (index), and its per-step rejections, estimates and sums of log estimates. */
  private readonly stepOutcome: number;
  private readonly stepRejections: number[];
  private readonly stepEstimated: number[];
  private readonly stepSumLog: ExactSum[];

  constructor(
    private readonly design: Design,
    private readonly trialsTotal: number,
    withNull: boolean,
    private readonly onProgress: ((progress: RunProgress) => void) | undefined,
    private readonly elapsedSeconds: () => number,
  ) {
    const zeros = () => design.outcomes.map(() => 0);
    this.rejections = zeros();
    this.failures = zeros();
    this.nullRejections = withNull ? zeros() : null;
    const looks = design.plan.interim?.looks.length ?? 0;
    this.efficacyStops = new Array<number>(looks).fill(0);
    this.futilityStops = new Array<number>(looks).fill(0);
    const steps = design.plan.rollout?.steps ?? 0;
    this.stepOutcome = Math.max(
      0,
      design.outcomes.findIndex((o) => o.primary),
    );
    this.stepRejections = new Array<number>(steps).fill(0);
    this.stepEstimated = new Array<number>(steps).fill(0);
    this.stepSumLog = Array.from({ length: steps }, () => new ExactSum());
  }

  /** Counts a finished chunk. */
  add(tally: RunTally): void {
    this.trialsDone += tally.trials;
    tally.outcomes.forEach((outcome, k) => {
      this.rejections[k] += outcome.rejections;
      this.failures[k] += outcome.failures;
    });
    if (this.nullRejections && tally.nullRun) {
      tally.nullRun.outcomes.forEach((outcome, k) => (this.nullRejections![k] += outcome.rejections));
    }
    const interim = tally.interim?.effect;
    if (interim) {
      this.efficacyStops.forEach((_, k) => {
        this.efficacyStops[k] += interim.efficacyBenefit[k] + interim.efficacyHarm[k];
        this.futilityStops[k] += interim.futility[k];
      });
    }
    const steps = tally.steps?.effect[this.stepOutcome];
    if (steps) {
      this.stepRejections.forEach((_, e) => {
        this.stepRejections[e] += steps.rejections[e];
        this.stepEstimated[e] += steps.estimated[e];
        this.stepSumLog[e].merge(steps.sumLogEstimate[e]);
      });
    }
  }

  /** Emits an event if the last was long enough ago, or always with `force` (start and end). */
  emit(force = false): void {
    if (!this.onProgress) return;
    const elapsed = this.elapsedSeconds();
    if (!force && elapsed - this.lastEmitSeconds < PROGRESS_INTERVAL_SECONDS) return;
    this.lastEmitSeconds = elapsed;
    this.onProgress(this.snapshot(elapsed));
  }

  private snapshot(elapsedSeconds: number): RunProgress {
    const done = this.trialsDone;
    const trialsPerSecond = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    const outcomes: OutcomeProgress[] = this.design.outcomes.map((outcome, k) => ({
      outcome: outcome.id,
      power: done > 0 ? this.rejections[k] / done : 0,
      powerCI: wilsonInterval(this.rejections[k], done),
      failures: this.failures[k],
      typeIError: this.nullRejections ? (done > 0 ? this.nullRejections[k] / done : 0) : null,
    }));
    return {
      trialsDone: done,
      trialsTotal: this.trialsTotal,
      trialsPerSecond,
      etaSeconds: trialsPerSecond > 0 ? (this.trialsTotal - done) / trialsPerSecond : null,
      elapsedSeconds,
      outcomes,
      ...(this.efficacyStops.length > 0 ? { looks: this.looksSoFar(done) } : {}),
      ...(this.stepRejections.length > 0 ? { steps: this.stepsSoFar(done) } : {}),
    };
  }

  private stepsSoFar(done: number): StepProgress[] {
    const months = this.design.plan.rollout?.periodMonths ?? 0;
    const outcome = this.design.outcomes[this.stepOutcome].id;
    return this.stepRejections.map((rejections, e) => ({
      outcome,
      fromMonth: e * months,
      toMonth: (e + 1) * months,
      meanEstimate: this.stepEstimated[e] > 0 ? Math.exp(this.stepSumLog[e].value() / this.stepEstimated[e]) : NaN,
      power: done > 0 ? rejections / done : 0,
    }));
  }

  private looksSoFar(done: number): LookProgress[] {
    return this.efficacyStops.map((efficacy, k) => ({
      look: k + 1,
      stopEfficacy: done > 0 ? efficacy / done : 0,
      stopFutility: done > 0 ? this.futilityStops[k] / done : 0,
    }));
  }
}
