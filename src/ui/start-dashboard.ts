/**
 * The imperative adapter between a running command and the run `Dashboard`, so a command never
 * touches React (`startCurveDashboard` is its twin for curve / sample-size searches).
 *
 * ink and React are imported on first use (see `loadInk`), so `--help` and machine-readable runs
 * stay fast. The view never reads the keyboard (no raw mode), and ink is told not to exit on
 * Ctrl-C: Ctrl-C stays an ordinary SIGINT for the command's own handler, which stops the run and
 * then calls `finish` with the partial result.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { RunProgress } from '../events/run-progress.js';
import type { DashboardOutcome, DashboardProps } from './Dashboard.js';
import { colorAllowed, inkOptions, loadInk, type DashboardOptions } from './load-ink.js';

export type { DashboardOptions } from './load-ink.js';

/** Controls a run's dashboard. */
export interface DashboardHandle {
  /** Shows a progress event (call as often as they come; ink draws at most 30 frames a second). */
  update(progress: RunProgress): void;
  /** Adds a warning line. */
  warn(message: string): void;
  /** Shows the final table (complete or, after Ctrl-C, partial) and closes the dashboard. */
  finish(summary: RunSummary): void;
  /** Closes the dashboard after a failure, leaving `message` on screen (the CLI prints the error itself). */
  fail(message?: string): void;
  /** Resolves once the dashboard has drawn its last frame and unmounted. */
  waitUntilExit(): Promise<void>;
}

/**
 * Starts the run dashboard for `title` and `outcomes` and returns its controls.
 *
 * Example: `const dash = await startDashboard('milton-keynes', [{ id: 'knife', primary: true }]);
 * runner.onProgress(dash.update); …; dash.finish(summary); await dash.waitUntilExit();`.
 */
export async function startDashboard(
  title: string,
  outcomes: readonly DashboardOutcome[],
  options: DashboardOptions = {},
): Promise<DashboardHandle> {
  const color = colorAllowed(options);
  const { render, createElement } = await loadInk(color);
  const { Dashboard } = await import('./Dashboard.js');
  let state: DashboardProps = {
    title,
    outcomes,
    progress: null,
    warnings: [],
    summary: null,
    failure: null,
    color,
    alpha: options.alpha,
  };
  const instance = render(createElement(Dashboard, state), inkOptions(options));
  let settled = false;
  const show = (change: Partial<DashboardProps>) => {
    if (settled) return;
    state = { ...state, ...change };
    settled = state.summary !== null || state.failure !== null;
    instance.rerender(createElement(Dashboard, state));
  };
  return {
    update: (progress) => show({ progress }),
    warn: (message) =>
      show({ warnings: state.warnings.includes(message) ? state.warnings : [...state.warnings, message] }),
    finish: (summary) => show({ summary }),
    fail: (message = 'The run stopped.') => show({ failure: message }),
    waitUntilExit: async () => {
      await instance.waitUntilExit();
    },
  };
}
