/**
 * The page's trial runner: the command line's runner pieces — `ChunkQueue` (adaptive chunks in
 * trial order), `ChunkCollector` (tallies merged in trial order), `ProgressMeter` (running power
 * with its Wilson interval), `TrialFailureError` — driven over web workers instead of worker
 * threads. Trial i depends only on (design, seed, i) and tallies merge exactly, so the tally is
 * the command line's for any number of workers or chunk sizes.
 */
import type { Design } from '../../core/design.js';
import { emptyRunTally, mergeRunTally, runTallyFromJSON, type RunTally } from '../../core/diagnosis/tally.js';
import { ChunkCollector } from '../../runner/chunk-collector.js';
import { ChunkQueue, type Chunk } from '../../runner/chunk-queue.js';
import type { RunProgress } from '../../events/run-progress.js';
import { ProgressMeter } from '../../runner/progress-meter.js';
import { TrialFailureError } from '../../runner/trial-failure-error.js';
import type { FromChunkWorker, ToChunkWorker } from './chunk-messages.js';
import type { TrialSample } from './trial-sample.js';

/** What the runner needs of a worker: the browser's `Worker`, or a stand-in in tests. */
export interface WorkerLike {
  postMessage(message: ToChunkWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromChunkWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** What to run. */
export interface PageRunOptions {
  /** Trials in the whole run. */
  readonly trials: number;
  /** Also run the paired null run that measures the type I error. */
  readonly withNull: boolean;
  /** Run exactly the trial indices [from, to) (default [0, trials)). */
  readonly trialRange?: readonly [number, number];
  /** Send back the individual trials below this index (default 0: none). */
  readonly sampleBelow?: number;
  /** Fixed trials per chunk (default: sized from the measured speed, as on the command line). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Running power per outcome, about ten times a second. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** After each finished chunk: the tally of every chunk so far (merged as they come) and that chunk's trials. */
  readonly onChunk?: (tallySoFar: RunTally, samples: readonly TrialSample[]) => void;
}

/** A finished (or stopped) run. */
export interface PageRunResult {
  readonly tally: RunTally;
  readonly complete: boolean;
  readonly trialRange: readonly [number, number];
  readonly seconds: number;
  readonly threads: number;
  /** The individual trials asked for with `sampleBelow`, in trial order. */
  readonly samples: readonly TrialSample[];
}

/** Attempts at a chunk before the run fails, as on the command line. */
const MAX_ATTEMPTS = 3;
/**
 * Chunks queued at each worker, so it never waits for the page between chunks: one more than the
 * command line's two, because the page's own thread also draws, and a chunk takes about 0.1 s.
 */
const CHUNKS_IN_FLIGHT = 3;

interface Slot {
  readonly worker: WorkerLike;
  ready: boolean;
  runId: number;
  chunks: Chunk[];
}

interface ActiveRun {
  readonly id: number;
  readonly design: Design;
  readonly options: PageRunOptions;
  readonly queue: ChunkQueue;
  readonly collector: ChunkCollector;
  readonly meter: ProgressMeter;
  readonly live: RunTally;
  readonly samples: TrialSample[];
  readonly settle: (outcome: boolean | Error) => void;
  readonly onAbort: () => void;
}

/**
 * Web workers kept between runs (a slider that re-runs pays their start-up once). One run at a
 * time. Stopping a run terminates its workers (a busy worker cannot be interrupted otherwise);
 * the finished chunks are kept, `complete: false`, and the next run starts fresh workers.
 *
 * Example: const runner = new PageRunner(2, () => new Worker(url, { type: 'module' }));
 * const { tally } = await runner.run(design, { trials: 1000, withNull: true });
 */
export class PageRunner {
  private slots: Slot[] = [];
  private active: ActiveRun | null = null;
  private lastRunId = 0;

  constructor(
    readonly threads: number,
    private readonly createWorker: () => WorkerLike,
  ) {
    if (!Number.isSafeInteger(threads) || threads < 1) throw new RangeError(`threads must be ≥ 1 (got ${threads})`);
  }

  /** Runs the design's trials; resolves when all are tallied or the run is stopped. */
  async run(design: Design, options: PageRunOptions): Promise<PageRunResult> {
    if (this.active) throw new Error('PageRunner runs one run at a time');
    const began = performance.now();
    const elapsedSeconds = () => (performance.now() - began) / 1000;
    const [fromTrial, toTrial] = options.trialRange ?? [0, options.trials];
    const meter = new ProgressMeter(design, toTrial - fromTrial, options.withNull, options.onProgress, elapsedSeconds);
    const collector = new ChunkCollector(design.outcomes.length, options.withNull, fromTrial);
    const samples: TrialSample[] = [];
    meter.emit(true);
    let complete = !options.signal?.aborted;
    if (complete && toTrial > fromTrial) {
      complete = await new Promise<boolean>((resolve, reject) => {
        const id = ++this.lastRunId;
        const onAbort = () => this.endRun(id, false, true);
        this.active = {
          id,
          design,
          options,
          queue: new ChunkQueue(fromTrial, toTrial, options.chunkSize ?? null, this.threads),
          collector,
          meter,
          live: emptyRunTally(design.outcomes.length, options.withNull),
          samples,
          settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)),
          onAbort,
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const wanted = Math.min(this.threads, toTrial - fromTrial);
        while (this.slots.length < wanted) this.start();
        for (const slot of this.slots) if (slot.ready) this.dispatch(slot);
      });
    }
    meter.emit(true);
    samples.sort((a, b) => a.trial - b.trial);
    return {
      tally: collector.tally(),
      complete,
      trialRange: [fromTrial, toTrial],
      seconds: elapsedSeconds(),
      threads: this.threads,
      samples,
    };
  }

  /** Stops every worker; a run still going ends as stopped. */
  close(): void {
    if (this.active) this.endRun(this.active.id, false, true);
    this.terminateAll();
  }

  private start(): void {
    const slot: Slot = { worker: this.createWorker(), ready: false, runId: 0, chunks: [] };
    this.slots.push(slot);
    slot.worker.onmessage = (event) => this.onMessage(slot, event.data);
    slot.worker.onerror = (event) => this.onCrash(slot, `the worker failed: ${event.message ?? 'unknown error'}`);
  }

  private onMessage(slot: Slot, message: FromChunkWorker): void {
    if (!this.slots.includes(slot)) return;
    if (message.kind === 'ready') {
      slot.ready = true;
      this.dispatch(slot);
      return;
    }
    const run = this.active;
    const at = slot.chunks.findIndex((sent) => sent.fromTrial === message.fromTrial);
    if (!run || message.runId !== run.id || at < 0) return;
    const [chunk] = slot.chunks.splice(at, 1);
    if (message.kind === 'failed') {
      this.retire(slot);
      for (const waiting of slot.chunks.splice(0)) run.queue.giveBack(waiting);
      this.chunkFailed(run, chunk, message.reason, message.trial);
      return;
    }
    const tally = runTallyFromJSON(message.tally);
    run.queue.observe(tally.trials, message.seconds);
    run.collector.add(chunk.fromTrial, chunk.toTrial, tally);
    mergeRunTally(run.live, tally);
    run.samples.push(...message.samples);
    run.meter.add(tally);
    run.meter.emit();
    run.options.onChunk?.(run.live, message.samples);
    if (this.active === run) this.dispatch(slot);
  }

  private onCrash(slot: Slot, reason: string): void {
    if (!this.slots.includes(slot)) return;
    this.retire(slot);
    const run = this.active;
    if (!run) return;
    const running = slot.chunks.shift();
    for (const waiting of slot.chunks.splice(0)) run.queue.giveBack(waiting);
    if (running) this.chunkFailed(run, running, reason, null);
    else if (!slot.ready) this.endRun(run.id, new Error(`a web worker could not start: ${reason}`), true);
  }

  private chunkFailed(run: ActiveRun, chunk: Chunk, reason: string, trial: number | null): void {
    chunk.attempts += 1;
    if (chunk.attempts >= MAX_ATTEMPTS) {
      const range = [chunk.fromTrial, chunk.toTrial] as const;
      this.endRun(
        run.id,
        new TrialFailureError(range, trial, run.design.simulation.seed, chunk.attempts, reason),
        true,
      );
      return;
    }
    run.queue.giveBack(chunk);
    this.start();
  }

  private dispatch(slot: Slot): void {
    const run = this.active;
    if (!run) return;
    while (slot.chunks.length < CHUNKS_IN_FLIGHT) {
      const chunk = run.queue.take();
      if (!chunk) break;
      if (slot.runId !== run.id) {
        slot.runId = run.id;
        slot.worker.postMessage({
          kind: 'design',
          runId: run.id,
          design: run.design,
          withNull: run.options.withNull,
          sampleBelow: run.options.sampleBelow ?? 0,
        });
      }
      slot.chunks.push(chunk);
      slot.worker.postMessage({ kind: 'chunk', runId: run.id, fromTrial: chunk.fromTrial, toTrial: chunk.toTrial });
    }
    if (this.slots.every((other) => other.chunks.length === 0)) this.endRun(run.id, true, false);
  }

  private endRun(id: number, outcome: boolean | Error, stopWorkers: boolean): void {
    const run = this.active;
    if (!run || run.id !== id) return;
    this.active = null;
    run.options.signal?.removeEventListener('abort', run.onAbort);
    if (stopWorkers) this.terminateAll();
    run.settle(outcome);
  }

  private retire(slot: Slot): void {
    this.slots = this.slots.filter((other) => other !== slot);
    slot.worker.terminate();
  }

  private terminateAll(): void {
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
  }
}
