import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Design } from '../core/design.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import { ChunkCollector } from './chunk-collector.js';
import { ChunkQueue } from './chunk-queue.js';
import { defaultEngineUrl } from './engine-module.js';
import type { Shard } from './parse-shard.js';
import type { RunProgress } from './progress.js';
import { ProgressMeter } from './progress-meter.js';
import { runInProcess } from './run-in-process.js';
import { runOnWorkers } from './run-on-workers.js';
import type { FaultInjection } from './run-plan.js';
import { shardRange } from './shard-range.js';

export interface RunTrialsOptions {
  /** Trials in the whole run (default: the scenario's `simulation.trials`). */
  readonly trials?: number;
  /** Worker threads (default: available cores). One thread runs in this thread, without workers. */
  readonly threads?: number;
  /** Also run the paired null run (every effect none) that measures the type I error. */
  readonly withNull: boolean;
  /** Run only this shard's slice of the trial indices (see `shardRange`). */
  readonly shard?: Shard;
  /** Trials per chunk; by default chunks are sized from the measured speed (about 0.1 s each). */
  readonly chunkSize?: number;
  /** Called with progress about ten times a second, and once at the start and at the end. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Aborting stops the run promptly; the result then holds the finished chunks, `complete: false`. */
  readonly signal?: AbortSignal;
  /** Attempts at a chunk before the run fails (default 3). */
  readonly maxAttempts?: number;
  /** Run in this thread rather than on workers (default: when threads is 1 and no fault is injected). */
  readonly inProcess?: boolean;
  /** For tests: the engine module to load instead of `dist/src/core/simulate-block.js` (must be JavaScript). */
  readonly engineUrl?: URL;
  /** For tests: make a chunk fail on purpose (see `FaultInjection`). */
  readonly faultInjection?: FaultInjection;
}

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
  /** Mean milliseconds from asking for a worker to its engine being loaded (null in-process). */
  readonly workerStartMilliseconds: number | null;
}

/**
 * Simulates the trials of a design (or of one shard) and returns their tally. Trial i is a pure
 * function of (design, seed, i) and tallies merge exactly, so every field of the tally is the same
 * for any thread count, chunk size or shard split; only `seconds` varies. Only tallies are kept,
 * never per-trial data, so memory does not grow with the number of trials.
 *
 * Example: await runTrials(design, { trials: 1000, threads: 2, withNull: true }) →
 * { tally: { trials: 1000, … }, complete: true, trialRange: [0, 1000], threads: 2, … }.
 */
export async function runTrials(design: Design, options: RunTrialsOptions): Promise<RunTrialsResult> {
  const began = performance.now();
  const elapsedSeconds = () => (performance.now() - began) / 1000;
  const trials = options.trials ?? design.simulation.trials;
  const threads = options.threads ?? availableParallelism();
  requireWholeNumber('trials', trials, 0);
  requireWholeNumber('threads', threads, 1);
  if (options.chunkSize !== undefined) requireWholeNumber('chunkSize', options.chunkSize, 1);
  const [fromTrial, toTrial] = options.shard ? shardRange(trials, options.shard.index, options.shard.count) : [0, trials];
  const meter = new ProgressMeter(design, toTrial - fromTrial, options.withNull, options.onProgress, elapsedSeconds);
  const plan = {
    design,
    fromTrial,
    toTrial,
    withNull: options.withNull,
    threads,
    engineUrl: (options.engineUrl ?? defaultEngineUrl()).href,
    maxAttempts: options.maxAttempts ?? 3,
    faultInjection: options.faultInjection ?? null,
    signal: options.signal,
    queue: new ChunkQueue(fromTrial, toTrial, options.chunkSize ?? null, threads),
    collector: new ChunkCollector(design.outcomes.length, options.withNull, fromTrial),
    meter,
  };
  meter.emit(true);
  const inProcess = options.inProcess ?? (threads === 1 && !options.faultInjection);
  const outcome = toTrial === fromTrial ? { complete: true, workerStartMilliseconds: null } : await (inProcess ? runInProcess(plan) : runOnWorkers(plan));
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

function requireWholeNumber(name: string, value: number, atLeast: number): void {
  if (!Number.isSafeInteger(value) || value < atLeast) throw new RangeError(`runTrials: ${name} must be a whole number ≥ ${atLeast} (got ${value})`);
}
