import type { Design } from '../core/design.js';
import type { ChunkCollector } from './chunk-collector.js';
import type { ChunkQueue } from './chunk-queue.js';
import type { ProgressMeter } from './progress-meter.js';
import type { InjectedFault } from './worker-messages.js';

/**
 * A deliberate fault for testing the runner's recovery (never set by the command line): the
 * chunk holding trial `atTrial` fails on its first `times` attempts, by the worker exiting, by an
 * uncaught throw in the worker, or by the engine throwing.
 */
export interface FaultInjection {
  readonly atTrial: number;
  readonly times: number;
  readonly mode: InjectedFault;
}

/** Everything the two execution paths (in-process, worker threads) share for one run. */
export interface RunPlan {
  readonly design: Design;
  readonly fromTrial: number;
  readonly toTrial: number;
  readonly withNull: boolean;
  /** Keep each trial's results as rows, handed to the collector with the chunk's tally. */
  readonly keepRows: boolean;
  readonly threads: number;
  readonly engineUrl: string;
  readonly maxAttempts: number;
  readonly faultInjection: FaultInjection | null;
  readonly signal: AbortSignal | undefined;
  readonly queue: ChunkQueue;
  readonly collector: ChunkCollector;
  readonly meter: ProgressMeter;
}

/** How a path ended: whether every chunk finished, and how long workers took to start (ms, or null in-process). */
export interface PathOutcome {
  readonly complete: boolean;
  readonly workerStartMilliseconds: number | null;
}

/** The fault to inject into an attempt at `chunk`, if any. */
export function faultFor(plan: RunPlan, fromTrial: number, toTrial: number, attempts: number): InjectedFault | null {
  const fault = plan.faultInjection;
  if (!fault || fault.atTrial < fromTrial || fault.atTrial >= toTrial || attempts >= fault.times) return null;
  return fault.mode;
}
