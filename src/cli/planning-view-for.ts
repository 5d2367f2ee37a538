/**
 * The view a planning session reports to, chosen by the output mode: the live curve dashboard on
 * a terminal, plain lines on stderr off one, nothing with --quiet. The one place the planning
 * layer's view meets the terminal.
 */
import type { OutputMode } from '../report/choose-output.js';
import { SILENT_VIEW, type OpenPlanningView, type PlanningView } from '../search/planning-view.js';

/** Notes on stderr, one per line; progress and the curve are not shown. */
const LINES_VIEW: PlanningView = {
  ...SILENT_VIEW,
  note: (line) => void process.stderr.write(`${line}\n`),
};

/**
 * How to open the view for `mode`. The dashboard (and ink with it) is loaded only when it is used.
 *
 * Example: `planningViewFor({ format: 'json', dashboard: false, progress: 'lines', color: false })`
 * opens a view that writes each search point as a line on stderr.
 */
export function planningViewFor(mode: OutputMode): OpenPlanningView {
  return async (heading) => {
    if (mode.dashboard) {
      const { startCurveDashboard } = await import('../ui/start-curve-dashboard.js');
      const dashboard = await startCurveDashboard(heading.title, heading.parameter, heading.target, {
        color: mode.color,
      });
      return {
        simulationStarted: (label) => {
          dashboard.startPoint(label);
          return (progress) => dashboard.update(progress);
        },
        note: () => undefined,
        addPoints: (points) => {
          for (const point of points) dashboard.addPoint(point);
        },
        finish: async (conclusion) => {
          dashboard.finish(conclusion);
          await dashboard.waitUntilExit();
        },
        fail: async () => {
          dashboard.fail();
          await dashboard.waitUntilExit();
        },
      };
    }
    return mode.progress === 'lines' ? LINES_VIEW : SILENT_VIEW;
  };
}
