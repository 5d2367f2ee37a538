/**
 * Worker thread entry: loads the engine once, then, for each run, prepares the design it is sent
 * (once per run) and tallies each chunk of trials. Imports are kept to the chunk runner and the engine itself,
 * because every import here is paid at every worker start.
 *
 * The engine is loaded by a promise, not a top-level `await`: Node 20's V8 can abort the whole
 * process ("Check failed: (location_) != nullptr" in SourceTextModule::ExecuteAsyncModule) when a
 * worker's entry module evaluates asynchronously while other threads load modules, which a test
 * run that starts and stops many workers met.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BugError } from '../errors/bug-error.js';
import { loadEngine, type Engine } from './engine-module.js';
import { prepareRun, runChunk, type PreparedRun } from './run-chunk.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-messages.js';

const port = parentPort!;
// The run's prepared design, shared by all its chunks.
let current: { runId: number; run: PreparedRun; withNull: boolean; keepRows: boolean } | null = null;
// Set once this worker has asked to be killed: like a dead thread, it answers nothing more.
let dying = false;

function handle(engine: Engine, message: ToWorker): void {
  if (dying) return;
  if (message.kind === 'design') {
    current = {
      runId: message.runId,
      run: prepareRun(engine, message.design),
      withNull: message.withNull,
      keepRows: message.keepRows,
    };
    return;
  }
  if (!current || current.runId !== message.runId)
    throw new BugError(`chunk of run ${message.runId} before its design`);
  // Injected faults stand for the two ways a worker dies: it is killed (exit) or throws uncaught.
  // A worker does not end itself (only bin/ and cli/ end anything): it asks the runner to kill it,
  // after its answers to earlier chunks, so this chunk is the one it dies in.
  if (message.fault === 'exit') {
    dying = true;
    port.postMessage({ kind: 'kill-me', runId: message.runId } satisfies FromWorker);
    return;
  }
  if (message.fault === 'throw')
    throw new Error(`injected crash in trials ${message.fromTrial}–${message.toTrial - 1}`);
  const outcome = runChunk(engine, current.run, message.fromTrial, message.toTrial, {
    withNull: current.withNull,
    keepRows: current.keepRows,
    injectEngineError: message.fault === 'engine-error',
  });
  port.postMessage({ ...outcome, runId: message.runId } satisfies FromWorker);
}

// Until the engine is loaded, messages wait in arrival order (the runner sends none before
// `ready`, but the order must hold whatever it does).
const waiting: ToWorker[] = [];
let loaded: Engine | null = null;
port.on('message', (message: ToWorker) => {
  if (loaded) handle(loaded, message);
  else waiting.push(message);
});
loadEngine((workerData as WorkerStart).engineUrl).then(
  (engine) => {
    loaded = engine;
    for (const message of waiting.splice(0)) handle(engine, message);
    port.postMessage({ kind: 'ready' } satisfies FromWorker);
  },
  (error: unknown) => {
    // As an uncaught exception, so the runner sees the worker fail as it would a crash.
    setImmediate(() => {
      throw error;
    });
  },
);
