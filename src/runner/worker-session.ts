import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import { runTallyFromJSON } from '../core/diagnosis/tally.js';
import type { Chunk } from './chunk-queue.js';
import { BugError } from '../errors/bug-error.js';
import { workerEntryUrl } from './engine-module.js';
import { faultFor, type PathOutcome, type RunPlan } from './run-plan.js';
import { TrialFailureError } from './trial-failure-error.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-messages.js';

/** Workers that die before they are ready, in a row, after which the run gives up. */
const MAX_START_FAILURES = 3;

/**
 * Chunks sent ahead to each worker: while it runs one, the next is already in its queue, so it
 * never waits for this thread to answer (on a busy machine that round trip was ~8 ms per 70 ms chunk).
 */
const CHUNKS_IN_FLIGHT = 2;

interface Slot {
  readonly worker: Worker;
  readonly acquiredAt: number;
  ready: boolean;
  /** The run whose design this worker holds (0 for none yet). */
  runId: number;
  /** The chunks sent to this worker and not yet answered, in the order sent (it runs them in that order). */
  chunks: Chunk[];
  /** Set once the session has let go of this worker, so its exit is not taken for a crash. */
  retired: boolean;
}

interface ActiveRun {
  readonly id: number;
  readonly plan: RunPlan;
  readonly startTimes: number[];
  readonly settle: (outcome: PathOutcome | Error) => void;
  readonly onAbort: () => void;
}

/**
 * Long-lived worker threads that run the chunks of one run after another. worker-threads-pool
 * starts a new thread per `acquire` and never reuses one, so the session acquires up to `threads`
 * workers once and keeps them across runs (a search over design points pays the start-up and the
 * engine's warm-up once), sending each run's design once per worker and then chunks by message,
 * the next chunk to whichever worker is free.
 *
 * A worker that exits, throws uncaught or reports an engine error is let go; its chunk is run
 * again on a fresh worker, and after `plan.maxAttempts` failures the run ends with a
 * `TrialFailureError`. On abort, dispatch stops and every worker is terminated at once (a busy
 * worker cannot be interrupted otherwise); the chunks already finished are kept, and the next run
 * starts fresh workers. Workers are terminated with the promise form of `worker.terminate()`: the
 * pool's `destroy()` uses the callback form, which prints deprecation DEP0132 on Node 20.
 */
export class WorkerSession {
  private readonly pool: Pool;
  private readonly entry = fileURLToPath(workerEntryUrl());
  private readonly slots = new Set<Slot>();
  private acquiring = 0;
  private startFailures = 0;
  private active: ActiveRun | null = null;
  private lastRunId = 0;
  private closed = false;

  constructor(
    private readonly threads: number,
    private readonly engineUrl: string,
  ) {
    this.pool = new Pool({ max: threads });
  }

  /** Runs one plan's chunks (one run at a time) and resolves when all are done or the run is aborted. */
  run(plan: RunPlan): Promise<PathOutcome> {
    if (this.closed) return Promise.reject(new BugError('WorkerSession.run after close'));
    if (this.active) return Promise.reject(new BugError('WorkerSession runs one run at a time'));
    if (plan.signal?.aborted) return Promise.resolve({ complete: false, workerStartMilliseconds: null });
    return new Promise<PathOutcome>((resolve, reject) => {
      const id = ++this.lastRunId;
      const onAbort = () => this.endRun(id, { complete: false, workerStartMilliseconds: this.meanStart() }, true);
      this.active = {
        id,
        plan,
        startTimes: [],
        settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)),
        onAbort,
      };
      plan.signal?.addEventListener('abort', onAbort, { once: true });
      this.startFailures = 0;
      for (const slot of this.slots) slot.worker.ref();
      const wanted = Math.min(this.threads, plan.toTrial - plan.fromTrial);
      while (this.slots.size + this.acquiring < wanted) this.acquire();
      for (const slot of [...this.slots]) if (slot.ready && slot.chunks.length === 0) this.dispatch(slot);
    });
  }

  /** Stops every worker (a run still going is rejected); the session cannot run again. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.active) this.endRun(this.active.id, new BugError('the runner was closed during a run'), false);
    await this.terminateAll();
  }

  private acquire(): void {
    const acquiredAt = performance.now();
    this.acquiring += 1;
    const start: WorkerStart = { engineUrl: this.engineUrl };
    this.pool.acquire(this.entry, { workerData: start }, (error, worker) => {
      this.acquiring -= 1;
      if (this.closed) {
        void worker?.terminate();
        return;
      }
      if (error) {
        if (this.active) this.endRun(this.active.id, error, true);
        return;
      }
      const slot: Slot = { worker, acquiredAt, ready: false, runId: 0, chunks: [], retired: false };
      this.slots.add(slot);
      worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
      worker.on('error', (crash) => this.onCrash(slot, `the worker threw: ${crash.message}`));
      worker.on('messageerror', (crash) =>
        this.onCrash(slot, `a message from the worker could not be read: ${crash.message}`),
      );
      worker.on('exit', (code) => this.onCrash(slot, `the worker exited with code ${code}`));
    });
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (slot.retired) return;
    if (message.kind === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      this.active?.startTimes.push(performance.now() - slot.acquiredAt);
      if (this.active) this.dispatch(slot);
      else slot.worker.unref();
      return;
    }
    if (message.kind === 'kill-me') {
      // The injected `exit` fault: stopping the thread makes it exit with code 1, and its exit
      // event takes the crash path below, exactly as if it had been killed.
      void slot.worker.terminate();
      return;
    }
    const run = this.active;
    const at = slot.chunks.findIndex((sent) => sent.fromTrial === message.fromTrial);
    if (!run || message.runId !== run.id || at < 0) return;
    const [chunk] = slot.chunks.splice(at, 1);
    if (message.kind === 'failed') {
      this.retire(slot);
      this.giveBackUnstarted(run, slot);
      this.chunkFailed(run, chunk, message.reason, message.trial);
      return;
    }
    const tally = runTallyFromJSON(message.tally);
    run.plan.queue.observe(tally.trials, message.seconds);
    run.plan.collector.add(chunk.fromTrial, chunk.toTrial, tally, message.rows);
    run.plan.meter.add(tally);
    run.plan.meter.emit();
    // A progress listener may have aborted the run (or a failure ended it) meanwhile.
    if (this.active === run) this.dispatch(slot);
  }

  private onCrash(slot: Slot, reason: string): void {
    if (slot.retired) return;
    this.retire(slot);
    const run = this.active;
    if (!run) return;
    // A worker answers its chunks in order and its last answers arrive before its crash is
    // reported, so the first unanswered chunk is the one it was running.
    const running = slot.chunks.shift();
    if (running) {
      this.giveBackUnstarted(run, slot);
      this.chunkFailed(run, running, reason, null);
      return;
    }
    if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.endRun(run.id, new Error(`worker threads could not start (${this.startFailures} tries): ${reason}`), true);
      return;
    }
    if (!run.plan.queue.isEmpty()) this.acquire();
  }

  private chunkFailed(run: ActiveRun, chunk: Chunk, reason: string, trial: number | null): void {
    chunk.attempts += 1;
    if (chunk.attempts >= run.plan.maxAttempts) {
      const seed = run.plan.design.simulation.seed;
      this.endRun(
        run.id,
        new TrialFailureError([chunk.fromTrial, chunk.toTrial], trial, seed, chunk.attempts, reason),
        true,
      );
      return;
    }
    run.plan.queue.giveBack(chunk);
    this.acquire();
  }

  /** Tops the slot up with chunks of the active run, or ends the run when nothing is left anywhere. */
  private dispatch(slot: Slot): void {
    const run = this.active;
    if (!run) return;
    while (slot.chunks.length < CHUNKS_IN_FLIGHT) {
      const chunk = run.plan.queue.take();
      if (!chunk) break;
      if (slot.runId !== run.id) {
        slot.runId = run.id;
        this.post(slot, {
          kind: 'design',
          runId: run.id,
          design: run.plan.design,
          withNull: run.plan.withNull,
          keepRows: run.plan.keepRows,
        });
      }
      slot.chunks.push(chunk);
      const fault = faultFor(run.plan, chunk.fromTrial, chunk.toTrial, chunk.attempts);
      this.post(slot, { kind: 'chunk', runId: run.id, fromTrial: chunk.fromTrial, toTrial: chunk.toTrial, fault });
    }
    if ([...this.slots].every((other) => other.chunks.length === 0)) {
      this.endRun(run.id, { complete: true, workerStartMilliseconds: this.meanStart() }, false);
    }
  }

  /** Puts back the chunks a lost worker had queued but not started; they did not fail. */
  private giveBackUnstarted(run: ActiveRun, slot: Slot): void {
    for (const chunk of slot.chunks.splice(0)) run.plan.queue.giveBack(chunk);
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  /**
   * Ends run `id` once. A run that ends early (abort, failure) terminates every worker, since
   * busy workers would otherwise go on with chunks nobody wants; it settles after they stopped.
   */
  private endRun(id: number, outcome: PathOutcome | Error, stopWorkers: boolean): void {
    const run = this.active;
    if (!run || run.id !== id) return;
    this.active = null;
    run.plan.signal?.removeEventListener('abort', run.onAbort);
    if (!stopWorkers) {
      // Idle workers between runs must not keep the process alive if a caller forgets close().
      for (const slot of this.slots) slot.worker.unref();
      run.settle(outcome);
      return;
    }
    void this.terminateAll().then(() => run.settle(outcome));
  }

  private meanStart(): number | null {
    const times = this.active?.startTimes ?? [];
    return times.length === 0 ? null : times.reduce((a, b) => a + b, 0) / times.length;
  }

  /** Lets a worker go: it no longer counts, and its thread is stopped. */
  private retire(slot: Slot): void {
    slot.retired = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
  }

  private async terminateAll(): Promise<void> {
    const stopping = [...this.slots].map((slot) => {
      slot.retired = true;
      return slot.worker.terminate();
    });
    this.slots.clear();
    await Promise.allSettled(stopping);
  }
}
