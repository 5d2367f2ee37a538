/**
 * What a web worker does with each message, apart from the worker plumbing (so tests can run it
 * in Node): keep the run's design, tally each chunk with the command line's own `runChunk` and
 * engine entry `simulateBlock`, and add the chunk's individual trials below the sample limit.
 */
import { simulateBlock } from '../../core/simulate-block.js';
import type { Design } from '../../core/design.js';
import { runChunk } from '../../runner/run-chunk.js';
import type { FromChunkWorker, ToChunkWorker } from './chunk-messages.js';
import { sampleTrials } from './trial-sample.js';

/**
 * A message handler holding the current run; `post` sends an answer back.
 *
 * Example: const handle = chunkHandler(post); handle({ kind: 'design', runId: 1, design, withNull:
 * true, sampleBelow: 0 }); handle({ kind: 'chunk', runId: 1, fromTrial: 0, toTrial: 50 }) posts
 * { kind: 'done', runId: 1, fromTrial: 0, toTrial: 50, tally: {…}, samples: [] }.
 */
export function chunkHandler(post: (message: FromChunkWorker) => void): (message: ToChunkWorker) => void {
  // The same design object for every chunk of a run, so the engine's per-design preparation is reused.
  let current: { runId: number; design: Design; withNull: boolean; sampleBelow: number } | null = null;
  return (message) => {
    if (message.kind === 'design') {
      current = { ...message };
      return;
    }
    if (!current || current.runId !== message.runId) throw new Error(`chunk of run ${message.runId} before its design`);
    const outcome = runChunk(simulateBlock, current.design, message.fromTrial, message.toTrial, {
      withNull: current.withNull,
    });
    const sampleTo = Math.min(message.toTrial, current.sampleBelow);
    const samples =
      outcome.kind === 'done' && message.fromTrial < sampleTo
        ? sampleTrials(current.design, message.fromTrial, sampleTo)
        : [];
    post({ ...outcome, runId: message.runId, samples });
  };
}
