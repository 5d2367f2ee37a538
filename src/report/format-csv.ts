/**
 * The `--csv` output: one row per outcome × design point with a header row, quoted by RFC 4180,
 * for spreadsheets and R (`read.csv`). A run has one design point; a power curve has one per
 * value of the varied parameter. What reproduces a run (seed, trials, engine, tool version) is in
 * columns of every row rather than a comment line, which `read.csv` and spreadsheets would take
 * for the header; the numbers do not depend on the thread count, so it has no column.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { PowerCurve } from './power-curve.js';

type Cell = string | number | boolean | null | undefined;

/**
 * Quotes one field as RFC 4180 asks: inside double quotes when it holds a comma, a quote, or a
 * line break, with inner quotes doubled. Numbers print in full precision; null prints empty.
 *
 * Example: `quoteCsvField('a "b", c')` → `"\"a \"\"b\"\", c\""`; `quoteCsvField(null)` → `""`.
 */
export function quoteCsvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' && !Number.isFinite(cell) ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Joins rows into CSV text: CRLF line ends as RFC 4180 specifies, ending with one. */
function joinRows(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(quoteCsvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * The run columns: the JSON field names (docs/json-output.md), except that a figure whose scale a
 * reader could mistake says it in its name — bias and RMSE of the log ratio, exaggeration as a
 * ratio of log ratios, the geometric mean estimate. Power, type S and exaggeration count trials
 * significant by the unadjusted p-value; adjustedPower after the multiplicity correction.
 */
const RUN_COLUMNS = [
  'scenario',
  'command',
  'seed',
  'trials',
  'complete',
  'treated',
  'control',
  'total',
  'outcome',
  'label',
  'kind',
  'analysis',
  'primary',
  'within',
  'estimand',
  'power',
  'powerCILower',
  'powerCIUpper',
  'mcse',
  'adjustedPower',
  'typeIError',
  'typeIErrorCILower',
  'typeIErrorCIUpper',
  'biasLog',
  'biasLogMcse',
  'rmseLog',
  'coverage',
  'coverageMcse',
  'typeS',
  'exaggerationLogRatio',
  'meanEstimateGeometric',
  'meanSignificantRatio',
  'failures',
  'nullFailures',
  'warnings',
  'engine',
  'toolVersion',
] as const;

const CURVE_COLUMNS = ['parameter', 'value', 'outcome', 'power', 'powerCILower', 'powerCIUpper', 'target'] as const;

function runRows(summary: RunSummary): Cell[][] {
  return summary.results.map((r) => [
    summary.scenario.name,
    summary.command,
    summary.seed,
    summary.trials,
    summary.complete,
    summary.design.treated,
    summary.design.control,
    summary.design.total,
    r.outcome,
    r.label,
    r.kind,
    r.analysis,
    r.primary,
    r.within,
    r.estimand,
    r.power,
    r.powerCI[0],
    r.powerCI[1],
    r.mcse,
    r.adjustedPower,
    r.typeIError,
    r.typeIErrorCI?.[0],
    r.typeIErrorCI?.[1],
    r.bias,
    r.biasMcse,
    r.rmse,
    r.coverage,
    r.coverageMcse,
    r.typeS,
    r.exaggeration,
    r.meanEstimate,
    r.meanSignificantRatio,
    r.failures,
    r.nullFailures,
    r.warnings.join('; '),
    summary.engine,
    summary.tool.version,
  ]);
}

function curveRows(curve: PowerCurve): Cell[][] {
  return curve.points.map((p) => [
    curve.parameter,
    p.value,
    p.outcome,
    p.power,
    p.powerCI[0],
    p.powerCI[1],
    curve.target,
  ]);
}

/**
 * Formats a run summary (one row per outcome: the diagnosands of docs/json-output.md with intervals as `…Lower`/`…Upper`
 * columns, the scale in the name where it could be mistaken: `biasLog`, `rmseLog`,
 * `exaggerationLogRatio`, `meanEstimateGeometric`) or a power curve (one row per point: parameter, value, outcome,
 * power and its interval, target) as CSV with a header row.
 *
 * Example: a summary with outcomes knife and crime gives 3 lines, the first
 * `scenario,command,seed,…`, the second starting `milton-keynes,run,2023,5000,true,45,120,165,knife,`.
 */
export function formatCsv(data: RunSummary | PowerCurve): string {
  if ('points' in data) return joinRows([[...CURVE_COLUMNS], ...curveRows(data)]);
  return joinRows([[...RUN_COLUMNS], ...runRows(data)]);
}
