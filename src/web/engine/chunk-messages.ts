/**
 * The messages between the page and its web workers, the browser's counterpart of the runner's
 * `worker-messages.ts`: per run, the design once, then chunks of trial indices; each chunk is
 * answered with its tally in JSON form (`runChunk`'s outcome, exact sums as decimal strings) and,
 * for trials below the run's sample limit, the individual trials (`TrialSample`).
 */
import type { Design } from '../../core/design.js';
import type { ChunkOutcome } from '../../runner/run-chunk.js';
import type { TrialSample } from './trial-sample.js';

/** From the page: a run's design (once per worker per run), then that run's chunks. */
export type ToChunkWorker =
  | {
      readonly kind: 'design';
      readonly runId: number;
      readonly design: Design;
      readonly withNull: boolean;
      /** Trials below this index are also sent back one by one (0 for none). */
      readonly sampleBelow: number;
    }
  | { readonly kind: 'chunk'; readonly runId: number; readonly fromTrial: number; readonly toTrial: number };

/** `ready` when the worker has loaded, then one answer per chunk, tagged with its run. */
export type FromChunkWorker =
  { readonly kind: 'ready' } | (ChunkOutcome & { readonly runId: number; readonly samples: readonly TrialSample[] });
