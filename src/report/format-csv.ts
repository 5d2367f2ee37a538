/**
 * The `--csv` output: one row per outcome × design point with a header row, quoted by RFC 4180,
 * for spreadsheets and R (`read.csv`). A run has one design point; a power curve has one per
 * value of the varied parameter.
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
  'bias',
  'biasMcse',
  'rmse',
  'coverage',
  'coverageMcse',
  'typeS',
  'exaggeration',
  'meanEstimate',
  'failures',
  'nullFailures',
  'warnings',
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
    r.failures,
    r.nullFailures,
    r.warnings.join('; '),
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
 * Formats a run summary (one row per outcome: the diagnosands of DESIGN.md §5 with intervals as
 * `…Lower`/`…Upper` columns) or a power curve (one row per point: parameter, value, outcome,
 * power and its interval, target) as CSV with a header row.
 *
 * Example: a summary with outcomes knife and crime gives 3 lines, the first
 * `scenario,command,seed,…`, the second starting `milton-keynes,run,2023,5000,true,45,120,165,knife,`.
 */
export function formatCsv(data: RunSummary | PowerCurve): string {
  if ('points' in data) return joinRows([[...CURVE_COLUMNS], ...curveRows(data)]);
  const keys = replicationKeys(data);
  if (keys.length === 0) return joinRows([[...RUN_COLUMNS], ...runRows(data)]);
  // Under a replication plan, three columns per criterion; empty for outcomes without an original.
  const header = [...RUN_COLUMNS, ...keys.flatMap((k) => [`success:${k}`, `success:${k}:lower`, `success:${k}:upper`])];
  const rows = runRows(data).map((row, i) => {
    const success = data.results[i].replicationSuccess;
    return [
      ...row,
      ...keys.flatMap((k) => (success?.[k] ? [success[k].probability, ...success[k].ci] : [null, null, null])),
    ];
  });
  return joinRows([header, ...rows]);
}

/** The success criteria of a run, in the order of the first outcome that reports them. */
function replicationKeys(summary: RunSummary): string[] {
  const first = summary.results.find((r) => r.replicationSuccess !== undefined);
  return first ? Object.keys(first.replicationSuccess!) : [];
}
