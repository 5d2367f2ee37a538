/**
 * `run --trials-out FILE`: the simulated trials themselves, one row per trial, run and outcome,
 * streamed to a CSV or NDJSON file as chunks finish (docs/command-line.md, "The simulated trials").
 * Rows go to a temporary file beside the target, renamed over it when the run ends, so a reader
 * never sees a half-written file and a failed run leaves none behind.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Design } from '../core/design.js';
import { trialRowCount, type TrialRows } from '../core/trial-rows.js';
import { OutputError } from './output-error.js';
import { reasonFor } from './write-output.js';

/** The formats a trials file can take, chosen by its extension. */
export type TrialRowsFormat = 'csv' | 'ndjson';

/** The columns, in order, with the scale each is on in its name (log ratios say `Log`). */
export const TRIAL_ROW_COLUMNS = [
  'trial',
  'run',
  'outcome',
  'analysis',
  'logEstimand',
  'logEstimate',
  'standardErrorLog',
  'lowerLog',
  'upperLog',
  'pValue',
  'significant',
  'failed',
  'failure',
] as const;

/**
 * The format a trials file's extension asks for: `.csv`, or `.ndjson` / `.jsonl`; anything else
 * is an error naming the choices, thrown before any trial runs.
 *
 * Example: trialRowsFormat('trials.csv') → 'csv'.
 */
export function trialRowsFormat(file: string): TrialRowsFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  throw new OutputError(
    `--trials-out ${file}: the extension must say the format (.csv, .ndjson or .jsonl)`,
    'e.g. --trials-out trials.csv (one row per trial, run and outcome) or --trials-out trials.ndjson',
  );
}

/** An open trials file: rows are appended in trial order; `finish` makes it appear, `abandon` removes it. */
export interface TrialRowsFile {
  readonly write: (rows: TrialRows) => void;
  /** Renames the file into place; returns how many rows it holds. */
  readonly finish: () => number;
  readonly abandon: () => void;
}

/**
 * Opens `file` for a design's trials (its header written at once for CSV). Throws an
 * `OutputError` naming the reason when the folder cannot take it.
 *
 * Example: const out = openTrialRowsFile('t.csv', design); out.write(rows); out.finish();
 */
export function openTrialRowsFile(file: string, design: Design): TrialRowsFile {
  const format = trialRowsFormat(file);
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const descriptor = guard(file, () => openSync(temporary, 'wx'));
  const outcomeIds = design.outcomes.map((o) => o.id);
  const analyses = design.outcomes.map((o) => o.analysis);
  let rowCount = 0;
  let open = true;
  const put = (text: string) => {
    try {
      writeSync(descriptor, text);
    } catch (error) {
      abandon();
      throw unwritable(file, error);
    }
  };
  const abandon = () => {
    if (!open) return;
    open = false;
    closeSync(descriptor);
    rmSync(temporary, { force: true });
  };
  if (format === 'csv') put(`${TRIAL_ROW_COLUMNS.join(',')}\n`);
  return {
    write: (rows) => {
      put(format === 'csv' ? csvLines(rows, outcomeIds, analyses) : ndjsonLines(rows, outcomeIds, analyses));
      rowCount += trialRowCount(rows);
    },
    finish: () => {
      open = false;
      closeSync(descriptor);
      guard(file, () => renameSync(temporary, file), temporary);
      return rowCount;
    },
    abandon,
  };
}

function csvLines(rows: TrialRows, outcomeIds: readonly string[], analyses: readonly string[]): string {
  let text = '';
  for (let i = 0; i < rows.trial.length; i++) {
    const k = rows.outcome[i];
    text +=
      `${rows.trial[i]},${rows.nullRun[i] ? 'null' : 'effect'},${csvText(outcomeIds[k])},${analyses[k]},` +
      `${csvNumber(rows.logEstimand[i])},${csvNumber(rows.logEstimate[i])},${csvNumber(rows.standardError[i])},` +
      `${csvNumber(rows.lower[i])},${csvNumber(rows.upper[i])},${csvNumber(rows.pValue[i])},` +
      `${rows.significant[i] ? 'TRUE' : 'FALSE'},${rows.failed[i] ? 'TRUE' : 'FALSE'},${csvText(rows.failure[i])}\n`;
  }
  return text;
}

function ndjsonLines(rows: TrialRows, outcomeIds: readonly string[], analyses: readonly string[]): string {
  let text = '';
  for (let i = 0; i < rows.trial.length; i++) {
    const k = rows.outcome[i];
    const values = [
      rows.trial[i],
      rows.nullRun[i] ? 'null' : 'effect',
      outcomeIds[k],
      analyses[k],
      jsonNumber(rows.logEstimand[i]),
      jsonNumber(rows.logEstimate[i]),
      jsonNumber(rows.standardError[i]),
      jsonNumber(rows.lower[i]),
      jsonNumber(rows.upper[i]),
      jsonNumber(rows.pValue[i]),
      rows.significant[i] === 1,
      rows.failed[i] === 1,
      rows.failure[i],
    ];
    text += `${JSON.stringify(Object.fromEntries(TRIAL_ROW_COLUMNS.map((column, c) => [column, values[c]])))}\n`;
  }
  return text;
}

/** Shortest text that reads back to the same double; NaN (no value) is an empty field, ±∞ as R writes it. */
function csvNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** JSON has no NaN or infinity: a value that is not finite is null. */
function jsonNumber(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Quotes a text field when it holds a comma, quote or line break (RFC 4180). */
function csvText(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function guard<T>(file: string, act: () => T, leftover?: string): T {
  try {
    return act();
  } catch (error) {
    if (leftover !== undefined) rmSync(leftover, { force: true });
    throw unwritable(file, error);
  }
}

function unwritable(file: string, error: unknown): OutputError {
  return new OutputError(
    `--trials-out ${file} cannot be written: ${reasonFor(error)}`,
    'give --trials-out a file in an existing folder you can write to',
  );
}
