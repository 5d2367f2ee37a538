/**
 * Formats a run summary in the chosen output format, so a command has one call per result.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { OutputFormat } from './choose-output.js';
import { formatCsv } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatMarkdown, type MarkdownContext } from './format-markdown.js';
import { formatTable } from './format-table.js';
import { modifiedTitle } from './modified-title.js';

/** What the formats need besides the summary. */
export interface FormatResultOptions extends MarkdownContext {
  /** Escape codes in the table (from `chooseOutput`). */
  readonly color: boolean;
  /** Columns the table fits (the terminal's width; 100 by default). */
  readonly width?: number;
  /** The `--set` overrides the scenario was loaded with, named after the title they falsify. */
  readonly modifiedBy?: readonly string[];
}

/**
 * Formats `summary` as `format`: the table, JSON (§5), CSV (one row per outcome) or Markdown.
 *
 * Example: `formatResult(summary, 'json', options)` equals `formatJson(summary)`.
 */
export function formatResult(summary: RunSummary, format: OutputFormat, options: FormatResultOptions): string {
  const shown = (): RunSummary => {
    const title = modifiedTitle(summary.scenario.title, options.modifiedBy ?? []);
    return title === summary.scenario.title ? summary : { ...summary, scenario: { ...summary.scenario, title } };
  };
  switch (format) {
    case 'json':
      return formatJson(summary);
    case 'csv':
      return formatCsv(summary);
    case 'markdown':
      return formatMarkdown(shown(), options);
    case 'table':
      return formatTable(shown(), {
        color: options.color,
        cost: options.cost ?? null,
        ...(options.width === undefined ? {} : { width: options.width }),
        ...(options.design ? { alpha: options.design.analysis.alpha } : {}),
      });
  }
}
