/**
 * The output of a two-way `curve` in the chosen format: JSON (the document with every cell), CSV
 * (one row per cell), Markdown (the table report in a block, with the command that reproduces it)
 * or the table report.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { OutputFormat } from './choose-output.js';
import { formatGridTable } from './format-grid-table.js';
import { formatJson } from './format-json.js';
import type { PowerGrid } from './power-grid.js';

/** A grid to print. */
export interface GridReport {
  readonly document: RunSummary;
  readonly grid: PowerGrid;
  readonly title: string;
  /** The table report's last line (e.g. that the run was interrupted), if any. */
  readonly conclusion?: string;
}

/**
 * Formats `report` as `format`; `commandLine` is what the Markdown report says reproduces it.
 *
 * Example: CSV gives the header `row_parameter,row,column_parameter,column,power,lower,upper,trials`
 * and one line per cell, e.g. `design.sites.count,10,design.size.total,600,0.079,0.068,0.092,2000`.
 */
export function formatGridReport(report: GridReport, format: OutputFormat, commandLine: string): string {
  const table = formatGridTable(report.grid, { title: report.title, conclusion: report.conclusion });
  switch (format) {
    case 'json':
      return formatJson(report.document);
    case 'csv':
      return formatGridCsv(report.grid);
    case 'markdown':
      return `# ${report.title}\n\n\`\`\`text\n${table}\`\`\`\n\nReproduce: \`${commandLine}\`\n`;
    case 'table':
      return table;
  }
}

function formatGridCsv(grid: PowerGrid): string {
  const header = 'row_parameter,row,column_parameter,column,power,lower,upper,trials';
  const lines = [...grid.cells]
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .map((cell) =>
      [
        grid.rowParameter,
        cell.row,
        grid.columnParameter,
        cell.column,
        cell.power,
        cell.powerCI[0],
        cell.powerCI[1],
        cell.trials,
      ].join(','),
    );
  return `${[header, ...lines].join('\n')}\n`;
}
