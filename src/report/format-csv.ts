/**
 * The `--csv` output: one row per outcome × design point with a header row, quoted by RFC 4180,
 * for spreadsheets and R (`read.csv`). A run has one design point; a power curve has one per
 * value of the varied parameter. What reproduces a run (seed, trials, engine, tool version) is in
 * columns of every row rather than a comment line, which `read.csv` and spreadsheets would take
 * for the header; the numbers do not depend on the thread count, so it has no column.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { outcomesWithSteps } from './format-steps.js';
import type { PowerCurve } from './power-curve.js';
import { uncertainInputsNote } from './uncertain-inputs-note.js';

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
  const table = csvTable(data);
  // A scenario with uncertain inputs says in every row how the run used them (held at their
  // central values, or drawn per trial): one column more, only for such scenarios.
  const note = 'points' in data ? null : uncertainInputsNote(data);
  return joinRows(note === null ? table : table.map((row, i) => [...row, i === 0 ? 'uncertainInputs' : note]));
}

function csvTable(data: RunSummary | PowerCurve): Cell[][] {
  if ('points' in data) return [[...CURVE_COLUMNS], ...curveRows(data)];
  if (data.sequential) return [[...RUN_COLUMNS, ...SEQUENTIAL_COLUMNS], ...sequentialRows(data)];
  const keys = replicationKeys(data);
  if (keys.length === 0 && outcomesWithSteps(data.results).length > 0)
    return [[...RUN_COLUMNS, ...STEP_COLUMNS], ...stepRows(data)];
  if (keys.length === 0) return [[...RUN_COLUMNS], ...runRows(data)];
  // Under a replication plan, three columns per criterion; empty for outcomes without an original.
  const header = [...RUN_COLUMNS, ...keys.flatMap((k) => [`success:${k}`, `success:${k}:lower`, `success:${k}:upper`])];
  const rows = runRows(data).map((row, i) => {
    const success = data.results[i].replicationSuccess;
    return [
      ...row,
      ...keys.flatMap((k) => (success?.[k] ? [success[k].probability, ...success[k].ci] : [null, null, null])),
    ];
  });
  return [header, ...rows];
}

/** The success criteria of a run, in the order of the first outcome that reports them. */
function replicationKeys(summary: RunSummary): string[] {
  const first = summary.results.find((r) => r.replicationSuccess !== undefined);
  return first ? Object.keys(first.replicationSuccess!) : [];
}

/**
 * Columns added for a group-sequential design (docs/json-output.md, "sequential"): `row` says what
 * a row is — `outcome` (the fixed analysis at the last look, as for every design), `look` (one
 * interim look of the monitored outcome) or `sequential` (the design overall, whose power, type I
 * error, bias and exaggeration columns are the sequential ones).
 */
const SEQUENTIAL_COLUMNS = [
  'row',
  'look',
  'informationFraction',
  'people',
  'month',
  'efficacyZ',
  'futilityZ',
  'alphaSpent',
  'stopEfficacy',
  'stopEfficacyHarm',
  'stopFutility',
  'stopEfficacyIgnoringFutility',
  'nullStopEfficacy',
  'nullStopFutility',
  'nullStopEfficacyIgnoringFutility',
  'powerIgnoringFutility',
  'typeIErrorFutilityObeyed',
  'expectedPeople',
  'expectedPeopleMcse',
  'expectedPeopleUnderNull',
  'expectedRecruited',
  'expectedMonths',
  'expectedMonthsUnderNull',
] as const;

/** The outcome rows, then one row per look and one for the design overall (a sequential design only). */
function sequentialRows(summary: RunSummary): Cell[][] {
  const s = summary.sequential!;
  const blank = (count: number): Cell[] => new Array<Cell>(count).fill(null);
  const base = runRows(summary);
  const outcomeRows = base.map((row) => [...row, 'outcome', ...blank(SEQUENTIAL_COLUMNS.length - 1)]);
  const monitored = base[summary.results.findIndex((r) => r.outcome === s.outcome)];
  // Scenario … estimand identify the row; the diagnosands after them are the sequential ones or blank.
  const identity = monitored.slice(0, RUN_COLUMNS.indexOf('power'));
  const restWidth = RUN_COLUMNS.length - identity.length;
  const lookRows = s.looks.map((look) => [
    ...identity,
    ...blank(restWidth),
    'look',
    look.look,
    look.informationFraction,
    look.people,
    look.month,
    look.efficacyZ,
    look.futilityZ,
    look.alphaSpent,
    look.stopEfficacy,
    look.stopEfficacyHarm,
    look.stopFutility,
    look.stopEfficacyIgnoringFutility,
    look.nullStopEfficacy,
    look.nullStopFutility,
    look.nullStopEfficacyIgnoringFutility,
    ...blank(8),
  ]);
  const overall: Record<string, Cell> = {
    power: s.power,
    powerCILower: s.powerCI[0],
    powerCIUpper: s.powerCI[1],
    mcse: s.mcse,
    typeIError: s.typeIError,
    typeIErrorCILower: s.typeIErrorCI?.[0],
    typeIErrorCIUpper: s.typeIErrorCI?.[1],
    bias: s.bias,
    biasMcse: s.biasMcse,
    rmse: s.rmse,
    exaggeration: s.exaggeration,
    failures: s.failures,
  };
  const overallRow = [
    ...identity,
    ...RUN_COLUMNS.slice(identity.length).map((column) => overall[column] ?? null),
    'sequential',
    ...blank(14),
    s.powerIgnoringFutility,
    s.typeIErrorFutilityObeyed,
    s.expectedPeople,
    s.expectedPeopleMcse,
    s.expectedPeopleUnderNull,
    s.expectedRecruited,
    s.expectedMonths,
    s.expectedMonthsUnderNull,
  ];
  return [...outcomeRows, ...lookRows, overallRow];
}

/**
 * Columns added for a stepped-wedge rollout (docs/json-output.md, `results[].steps`): `row` says
 * what a row is — `outcome` (the outcome's analysis, as for every design) or `step` (one exposure
 * time of that outcome, whose estimand, power, type I error, bias, RMSE, coverage, mean estimate
 * and failures columns are the step's own).
 */
const STEP_COLUMNS = [
  'row',
  'step',
  'fromMonth',
  'toMonth',
  'treatedClusterPeriods',
  'controlClusterPeriods',
  'estimateRangeLower',
  'estimateRangeUpper',
] as const;

/** The outcome rows, then each outcome's step rows (a rollout only). */
function stepRows(summary: RunSummary): Cell[][] {
  const base = runRows(summary);
  const blank = (count: number): Cell[] => new Array<Cell>(count).fill(null);
  const outcomeRows = base.map((row) => [...row, 'outcome', ...blank(STEP_COLUMNS.length - 1)]);
  const identityWidth = RUN_COLUMNS.indexOf('estimand');
  const rows = summary.results.flatMap((r, k) =>
    (r.steps ?? []).map((step) => {
      const own: Record<string, Cell> = {
        estimand: step.estimand,
        power: step.power,
        powerCILower: step.powerCI[0],
        powerCIUpper: step.powerCI[1],
        typeIError: step.typeIError,
        typeIErrorCILower: step.typeIErrorCI?.[0],
        typeIErrorCIUpper: step.typeIErrorCI?.[1],
        biasLog: step.bias,
        biasLogMcse: step.biasMcse,
        rmseLog: step.rmse,
        coverage: step.coverage,
        meanEstimateGeometric: step.meanEstimate,
        failures: step.failures,
        engine: summary.engine,
        toolVersion: summary.tool.version,
      };
      return [
        ...base[k].slice(0, identityWidth),
        ...RUN_COLUMNS.slice(identityWidth).map((column) => own[column] ?? null),
        'step',
        step.exposurePeriods,
        step.fromMonth,
        step.toMonth,
        step.treatedClusterPeriods,
        step.controlClusterPeriods,
        step.estimateRange[0],
        step.estimateRange[1],
      ];
    }),
  );
  return [...outcomeRows, ...rows];
}
