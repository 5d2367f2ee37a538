import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import { runTallyFromJSON } from '../core/diagnosis/tally.js';
import type { Chunk } from './chunk-queue.js';
import { workerEntryUrl } from './engine-module.js';
import { faultFor, type PathOutcome, type RunPlan } from './run-plan.js';
import { TrialFailureError } from './trial-failure-error.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-messages.js';

/** Workers that die before they are ready, in a row, after which the run gives up. */
const MAX_START_FAILURES = 3;

interface Slot {
  readonly worker: Worker;
  readonly acquiredAt: number;
  ready: boolean;
  /** The chunk this worker is running, or null when idle. */
  chunk: Chunk | null;
  /** Set once the runner has let go of this worker, so its exit is not taken for a crash. */
  retired: boolean;
}

/**
 * Runs a plan's chunks on long-lived worker threads. worker-threads-pool starts a new thread per
 * `acquire` and never reuses one, so `plan.threads` workers are acquired once and fed chunks by
 * message, the next chunk to whichever is free. A worker that exits, throws uncaught or reports an
 * engine error is let go; its chunk is run again on a fresh worker, and after `plan.maxAttempts`
 * failures the run ends with a `TrialFailureError`. On abort, dispatch stops and every worker is
 * terminated at once; the chunks already finished are kept.
 *
 * Workers are terminated with the promise form of `worker.terminate()` (the pool's `destroy()`
 * uses the callback form, which prints deprecation DEP0132 on Node 20).
 */
export function runOnWorkers(plan: RunPlan): Promise<PathOutcome> {
  return new Promise<PathOutcome>((resolve, reject) => {
    const workerCount = Math.max(1, Math.min(plan.threads, plan.toTrial - plan.fromTrial));
    const pool = new Pool({ max: workerCount });
    const entry = fileURLToPath(workerEntryUrl());
    const start: WorkerStart = { engineUrl: plan.engineUrl, design: plan.design, withNull: plan.withNull };
    const slots = new Set<Slot>();
    const startTimes: number[] = [];
    let startFailures = 0;
    let settled = false;

    const onAbort = () => finish(() => resolve({ complete: false, workerStartMilliseconds: startMilliseconds() }));
    if (plan.signal?.aborted) {
      resolve({ complete: false, workerStartMilliseconds: null });
      return;
    }
    plan.signal?.addEventListener('abort', onAbort, { once: true });
    for (let i = 0; i < workerCount; i++) acquireWorker();

    function acquireWorker(): void {
      const acquiredAt = performance.now();
      pool.acquire(entry, { workerData: start }, (error, worker) => {
        if (settled) {
          void worker?.terminate();
          return;
        }
        if (error) return finish(() => reject(error));
        const slot: Slot = { worker, acquiredAt, ready: false, chunk: null, retired: false };
        slots.add(slot);
        worker.on('message', (message: FromWorker) => onMessage(slot, message));
        worker.on('error', (crash) => onCrash(slot, `the worker threw: ${crash.message}`));
        worker.on('messageerror', (crash) => onCrash(slot, `a message from the worker could not be read: ${crash.message}`));
        worker.on('exit', (code) => onCrash(slot, `the worker exited with code ${code}`));
      });
    }

    function onMessage(slot: Slot, message: FromWorker): void {
      if (settled || slot.retired) return;
      if (message.kind === 'ready') {
        slot.ready = true;
        startFailures = 0;
        startTimes.push(performance.now() - slot.acquiredAt);
        dispatch(slot);
        return;
      }
      const chunk = slot.chunk!;
      slot.chunk = null;
      if (message.kind === 'failed') {
        retire(slot);
        chunkFailed(chunk, message.reason, message.trial);
        return;
      }
      const tally = runTallyFromJSON(message.tally);
      plan.queue.observe(tally.trials, message.seconds);
      plan.collector.add(chunk.fromTrial, chunk.toTrial, tally);
      plan.meter.add(tally);
      plan.meter.emit();
      dispatch(slot);
    }

    function onCrash(slot: Slot, reason: string): void {
      if (settled || slot.retired) return;
      retire(slot);
      if (slot.chunk) {
        chunkFailed(slot.chunk, reason, null);
        return;
      }
      if (!slot.ready && ++startFailures >= MAX_START_FAILURES) {
        finish(() => reject(new Error(`worker threads could not start (${startFailures} tries): ${reason}`)));
        return;
      }
      if (!plan.queue.isEmpty()) acquireWorker();
    }

    function chunkFailed(chunk: Chunk, reason: string, trial: number | null): void {
      chunk.attempts += 1;
      if (chunk.attempts >= plan.maxAttempts) {
        const seed = plan.design.simulation.seed;
        const error = new TrialFailureError([chunk.fromTrial, chunk.toTrial], trial, seed, chunk.attempts, reason);
        finish(() => reject(error));
        return;
      }
      plan.queue.giveBack(chunk);
      acquireWorker();
    }

    function dispatch(slot: Slot): void {
      const chunk = plan.queue.take();
      if (!chunk) {
        if ([...slots].every((other) => other.chunk === null)) finish(() => resolve({ complete: true, workerStartMilliseconds: startMilliseconds() }));
        return;
      }
      slot.chunk = chunk;
      const message: ToWorker = {
        kind: 'chunk',
        fromTrial: chunk.fromTrial,
        toTrial: chunk.toTrial,
        fault: faultFor(plan, chunk.fromTrial, chunk.toTrial, chunk.attempts),
      };
      slot.worker.postMessage(message);
    }

    /** Lets a worker go: it no longer counts, and its thread is stopped. */
    function retire(slot: Slot): void {
      slot.retired = true;
      slots.delete(slot);
      void slot.worker.terminate();
    }

    /** Ends the run once: stops listening, terminates every worker, then settles. */
    function finish(settle: () => void): void {
      if (settled) return;
      settled = true;
      plan.signal?.removeEventListener('abort', onAbort);
      const stopping = [...slots].map((slot) => {
        slot.retired = true;
        return slot.worker.terminate();
      });
      slots.clear();
      void Promise.allSettled(stopping).then(settle);
    }

    function startMilliseconds(): number | null {
      return startTimes.length === 0 ? null : startTimes.reduce((a, b) => a + b, 0) / startTimes.length;
    }
  });
}
