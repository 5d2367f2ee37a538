import type { Design } from '../core/design.js';
import { runTallyToJSON } from '../core/diagnosis/tally.js';
import { emptyTrialRows, type TrialRows } from '../core/trial-rows.js';
import type { Engine } from './engine-module.js';

/** A run's design as the engine prepared it, or why preparing it failed (reported by every chunk). */
export type PreparedRun = { readonly prepared: unknown } | { readonly error: string };

/** Prepares a run's design with the engine, once per run (in each worker, and in-process). */
export function prepareRun(engine: Engine, design: Design): PreparedRun {
  try {
    return { prepared: engine.prepareDesign(design) };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** What running one chunk gives: its tally in JSON form, or why it failed. */
export type ChunkOutcome =
  | {
      readonly kind: 'done';
      readonly fromTrial: number;
      readonly toTrial: number;
      readonly tally: unknown;
      /** The chunk's trials themselves, when the run keeps them (`keepRows`); else null. */
      readonly rows: TrialRows | null;
      readonly seconds: number;
    }
  /** The engine threw; `trial` is the first trial of the chunk that fails on its own, if any. */
  | {
      readonly kind: 'failed';
      readonly fromTrial: number;
      readonly toTrial: number;
      readonly trial: number | null;
      readonly reason: string;
    };

/**
 * Tallies trials [fromTrial, toTrial) with the engine, in a worker or in the main thread alike, so
 * both paths hand the runner the same JSON tally. If the engine throws, the chunk's trials are
 * re-run one at a time to name the first that fails by itself (a chunk is small, and the name is
 * what a bug report needs: trial i of a seed is reproducible on its own).
 *
 * Example: runChunk(engine, prepareRun(engine, design), 0, 50, { withNull: true }) → { kind: 'done', tally: {trials: 50, …}, … }.
 */
export function runChunk(
  engine: Engine,
  run: PreparedRun,
  fromTrial: number,
  toTrial: number,
  options: { withNull: boolean; keepRows?: boolean; injectEngineError?: boolean },
): ChunkOutcome {
  if ('error' in run) return { kind: 'failed', fromTrial, toTrial, trial: null, reason: run.error };
  const { prepared } = run;
  const { simulateBlock } = engine;
  const began = performance.now();
  const engineOptions = { withNull: options.withNull };
  try {
    if (options.injectEngineError) throw new Error('injected engine error');
    const rows = options.keepRows ? emptyTrialRows() : null;
    const tally = simulateBlock(prepared, fromTrial, toTrial, rows ? { ...engineOptions, rows } : engineOptions);
    const seconds = (performance.now() - began) / 1000;
    return { kind: 'done', fromTrial, toTrial, tally: runTallyToJSON(tally), rows, seconds };
  } catch (chunkError) {
    for (let trial = fromTrial; trial < toTrial; trial++) {
      try {
        simulateBlock(prepared, trial, trial + 1, engineOptions);
      } catch (error) {
        return { kind: 'failed', fromTrial, toTrial, trial, reason: describeError(error) };
      }
    }
    return { kind: 'failed', fromTrial, toTrial, trial: null, reason: describeError(chunkError) };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
