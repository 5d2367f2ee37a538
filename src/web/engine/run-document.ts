/**
 * The run document and its formats, from a tally, with the command line's own functions: the
 * JSON of `trialsim run --json` (docs/json-output.md), CSV, Markdown and the text table.
 */
import type { Design } from '../../core/design.js';
import type { RunSummary } from '../../core/diagnosis/run-summary.js';
import type { RunTally } from '../../core/diagnosis/tally.js';
import { formatCsv } from '../../report/format-csv.js';
import { formatJson } from '../../report/format-json.js';
import { formatMarkdown } from '../../report/format-markdown.js';
import { formatTable } from '../../report/format-table.js';
import { summariseRun } from '../../report/summarise-run.js';

/** How the run went, beside its tally. */
export interface PageRunFacts {
  readonly sha256: string;
  /** SHA-256 of the scenario text the page ran (the file's own hash when the text is a whole file). */
  readonly fileSha256?: string;
  readonly complete: boolean;
  readonly seconds: number;
  readonly threads: number;
}

/**
 * The run document of `trialsim run` for this tally (command `run`).
 *
 * Example: summariseTally(design, tally, { sha256, complete: true, seconds: 1.2, threads: 2 }).results[0].power → 0.29…
 */
export function summariseTally(design: Design, tally: RunTally, facts: PageRunFacts): RunSummary {
  return summariseRun(design, tally, { command: 'run', ...facts });
}

/** The formats a result can be downloaded in (SVG pictures are drawn by `charts.ts`). */
export type DocumentFormat = 'json' | 'csv' | 'markdown' | 'table';

/**
 * The document as text, exactly as `trialsim run --json` (or `--csv`, `--markdown`, the plain
 * table) prints it; `commandLine` is the equivalent command, quoted in the Markdown report.
 */
export function formatDocument(
  summary: RunSummary,
  format: DocumentFormat,
  design: Design,
  commandLine: string,
): string {
  switch (format) {
    case 'json':
      return formatJson(summary);
    case 'csv':
      return formatCsv(summary);
    case 'markdown':
      return formatMarkdown(summary, { commandLine, design });
    case 'table':
      return formatTable(summary, { color: false, alpha: design.analysis.alpha });
  }
}
