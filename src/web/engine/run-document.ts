/**
 * The run document and its formats, from a tally, with the command line's own functions: the
 * JSON of `trialsim run --json` (docs/json-output.md), CSV, Markdown and the text table.
 */
import type { Design } from '../../core/design.js';
import type { RunSummary } from '../../core/diagnosis/run-summary.js';
import type { RunTally } from '../../core/diagnosis/tally.js';
import type { OutputFormat } from '../../report/choose-output.js';
import { formatResult } from '../../report/format-result.js';
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
export type DocumentFormat = OutputFormat;

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
  return formatResult(summary, format, { color: false, commandLine, design });
}
