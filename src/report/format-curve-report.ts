/**
 * The output of `curve` in the chosen format: JSON (the document with every value's results),
 * CSV (one row per point), Markdown (the table report in a block, with the command that
 * reproduces it) or the table report (title, text plot, table of points).
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { OutputFormat } from './choose-output.js';
import { formatCsv } from './format-csv.js';
import { formatCurveTable } from './format-curve-table.js';
import { formatJson } from './format-json.js';
import type { PowerCurve } from './power-curve.js';

/** Width of the text plot in the table report. */
const PLOT_WIDTH = 60;

/** A curve to print. */
export interface CurveReport {
  readonly document: RunSummary;
  readonly curve: PowerCurve;
  readonly title: string;
  /** The table report's last line (e.g. that the run was interrupted), if any. */
  readonly conclusion?: string;
}

/** How to print it. */
export interface CurveReportOptions {
  readonly color: boolean;
  /** What the Markdown report says reproduces it, e.g. `trialsim curve …`. */
  readonly commandLine: string;
  /**
   * The live dashboard has left the title, the plot and its own closing line on screen: print
   * only the table of points below it.
   */
  readonly belowDashboard?: boolean;
}

/**
 * Formats `report` as `format`.
 *
 * Example: the table format gives the title, the text plot and a table with one row per value
 * and one column per outcome; below a dashboard, the table alone.
 */
export function formatCurveReport(report: CurveReport, format: OutputFormat, options: CurveReportOptions): string {
  const { curve, title } = report;
  const table = (color: boolean) =>
    formatCurveTable(curve, { color, title, conclusion: report.conclusion, plotWidth: PLOT_WIDTH });
  switch (format) {
    case 'json':
      return formatJson(report.document);
    case 'csv':
      return formatCsv(curve);
    case 'markdown':
      return `# ${title}\n\n\`\`\`text\n${table(options.color)}\`\`\`\n\nReproduce: \`${options.commandLine}\`\n`;
    case 'table':
      return options.belowDashboard
        ? formatCurveTable(curve, { color: options.color, plot: false })
        : table(options.color);
  }
}
