/**
 * The output of `sample-size` and `mde` in the chosen format: JSON (the run document plus the
 * planning fields), CSV (the curve the search simulated), Markdown (the planning lines in a block,
 * then the run report) or the table (the planning lines, then the run table).
 */
import { armSizes, type Design } from '../core/design.js';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { OutputFormat } from './choose-output.js';
import { formatCsv } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatResult } from './format-result.js';
import type { PowerCurve } from './power-curve.js';
import { wrapLines, wrapText } from './wrap-text.js';

/** A plan to print: the document, the curve, the planning lines and the design the run section shows. */
export interface PlanningReport {
  /** The run document at the answer with the planning fields added. */
  readonly document: RunSummary;
  readonly curve: PowerCurve;
  readonly lines: readonly string[];
  readonly design: Design;
  /** False when nothing was found and the run section shows the scenario as written. */
  readonly atAnswer: boolean;
}

/**
 * Formats `report` as `format`; `commandLine` is what the Markdown report says reproduces it. The
 * table format fits `width` columns (100 by default): long lines wrap at spaces, never inside a
 * number, an interval or an amount of money.
 *
 * Example: the table format prints the planning lines, a blank line, "The design at the answer
 * (79 treated, 211 control), simulated with the scenario's seed — …", a blank line and the run table.
 */
export function formatPlanning(
  report: PlanningReport,
  format: OutputFormat,
  options: {
    readonly color: boolean;
    readonly commandLine: string;
    readonly width?: number;
    readonly modifiedBy?: readonly string[];
  },
): string {
  const { document, design, lines } = report;
  const { commandLine, modifiedBy } = options;
  switch (format) {
    case 'json':
      return formatJson(document);
    case 'csv':
      return formatCsv(report.curve);
    case 'markdown':
      return document.trials === 0
        ? `## Plan\n\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n\n${NO_REPORT_RUN}\n`
        : `## Plan\n\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n\n${formatResult(document, 'markdown', { color: false, commandLine, design, modifiedBy })}`;
    case 'table': {
      if (document.trials === 0) return `${lines.join('\n')}\n\n${NO_REPORT_RUN}\n`;
      const sizes = armSizes(design.plan.size);
      const at = report.atAnswer
        ? `The design at the answer (${formatNumber(sizes.treated)} treated, ${formatNumber(sizes.control)} control), simulated with the scenario's seed — \`trialsim run\` with the same --set gives the same table:`
        : `No answer to report on; the scenario as written (${formatNumber(sizes.treated)} treated, ${formatNumber(sizes.control)} control):`;
      const width = options.width ?? 100;
      return `${wrapLines(lines, width).join('\n')}\n\n${wrapText(at, width).join('\n')}\n\n${formatResult(document, 'table', { color: options.color, commandLine, design, width, modifiedBy })}`;
    }
  }
}

/** Said instead of a table of nothing when Ctrl-C came before the report run's first trial. */
const NO_REPORT_RUN =
  'Interrupted before the run at the answer simulated any trial, so there is no table of its diagnostics; `trialsim run` with the same --set gives it.';

function formatNumber(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}
