import type { Design } from '../core/design.js';
import type { ChunkOutcome } from './run-chunk.js';

/**
 * The messages between the runner and its worker threads. A worker is told the engine module at
 * start (`workerData`), then, per run, the design once (one structured clone per worker per run),
 * then chunks of trial indices; it answers each chunk with the chunk's tally in its JSON form
 * (exact sums as decimal strings, since a structured clone would drop the `ExactSum` class).
 */
export interface WorkerStart {
  readonly engineUrl: string;
}

/** A deliberate fault, for the runner's own fault tests only (never reachable from the CLI). */
export type InjectedFault = 'exit' | 'throw' | 'engine-error';

/** From the runner: a run's design (once per worker per run), then that run's chunks. */
export type ToWorker =
  | {
      readonly kind: 'design';
      readonly runId: number;
      readonly design: Design;
      readonly withNull: boolean;
      /** Send each chunk's trials back as rows too (`run --trials-out`). */
      readonly keepRows: boolean;
    }
  | {
      readonly kind: 'chunk';
      readonly runId: number;
      readonly fromTrial: number;
      readonly toTrial: number;
      readonly fault: InjectedFault | null;
    };

/**
 * `ready` once the engine is loaded, then one chunk outcome per chunk, tagged with its run; or,
 * for the injected `exit` fault only, `kill-me` in place of a chunk's outcome (the runner then
 * terminates the worker, as if the operating system had killed it mid-chunk).
 */
export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'kill-me'; readonly runId: number }
  | (ChunkOutcome & { readonly runId: number });
