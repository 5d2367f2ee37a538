import type { Design } from '../core/design.js';
import type { ChunkOutcome } from './run-chunk.js';

/**
 * The messages between the runner and its worker threads. A worker gets the design once, as
 * `workerData` (one structured clone per worker), then chunks of trial indices by message, and
 * answers each with the chunk's tally in its JSON form (exact sums as decimal strings, since a
 * structured clone would drop the `ExactSum` class).
 */
export interface WorkerStart {
  readonly engineUrl: string;
  readonly design: Design;
  readonly withNull: boolean;
}

/** A deliberate fault, for the runner's own fault tests only (never reachable from the CLI). */
export type InjectedFault = 'exit' | 'throw' | 'engine-error';

export interface ToWorker {
  readonly kind: 'chunk';
  readonly fromTrial: number;
  readonly toTrial: number;
  readonly fault: InjectedFault | null;
}

/** `ready` once the engine is loaded, then one chunk outcome per chunk. */
export type FromWorker = { readonly kind: 'ready' } | ChunkOutcome;
