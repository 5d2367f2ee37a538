/**
 * What a web worker does with each message, apart from the worker plumbing (so tests can run it
 * in Node): prepare the run's design once with the command line's own engine entry
 * (`prepareDesign`, via the runner's `prepareRun`), tally each chunk with the runner's `runChunk`
 * and the engine's `simulateBlock`, and add the chunk's individual trials below the sample limit.
 */
import { prepareDesign, simulateBlock } from '../../core/simulate-block.js';
import type { PreparedDesign } from '../../core/prepare-design.js';
import type { Design } from '../../core/design.js';
import type { Engine } from '../../runner/engine-module.js';
import { prepareRun, runChunk, type PreparedRun } from '../../runner/run-chunk.js';
import type { FromChunkWorker, ToChunkWorker } from './chunk-messages.js';
import { sampleTrials } from './trial-sample.js';

/** The engine the command line's workers load (`src/core/simulate-block.ts`), imported rather than loaded by URL. */
const ENGINE: Engine = {
  prepareDesign,
  simulateBlock: (prepared, fromTrial, toTrial, options) =>
    simulateBlock(prepared as PreparedDesign, fromTrial, toTrial, options),
};

/**
 * A message handler holding the current run; `post` sends an answer back.
 *
 * Example: const handle = chunkHandler(post); handle({ kind: 'design', runId: 1, design, withNull:
 * true, sampleBelow: 0 }); handle({ kind: 'chunk', runId: 1, fromTrial: 0, toTrial: 50 }) posts
 * { kind: 'done', runId: 1, fromTrial: 0, toTrial: 50, tally: {…}, samples: [] }.
 */
export function chunkHandler(post: (message: FromChunkWorker) => void): (message: ToChunkWorker) => void {
  // The design is prepared once per run (as each worker thread does on the command line); a
  // prepared design reuses its scratch from trial to trial, so it belongs to this worker alone.
  let current: { runId: number; design: Design; withNull: boolean; sampleBelow: number; run: PreparedRun } | null =
    null;
  return (message) => {
    if (message.kind === 'design') {
      current = { ...message, run: prepareRun(ENGINE, message.design) };
      return;
    }
    if (!current || current.runId !== message.runId) throw new Error(`chunk of run ${message.runId} before its design`);
    const outcome = runChunk(ENGINE, current.run, message.fromTrial, message.toTrial, {
      withNull: current.withNull,
    });
    const sampleTo = Math.min(message.toTrial, current.sampleBelow);
    const samples =
      outcome.kind === 'done' && 'prepared' in current.run && message.fromTrial < sampleTo
        ? sampleTrials(current.run.prepared as PreparedDesign, message.fromTrial, sampleTo)
        : [];
    post({ ...outcome, runId: message.runId, samples });
  };
}
