import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Design } from '../core/design.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import { ChunkCollector, type RowsListener } from './chunk-collector.js';
import { ChunkQueue } from './chunk-queue.js';
import { defaultEngineUrl } from './engine-module.js';
import type { Shard } from './parse-shard.js';
import type { RunProgress } from '../events/run-progress.js';
import { PROGRESS_INTERVAL_SECONDS, ProgressMeter } from './progress-meter.js';
import { runInProcess } from './run-in-process.js';
import type { FaultInjection, PathOutcome, RunPlan } from './run-plan.js';
import { shardRange } from './shard-range.js';
import { WorkerSession } from './worker-session.js';

/** How a runner executes: thread count and where the engine comes from. */
export interface TrialRunnerOptions {
  /** Worker threads (default: available cores). One thread runs in this thread, without workers. */
  readonly threads?: number;
  /** Run in this thread rather than on workers (default: when threads is 1). */
  readonly inProcess?: boolean;
  /** For tests: the engine module to load instead of `dist/src/core/simulate-block.js` (must be JavaScript). */
  readonly engineUrl?: URL;
}

/** What to run: which trials, with or without the null run, and how to report and stop. */
export interface RunOptions {
  /** Trials in the whole run (default: the scenario's `simulation.trials`). */
  readonly trials?: number;
  /** Also run the paired null run (every effect none) that measures the type I error. */
  readonly withNull: boolean;
  /** Run only this shard's slice of the trial indices (see `shardRange`). */
  readonly shard?: Shard;
  /** Run exactly the trial indices [from, to) (for searches that add trials to a run; overrides shard). */
  readonly trialRange?: readonly [number, number];
  /** Trials per chunk; by default chunks are sized from the measured speed (about 0.1 s each). */
  readonly chunkSize?: number;
  /**
   * Keep the trials themselves: called with each chunk's rows (one per trial, run and outcome) in
   * trial order, as soon as every earlier chunk has been handed on (`run --trials-out`).
   */
  readonly onTrialRows?: RowsListener;
  /** Called with progress about ten times a second, and once at the start and at the end. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Aborting stops the run promptly; the result then holds the finished chunks, `complete: false`. */
  readonly signal?: AbortSignal;
  /** Attempts at a chunk before the run fails (default 3). */
  readonly maxAttempts?: number;
  /** For tests: make a chunk fail on purpose (see `FaultInjection`; in-process every mode is an engine error). */
  readonly faultInjection?: FaultInjection;
}

/** The options of `runTrials`: the runner's (threads, …) and the run's (trials, null run, …). */
export type RunTrialsOptions = TrialRunnerOptions & RunOptions;

/** What `runTrials` returns: the tally and how the run went. */
export interface RunTrialsResult {
  /** Tally of every finished trial (all of `trialRange` when complete). */
  readonly tally: RunTally;
  /** False when the run was aborted before every chunk finished. */
  readonly complete: boolean;
  /** The trial indices [from, to) this run was asked for (the shard's slice, or all). */
  readonly trialRange: readonly [number, number];
  /** Wall-clock seconds, from the call to the result. */
  readonly seconds: number;
  readonly threads: number;
  /** Mean milliseconds from asking for a worker to its engine being loaded, for workers started by this run (else null). */
  readonly workerStartMilliseconds: number | null;
}

/**
 * A runner that keeps its worker threads between runs: for commands that run many designs (sample
 * size, curves), so that worker start-up and the engine's warm-up are paid once. Runs go one at a
 * time; `close()` stops the workers (until then they keep the process alive).
 */
export interface TrialRunner {
  readonly threads: number;
  run(design: Design, options: RunOptions): Promise<RunTrialsResult>;
  close(): Promise<void>;
}

/**
 * Opens a runner with `threads` workers (started on the first run).
 *
 * Example: const runner = openTrialRunner({ threads: 2 }); try { for (const d of designs) await
 * runner.run(d, { withNull: false }); } finally { await runner.close(); }
 */
export function openTrialRunner(options: TrialRunnerOptions = {}): TrialRunner {
  const threads = options.threads ?? availableParallelism();
  requireWholeNumber('threads', threads, 1);
  const engineUrl = (options.engineUrl ?? defaultEngineUrl()).href;
  const inProcess = options.inProcess ?? threads === 1;
  let session: WorkerSession | null = null;
  return {
    threads,
    run: (design, runOptions) =>
      runOn(design, runOptions, threads, engineUrl, (plan) => {
        if (inProcess) return runInProcess(plan);
        session ??= new WorkerSession(threads, engineUrl);
        return session.run(plan);
      }),
    close: async () => {
      await session?.close();
    },
  };
}

/**
 * Simulates the trials of a design (or of one shard) and returns their tally, on a runner opened
 * for this run alone. Trial i is a pure function of (design, seed, i) and tallies merge exactly,
 * so every field of the tally is the same for any thread count, chunk size or shard split; only
 * `seconds` varies. Only tallies are kept, never per-trial data (rows, when asked for, are handed
 * on as they come), so memory does not grow with the number of trials.
 *
 * Example: await runTrials(design, { trials: 1000, threads: 2, withNull: true }) →
 * { tally: { trials: 1000, … }, complete: true, trialRange: [0, 1000], threads: 2, … }.
 */
export async function runTrials(design: Design, options: RunTrialsOptions): Promise<RunTrialsResult> {
  const runner = openTrialRunner(options);
  try {
    return await runner.run(design, options);
  } finally {
    await runner.close();
  }
}

async function runOn(
  design: Design,
  options: RunOptions,
  threads: number,
  engineUrl: string,
  execute: (plan: RunPlan) => Promise<PathOutcome>,
): Promise<RunTrialsResult> {
  const began = performance.now();
  const elapsedSeconds = () => (performance.now() - began) / 1000;
  const trials = options.trials ?? design.simulation.trials;
  requireWholeNumber('trials', trials, 0);
  if (options.chunkSize !== undefined) requireWholeNumber('chunkSize', options.chunkSize, 1);
  const [fromTrial, toTrial] = trialRangeOf(trials, options);
  const meter = new ProgressMeter(design, toTrial - fromTrial, options.withNull, options.onProgress, elapsedSeconds);
  const plan: RunPlan = {
    design,
    fromTrial,
    toTrial,
    withNull: options.withNull,
    keepRows: options.onTrialRows !== undefined,
    threads,
    engineUrl,
    maxAttempts: options.maxAttempts ?? 3,
    faultInjection: options.faultInjection ?? null,
    signal: options.signal,
    queue: new ChunkQueue(fromTrial, toTrial, options.chunkSize ?? null, threads),
    collector: new ChunkCollector(design.outcomes.length, options.withNull, fromTrial, options.onTrialRows ?? null),
    meter,
  };
  meter.emit(true);
  // Chunks can be slow (a trial of a large cohort takes seconds), so progress is also sent on a
  // clock, keeping the elapsed time and ETA moving between finished chunks.
  const ticker = setInterval(() => meter.emit(), 1000 * PROGRESS_INTERVAL_SECONDS * 2.5);
  ticker.unref();
  let outcome: PathOutcome;
  try {
    outcome = toTrial === fromTrial ? { complete: true, workerStartMilliseconds: null } : await execute(plan);
  } finally {
    clearInterval(ticker);
  }
  meter.emit(true);
  return {
    tally: plan.collector.tally(),
    complete: outcome.complete,
    trialRange: [fromTrial, toTrial],
    seconds: elapsedSeconds(),
    threads,
    workerStartMilliseconds: outcome.workerStartMilliseconds,
  };
}

function trialRangeOf(trials: number, options: RunOptions): [number, number] {
  if (options.trialRange) {
    const [from, to] = options.trialRange;
    requireWholeNumber('trialRange[0]', from, 0);
    requireWholeNumber('trialRange[1]', to, from);
    return [from, to];
  }
  return options.shard ? shardRange(trials, options.shard.index, options.shard.count) : [0, trials];
}

function requireWholeNumber(name: string, value: number, atLeast: number): void {
  if (!Number.isSafeInteger(value) || value < atLeast)
    throw new RangeError(`runTrials: ${name} must be a whole number ≥ ${atLeast} (got ${value})`);
}
