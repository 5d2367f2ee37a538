/**
 * Imperative adapters between a running command and the ink views, so a command never touches
 * React: `startDashboard` for a run, `startCurveDashboard` for curve / sample-size searches.
 *
 * ink and React are imported here on first use (≈ 1 s), never at module load, so `--help` and
 * machine-readable runs stay fast. When colour is off, FORCE_COLOR=0 is set before that import,
 * because ink's colour library ignores NO_COLOR. The views never read the keyboard (no raw mode),
 * and ink is told not to exit on Ctrl-C: Ctrl-C stays an ordinary SIGINT for the command's own
 * handler, which stops the run and then calls `finish` with the partial result.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { PowerCurve, PowerCurvePoint } from '../report/power-curve.js';
import type { RunProgress } from '../runner/progress.js';
import type { CurveDashboardProps } from './CurveDashboard.js';
import type { DashboardOutcome, DashboardProps } from './Dashboard.js';

/** Options shared by both dashboards. */
export interface DashboardOptions {
  /** Colour allowed on the terminal (default: NO_COLOR is not set). */
  readonly color?: boolean;
  /** Significance level, for the live type I error warning (default 0.05). */
  readonly alpha?: number;
  /** Stream to draw on (default process.stdout; tests pass their own). */
  readonly stdout?: NodeJS.WriteStream;
}

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

/** Controls a curve / sample-size dashboard. */
export interface CurveDashboardHandle {
  /** Announces the design point being simulated now, e.g. `design.size.treated = 200`. */
  startPoint(label: string): void;
  /** Shows a progress event of the current point. */
  update(progress: RunProgress): void;
  /** Adds a computed point to the curve. */
  addPoint(point: PowerCurvePoint): void;
  /** Writes the final curve and `conclusion` (e.g. "80% power needs 210 treated") and closes. */
  finish(conclusion: string): void;
  fail(message?: string): void;
  waitUntilExit(): Promise<void>;
}

function colorAllowed(options: DashboardOptions): boolean {
  return options.color ?? (process.env.NO_COLOR === undefined || process.env.NO_COLOR === '');
}

/** Loads ink and React, switching colour off first when it is not allowed. */
async function loadInk(color: boolean) {
  if (!color) process.env.FORCE_COLOR = '0';
  const [ink, react] = await Promise.all([import('ink'), import('react')]);
  return { render: ink.render, createElement: react.createElement };
}

/** Ink's options: no Ctrl-C handling (the command owns SIGINT), console left alone. */
function inkOptions(options: DashboardOptions) {
  return { exitOnCtrlC: false, patchConsole: false, ...(options.stdout ? { stdout: options.stdout } : {}) };
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
    title, outcomes, progress: null, warnings: [], summary: null, failure: null, color, alpha: options.alpha,
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
    warn: (message) => show({ warnings: state.warnings.includes(message) ? state.warnings : [...state.warnings, message] }),
    finish: (summary) => show({ summary }),
    fail: (message = 'The run stopped.') => show({ failure: message }),
    waitUntilExit: async () => {
      await instance.waitUntilExit();
    },
  };
}

/**
 * Starts the curve dashboard for `title`, varying `parameter` towards `target` power (if any).
 *
 * Example: `const dash = await startCurveDashboard('milton-keynes: treated needed', 'design.size.treated', 0.8);
 * dash.startPoint('design.size.treated = 100'); …; dash.addPoint({ value: 100, outcome: 'knife', power: 0.55, powerCI: [0.52, 0.58] });
 * …; dash.finish('80% power for knife needs about 210 treated'); await dash.waitUntilExit();`.
 */
export async function startCurveDashboard(
  title: string,
  parameter: string,
  target: number | undefined,
  options: DashboardOptions = {},
): Promise<CurveDashboardHandle> {
  const color = colorAllowed(options);
  const { render, createElement } = await loadInk(color);
  const { CurveDashboard } = await import('./CurveDashboard.js');
  const curve: PowerCurve = { parameter, points: [], ...(target === undefined ? {} : { target }) };
  let state: CurveDashboardProps = { title, curve, current: null, progress: null, conclusion: null, failure: null, color };
  const instance = render(createElement(CurveDashboard, state), inkOptions(options));
  let settled = false;
  const show = (change: Partial<CurveDashboardProps>) => {
    if (settled) return;
    state = { ...state, ...change };
    settled = state.conclusion !== null || state.failure !== null;
    instance.rerender(createElement(CurveDashboard, state));
  };
  return {
    startPoint: (label) => show({ current: label, progress: null }),
    update: (progress) => show({ progress }),
    addPoint: (point) => show({ curve: { ...state.curve, points: [...state.curve.points, point] }, current: null, progress: null }),
    finish: (conclusion) => show({ conclusion }),
    fail: (message = 'The search stopped.') => show({ failure: message }),
    waitUntilExit: async () => {
      await instance.waitUntilExit();
    },
  };
}
