/**
 * Worker thread entry: loads the engine once, then tallies each chunk of trials it is sent.
 * Imports are kept to the chunk runner and the engine itself, because every import here is paid
 * at every worker start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSimulateBlock } from './engine-module.js';
import { runChunk } from './run-chunk.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-messages.js';

const start = workerData as WorkerStart;
const port = parentPort!;
const simulateBlock = await loadSimulateBlock(start.engineUrl);

port.on('message', (message: ToWorker) => {
  // Injected faults stand for the two ways a worker dies: it is killed (exit) or throws uncaught.
  if (message.fault === 'exit') process.exit(1);
  if (message.fault === 'throw') throw new Error(`injected crash in trials ${message.fromTrial}–${message.toTrial - 1}`);
  const outcome = runChunk(simulateBlock, start.design, message.fromTrial, message.toTrial, {
    withNull: start.withNull,
    injectEngineError: message.fault === 'engine-error',
  });
  port.postMessage(outcome satisfies FromWorker);
});
port.postMessage({ kind: 'ready' } satisfies FromWorker);
