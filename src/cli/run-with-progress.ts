/**
 * Runs a design's trials while showing progress the way the output mode asks (the ink dashboard,
 * plain lines on stderr, or nothing), and turns Ctrl-C into a prompt, partial result. Shared by
 * every simulating command so they all behave alike.
 */
import type { Design } from '../core/design.js';
import type { OutputMode } from '../report/choose-output.js';
import { createProgressLines } from '../report/progress-lines.js';
import type { Shard } from '../runner/parse-shard.js';
import type { RunProgress } from '../events/run-progress.js';
import { runTrials, type RunTrialsResult } from '../runner/run-trials.js';
import type { RowsListener } from '../runner/chunk-collector.js';
import { interruptOnCtrlC } from './interrupt-on-ctrl-c.js';

/** Where a run's progress goes: the dashboard, plain lines on stderr, or nowhere. */
export interface ProgressView {
  update(progress: RunProgress): void;
  /** Called once the run has ended (complete or not), before the result is printed. */
  close(): Promise<void>;
}

/** A progress view for the mode: plain stderr lines or nothing (the dashboard is passed in by the caller). */
export function plainProgressView(mode: OutputMode): ProgressView {
  if (mode.progress !== 'lines') return { update: () => undefined, close: async () => undefined };
  const lines = createProgressLines((line) => process.stderr.write(`${line}\n`));
  return { update: (progress) => lines.update(progress), close: async () => undefined };
}

/**
 * Runs the trials with SIGINT wired to an abort: the first Ctrl-C stops the workers and the run
 * resolves with the finished trials (`complete: false`); a second Ctrl-C exits at once.
 */
export async function runWithProgress(
  design: Design,
  options: { threads?: number; withNull: boolean; shard?: Shard; onTrialRows?: RowsListener },
  view: ProgressView,
): Promise<RunTrialsResult> {
  const interrupt = interruptOnCtrlC();
  try {
    return await runTrials(design, { ...options, signal: interrupt.signal, onProgress: (p) => view.update(p) });
  } finally {
    interrupt.dispose();
    await view.close();
  }
}
