/**
 * What a planning session tells the person waiting for it, whatever shows it: the live curve
 * dashboard, plain lines on stderr, or nothing. The command line chooses and builds the view
 * (it knows the terminal); the planning layer only calls it, so planning never imports the ui.
 */
import type { RunProgressListener } from '../events/run-progress.js';
import type { PowerCurvePoint } from '../report/power-curve.js';

/** The live picture of one search or curve. */
export interface PlanningView {
  /**
   * A simulation starts, named for the reader (e.g. `design.size.total = 300`); returns where its
   * progress events go, or undefined when the view does not show them.
   */
  simulationStarted(label: string): RunProgressListener | undefined;
  /** A line of news for a reader without the dashboard, e.g. `search: design.size.total=300 → …`. */
  note(line: string): void;
  /** Points to add to the live curve. */
  addPoints(points: readonly PowerCurvePoint[]): void;
  /** Leaves the final curve and `conclusion` on screen and resolves once the view has closed. */
  finish(conclusion: string): Promise<void>;
  /** Closes the view after an error or an early stop (the command line prints the error itself). */
  fail(): Promise<void>;
}

/** What a view shows at its top: the title, the parameter varied and the target power (if any). */
export interface PlanningHeading {
  readonly title: string;
  readonly parameter: string;
  readonly target: number | undefined;
}

/** Opens the view of a search, once its options are known to be valid (so a bad option leaves no dashboard behind). */
export type OpenPlanningView = (heading: PlanningHeading) => Promise<PlanningView>;

/** A view that shows nothing: for --quiet, and before a session's view is opened. */
export const SILENT_VIEW: PlanningView = {
  simulationStarted: () => undefined,
  note: () => undefined,
  addPoints: () => undefined,
  finish: async () => undefined,
  fail: async () => undefined,
};
