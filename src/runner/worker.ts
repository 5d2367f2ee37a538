/**
 * Worker thread entry: loads the engine once, then, for each run, prepares the design it is sent
 * (once per run) and tallies each chunk of trials. Imports are kept to the chunk runner and the engine itself,
 * because every import here is paid at every worker start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BugError } from '../errors/bug-error.js';
import { loadEngine } from './engine-module.js';
import { prepareRun, runChunk, type PreparedRun } from './run-chunk.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-messages.js';

const port = parentPort!;
const engine = await loadEngine((workerData as WorkerStart).engineUrl);
// The run's prepared design, shared by all its chunks.
let current: { runId: number; run: PreparedRun; withNull: boolean; keepRows: boolean } | null = null;
// Set once this worker has asked to be killed: like a dead thread, it answers nothing more.
let dying = false;

port.on('message', (message: ToWorker) => {
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
});
port.postMessage({ kind: 'ready' } satisfies FromWorker);
