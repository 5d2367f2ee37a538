/**
 * What `sample-size` and `mde` hand the command line to print: the JSON document, the curve the
 * search simulated, the planning lines, the design the run section reports on, the dashboard's
 * closing line and how to draw the figure.
 */
import type { Design } from '../core/design.js';
import type { PowerCurve } from '../report/power-curve.js';
import type { CurvePlotLabels } from '../report/svg/render-curve-svg.js';
import type { PlanningDocument } from './planning-document.js';

/** A finished (or interrupted) plan, ready to print in any format. */
export interface PlanningAnswer {
  /** The run document at the answer plus the planning fields (DESIGN.md §5). */
  readonly document: PlanningDocument;
  /** Every point the search simulated (the CSV output and the figure). */
  readonly curve: PowerCurve;
  /** The planning sections printed above the run table. */
  readonly lines: readonly string[];
  /** The design the run section reports on. */
  readonly design: Design;
  /** False when nothing was found and the run section shows the scenario as written. */
  readonly atAnswer: boolean;
  /** The dashboard's closing line: the answer in one sentence. */
  readonly conclusion: string;
  /** False after Ctrl-C: the answer holds what had finished. */
  readonly complete: boolean;
  /** Titles and marker for drawing `curve` (--svg). */
  readonly figure: CurvePlotLabels;
}
