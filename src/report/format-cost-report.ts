/**
 * The output of `sample-size --minimise cost` in the chosen format: JSON (the document with the
 * frontier), CSV (one row per value of A), Markdown (the table report in a block, with the command
 * that reproduces it) or the table report.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { OutputFormat } from './choose-output.js';
import type { CostFrontier } from './cost-frontier.js';
import { formatCostTable } from './format-cost-table.js';
import { formatJson } from './format-json.js';

/** A cost search to print. */
export interface CostReport {
  readonly document: RunSummary;
  readonly frontier: CostFrontier;
  readonly title: string;
  readonly conclusion?: string;
  readonly warnings?: readonly string[];
}

/**
 * Formats `report` as `format`; `commandLine` is what the Markdown report says reproduces it.
 *
 * Example: CSV gives the header
 * `row_parameter,row,column_parameter,status,column,column_lower,column_upper,power,power_lower,power_upper,cost,cost_lower,cost_upper,lowest_cost,mark`
 * and one line per value of A, e.g. `design.sites.count,40,design.sites.peoplePerSite,found,120,110,131,0.804,0.785,0.822,2341000,2200000,2500000,1000000,cheapest`.
 */
export function formatCostReport(report: CostReport, format: OutputFormat, commandLine: string): string {
  const table = formatCostTable(report.frontier, {
    title: report.title,
    conclusion: report.conclusion,
    warnings: report.warnings,
  });
  switch (format) {
    case 'json':
      return formatJson(report.document);
    case 'csv':
      return formatCostCsv(report.frontier);
    case 'markdown':
      return `# ${report.title}\n\n\`\`\`text\n${table}\`\`\`\n\nReproduce: \`${commandLine}\`\n`;
    case 'table':
      return table;
  }
}

function formatCostCsv(frontier: CostFrontier): string {
  const header =
    'row_parameter,row,column_parameter,status,column,column_lower,column_upper,power,power_lower,power_upper,cost,cost_lower,cost_upper,lowest_cost,mark';
  const blank = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  const lines = frontier.frontier.map((point) =>
    [
      frontier.rowParameter,
      point.row,
      frontier.columnParameter,
      point.status,
      blank(point.column),
      blank(point.columnCI?.[0]),
      blank(point.columnCI?.[1]),
      blank(point.power),
      blank(point.powerCI?.[0]),
      blank(point.powerCI?.[1]),
      blank(point.cost),
      blank(point.costCI?.[0]),
      blank(point.costCI?.[1]),
      point.lowestCost,
      point === frontier.cheapest ? 'cheapest' : frontier.runnersUp.includes(point) ? 'within-the-noise' : '',
    ].join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}
