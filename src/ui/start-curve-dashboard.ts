/**
 * The imperative adapter between a curve / sample-size search and the `CurveDashboard`: points
 * are added as they are computed, the current point's progress shown, the final curve kept on
 * screen. ink is loaded on first use (see `loadInk`); Ctrl-C stays the command's SIGINT.
 */
import type { PowerCurve, PowerCurvePoint } from '../report/power-curve.js';
import type { RunProgress } from '../events/run-progress.js';
import type { CurveDashboardProps } from './CurveDashboard.js';
import { colorAllowed, inkOptions, loadInk, type DashboardOptions } from './load-ink.js';

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
  /** Closes the dashboard after a failure, leaving `message` on screen. */
  fail(message?: string): void;
  /** Resolves once the dashboard has drawn its last frame and unmounted. */
  waitUntilExit(): Promise<void>;
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
  let state: CurveDashboardProps = {
    title,
    curve,
    current: null,
    progress: null,
    conclusion: null,
    failure: null,
    color,
  };
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
    addPoint: (point) =>
      show({ curve: { ...state.curve, points: [...state.curve.points, point] }, current: null, progress: null }),
    finish: (conclusion) => show({ conclusion }),
    fail: (message = 'The search stopped.') => show({ failure: message }),
    waitUntilExit: async () => {
      await instance.waitUntilExit();
    },
  };
}
