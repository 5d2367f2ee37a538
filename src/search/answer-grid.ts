/**
 * A two-way `curve` in a planning session: check both parameters and the target against the
 * scenario, simulate the design at every pair of values with the scenario's seed and trials (the
 * same trials in every cell), and hand back the grid, the JSON document and the closing line.
 */
import { performance } from 'node:perf_hooks';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { UserError } from '../errors/user-error.js';
import { formatPercent } from '../report/format-numbers.js';
import { gridContour, type PowerGrid } from '../report/power-grid.js';
import { summariseRun } from '../report/summarise-run.js';
import type { GridPlotLabels } from '../report/svg/render-grid-svg.js';
import { describeParameter } from './design-parameter.js';
import type { ValueRange } from './parse-value-range.js';
import { planGrid } from './plan-grid.js';
import { PlanningOptionError } from './planning-option-error.js';
import type { PlanningSession } from './planning-session.js';
import { choosePowerTarget, describePowerTarget, targetMeasure } from './power-target.js';

/** The options of a two-way `curve`, as parsed. */
export interface GridRequest {
  /** The row parameter and its values (the first `--vary`). */
  readonly rows: ValueRange;
  /** The column parameter and its values (the second `--vary`). */
  readonly columns: ValueRange;
  /** One outcome id, or every primary outcome together when absent. */
  readonly outcome?: string;
  /** A target power whose contour is drawn, if any. */
  readonly target?: number;
}

/** A finished (or interrupted) grid, ready to print in any format. */
export interface GridAnswer {
  /** The first cell's run document plus `grid` (see docs/json-output.md#curve-grid). */
  readonly document: RunSummary & Record<string, unknown>;
  readonly grid: PowerGrid;
  /** The report's first line. */
  readonly title: string;
  /** The dashboard's closing line (and, when interrupted, the table report's last line). */
  readonly conclusion: string;
  readonly complete: boolean;
  /** Titles for the heatmap (--svg). */
  readonly figure: GridPlotLabels;
}

/**
 * Answers a two-way `curve` in `session`. The same parameter twice, an unknown outcome or a
 * parameter the scenario cannot vary is a `PlanningOptionError`, found before the view opens. The
 * live view shows one curve per row (power against the column parameter).
 *
 * Example: milton-keynes-scale-up, design.sites.count = 10, 20 × design.size.total = 600, 6000 →
 * four cells of knife's power, the largest at 20 partnerships of 300 people.
 */
export async function answerGrid(session: PlanningSession, request: GridRequest): Promise<GridAnswer> {
  const design = session.base.design;
  const { rows, columns } = request;
  if (rows.path === columns.path)
    throw new PlanningOptionError(`--vary ${rows.path} is given twice: a grid needs two different parameters`);
  const rowParameter = describeParameter(design, rows.path);
  const columnParameter = describeParameter(design, columns.path);
  const powerTarget = choosePowerTarget(design, request.outcome);
  const targetDescription = describePowerTarget(design, powerTarget);
  const measure = targetMeasure(design, powerTarget);
  const trials = design.simulation.trials;
  const title =
    `${design.name} — ${measure} of ${targetDescription} by ${rows.path} × ${columns.path}, ` +
    `${trials} trials per cell`;
  await session.openView({ title, parameter: columns.path, target: request.target });
  const designAt = async (row: number, column: number) =>
    session.designAt(
      [...rowParameter.overrides(row), ...columnParameter.overrides(column)],
      `${rows.path} = ${row}, ${columns.path} = ${column}`,
    );
  const began = performance.now();
  const plan = await planGrid(rows, columns, designAt, session.searchRange, {
    trials,
    target: powerTarget,
    signal: session.signal,
    onCell: (cell) => {
      session.addPoints([
        { value: cell.column, outcome: `${rows.path}=${cell.row}`, power: cell.power, powerCI: cell.powerCI },
      ]);
      session.note(
        `grid: ${rows.path}=${cell.row}, ${columns.path}=${cell.column}: ${formatPercent(cell.power)} over ${cell.trials} trials`,
      );
    },
  });
  const seconds = (performance.now() - began) / 1000;
  if (plan.runs.length === 0) throw new UserError('interrupted before any cell was simulated');
  const grid: PowerGrid = {
    rowParameter: rows.path,
    columnParameter: columns.path,
    targetDescription,
    cells: plan.runs.map(({ row, column, power, powerCI, trials: cellTrials }) => ({
      row,
      column,
      power,
      powerCI,
      trials: cellTrials,
    })),
    ...(request.target === undefined ? {} : { target: request.target }),
  };
  const first = plan.runs[0];
  const document = {
    ...summariseRun(first.design, first.tally, {
      command: 'curve',
      sha256: session.base.sha256,
      threads: session.threads,
      complete: plan.complete,
      seconds,
    }),
    grid: {
      rows: { parameter: rows.path, values: rows.values },
      columns: { parameter: columns.path, values: columns.values },
      success: targetDescription,
      measure,
      ...(request.target === undefined
        ? {}
        : { target: request.target, contour: gridContour(grid.cells, request.target) }),
      cells: grid.cells,
    },
  };
  return {
    document,
    grid,
    title,
    conclusion: plan.complete ? gridConclusion(grid) : 'Interrupted: only the cells simulated so far are shown.',
    complete: plan.complete,
    figure: {
      subtitle: `${design.name} · ${trials} trials per cell · seed ${design.simulation.seed}`,
      rowLabel: rowParameter.label,
      columnLabel: columnParameter.label,
    },
  };
}

/**
 * The dashboard's closing line: how many cells reach the target, or the best power seen.
 *
 * Example: "80% power reached in 5 of 12 cells (first at design.sites.count = 30, design.size.total = 6000)."
 */
function gridConclusion(grid: PowerGrid): string {
  const best = grid.cells.reduce((a, b) => (b.power > a.power ? b : a));
  const bestText = `at best ${formatPercent(best.power)}, at ${grid.rowParameter} = ${best.row}, ${grid.columnParameter} = ${best.column}`;
  if (grid.target === undefined)
    return `Simulated ${grid.cells.length} cells (${bestText}); --target draws its contour.`;
  const target = grid.target;
  const reached = grid.cells.filter((cell) => cell.power >= target);
  if (reached.length === 0)
    return `${formatPercent(target, 0)} power is not reached in any of the ${grid.cells.length} cells (${bestText}).`;
  return `${formatPercent(target, 0)} power reached in ${reached.length} of ${grid.cells.length} cells.`;
}
