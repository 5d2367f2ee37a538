/**
 * Worker thread entry: loads the engine once, then, for each run, prepares the design it is sent
 * (once per run) and tallies each chunk of trials. Imports are kept to the chunk runner and the engine itself,
 * because every import here is paid at every worker start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngine } from './engine-module.js';
import { prepareRun, runChunk, type PreparedRun } from './run-chunk.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-messages.js';

const port = parentPort!;
const engine = await loadEngine((workerData as WorkerStart).engineUrl);
// The run's prepared design, shared by all its chunks.
let current: { runId: number; run: PreparedRun; withNull: boolean } | null = null;

port.on('message', (message: ToWorker) => {
  if (message.kind === 'design') {
    current = { runId: message.runId, run: prepareRun(engine, message.design), withNull: message.withNull };
    return;
  }
  if (!current || current.runId !== message.runId) throw new Error(`chunk of run ${message.runId} before its design`);
  // Injected faults stand for the two ways a worker dies: it is killed (exit) or throws uncaught.
  if (message.fault === 'exit') process.exit(1);
  if (message.fault === 'throw')
    throw new Error(`injected crash in trials ${message.fromTrial}–${message.toTrial - 1}`);
  const outcome = runChunk(engine, current.run, message.fromTrial, message.toTrial, {
    withNull: current.withNull,
    injectEngineError: message.fault === 'engine-error',
  });
  port.postMessage({ ...outcome, runId: message.runId } satisfies FromWorker);
});
port.postMessage({ kind: 'ready' } satisfies FromWorker);
