/**
 * The default human output (terminal or pipe): a heading that says what was simulated, the verdict
 * in plain words, an aligned table of diagnosands (one row per outcome), a legend that names each
 * figure's scale, what a significant result would report, the selected cohort's rates, the costs,
 * the family-wise line and the warnings. Fits `width` columns (100 by default; a narrow terminal
 * gets the table in two parts); escape codes only when `color` is true.
 */
import { formatRolloutLine } from './format-rollout.js';
import { describeStepsReading, outcomesWithSteps, STEPS_LEGEND, stepsTextTable } from './format-steps.js';
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';
import { showsAdjustedPower, type Multiplicity } from './adjusted-power-shown.js';
import { applyStyle } from './ansi-style.js';
import { DIAGNOSANDS_DOC } from './diagnosand-scales.js';
import { replicationSuccessText } from './replication-success-lines.js';
import { collectWarnings } from './collect-warnings.js';
import { coverageMark, typeIErrorMark } from './type-i-error-above-alpha.js';
import { cohortRatesNote } from './cohort-rates.js';
import { runVerdict } from './run-verdict.js';
import { significantReadingLines } from './significant-reading.js';
import type { TrialCost } from './trial-cost.js';
import { wrapLines, wrapText as wrap } from './wrap-text.js';
import { reproducibilityNote } from './reproducibility-note.js';
import { uncertainInputsNote } from './uncertain-inputs-note.js';
import {
  describeSequentialDesign,
  describeSequentialResults,
  SEQUENTIAL_LEGEND,
  sequentialTextTable,
} from './format-sequential.js';
import { formatCount, formatPercent, formatPercentWithInterval, formatRatio, formatSigned } from './format-numbers.js';

/** How to draw the table. */
export interface TableOptions {
  /** Write SGR escape codes (bold heading, dim legend, yellow warnings). */
  readonly color: boolean;
  /** Widest line allowed, in columns (default 100). */
  readonly width?: number;
  /** The scenario's significance level: type I errors clearly above it are marked `!`. */
  readonly alpha?: number;
  /** The design's costs, when the scenario has a `costs` block: in the verdict and the notes. */
  readonly cost?: TrialCost | null;
}

/** Shorter names for the two longest analyses, so a row fits 100 columns. */
const SHORT_ANALYSIS_NAMES: Readonly<Record<string, string>> = {
  'negative-binomial': 'neg-binomial',
  'two-proportion-z': 'two-prop-z',
  'cluster-robust': 'cluster-CR2',
};

interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
  readonly cell: (result: OutcomeDiagnosis, alpha: number | null) => string;
}

/** Stands for the multiplicity-adjusted power column (primary outcomes only) until it is named after its correction. */
const ADJUSTED_HEADER = 'adjusted';

/** The adjusted-power column's header: the correction's name, short, so the table keeps 100 columns. */
const CORRECTION_HEADERS: Readonly<Record<Multiplicity, string>> = { none: 'adj.', bonferroni: 'bonf.', holm: 'holm' };

const COLUMNS: readonly Column[] = [
  {
    header: 'outcome',
    align: 'left',
    cell: (r) => `${r.outcome}${r.primary ? ' *' : ''}`,
  },
  { header: 'analysis', align: 'left', cell: (r) => SHORT_ANALYSIS_NAMES[r.analysis] ?? r.analysis },
  { header: 'effect', align: 'right', cell: (r) => formatRatio(r.estimand) },
  { header: 'power [95% CI]', align: 'right', cell: (r) => formatPercentWithInterval(r.power, r.powerCI) },
  { header: ADJUSTED_HEADER, align: 'right', cell: (r) => (r.primary ? formatPercent(r.adjustedPower) : '') },
  {
    header: 'type I',
    align: 'right',
    cell: (r, alpha) => (r.typeIError === null ? '—' : `${formatPercent(r.typeIError)}${typeIErrorMark(r, alpha)}`),
  },
  { header: 'bias', align: 'right', cell: (r) => formatSigned(r.bias) },
  {
    header: 'coverage',
    align: 'right',
    // Too few clusters: the verdict, not a coverage of intervals that cannot be trusted.
    cell: (r) =>
      r.plannedDegreesOfFreedom !== null && r.plannedDegreesOfFreedom < 4
        ? 'too few'
        : `${formatPercent(r.coverage)}${coverageMark(r)}`,
  },
  { header: 'type S', align: 'right', cell: (r) => (r.typeS === null ? '—' : formatPercent(r.typeS)) },
  { header: 'exagg.', align: 'right', cell: (r) => (r.exaggeration === null ? '—' : `${r.exaggeration.toFixed(2)}×`) },
  { header: 'failed', align: 'right', cell: (r) => formatCount(r.failures) },
];

/** Columns of the first and second part of the table when it is split to fit a narrow terminal. */
const FIRST_PART = new Set(['outcome', 'effect', 'power [95% CI]', ...Object.values(CORRECTION_HEADERS), 'type I']);
const SECOND_PART = new Set(['outcome', 'bias', 'coverage', 'type S', 'exagg.', 'failed']);

/** Pads or cuts `text` to exactly `width` columns. */
function fit(text: string, width: number, align: 'left' | 'right'): string {
  const cut = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return align === 'left' ? cut.padEnd(width) : cut.padStart(width);
}

/** The diagnosand table as lines, and whether the analysis column had to go to fit. */
export interface DiagnosandTableLayout {
  readonly lines: readonly string[];
  /** True when the analysis column was left out to fit the width (say the analyses elsewhere). */
  readonly analysisDropped: boolean;
  /** True when the table was printed in two parts, one above the other, to fit the width. */
  readonly split: boolean;
}

/**
 * Lays out the diagnosand table: each column as wide as its widest cell, two spaces between
 * columns. When the line would pass `width` it tries, in turn: one space between columns, leaving
 * out the analysis column (with two spaces, then one), then also the failures column; then it
 * splits the table in two parts, one above the other, each starting with the outcome (effect,
 * power and type I error; then bias, coverage, type S, exaggeration and failures); last it
 * shortens the outcome column. Returns the header line and one line per outcome (two such blocks,
 * a blank line between, when split), without styling. With `alpha`, a type I error above it beyond
 * Monte Carlo error is marked `!`. With several primary outcomes and a `multiplicity` correction,
 * a column named after it (`holm`, `bonf.`) gives their power after the correction.
 *
 * Example: two outcomes at width 100 give three lines of equal length starting `outcome`, with
 * the analysis column; at width 80 the analysis column is dropped (`analysisDropped: true`); at
 * width 60 the table comes in two parts (`split: true`), every line at most 60 columns.
 */
export function layoutDiagnosandTable(
  results: readonly OutcomeDiagnosis[],
  width = 100,
  alpha: number | null = null,
  multiplicity: Multiplicity = 'none',
): DiagnosandTableLayout {
  // The failures column earns its space only when something failed (warnings say so too).
  const all = COLUMNS.filter(
    (c) =>
      (c.header !== 'failed' || results.some((r) => r.failures > 0)) &&
      (c.header !== ADJUSTED_HEADER || showsAdjustedPower(results, multiplicity)),
  ).map((c) => (c.header === ADJUSTED_HEADER ? { ...c, header: CORRECTION_HEADERS[multiplicity] } : c));
  const measure = (columns: readonly Column[]) => {
    const cells = results.map((result) => columns.map((column) => column.cell(result, alpha)));
    const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => row[i].length)));
    const total = (gap: number) => widths.reduce((sum, w) => sum + w, 0) + gap * (widths.length - 1);
    return { columns, cells, widths, total };
  };
  type Measured = ReturnType<typeof measure>;
  const render = (table: Measured, gap: number): string[] => {
    const { columns, cells } = table;
    const widths = [...table.widths];
    const excess = table.total(gap) - width;
    if (excess > 0) widths[0] = Math.max(columns[0].header.length, widths[0] - excess);
    const line = (row: readonly string[]) =>
      row
        .map((text, i) => fit(text, widths[i], columns[i].align))
        .join(' '.repeat(gap))
        .trimEnd();
    return [line(columns.map((c) => c.header)), ...cells.map(line)];
  };
  const full = measure(all);
  const lean = measure(all.filter((c) => c.header !== 'analysis'));
  // Failures are also in the warnings, so their column goes before the table is split.
  const leaner = measure(all.filter((c) => c.header !== 'analysis' && c.header !== 'failed'));
  const tries = [
    { table: full, gap: 2 },
    { table: full, gap: 1 },
    { table: lean, gap: 2 },
    { table: lean, gap: 1 },
    { table: leaner, gap: 2 },
    { table: leaner, gap: 1 },
  ];
  const fitting = tries.find((t) => t.table.total(t.gap) <= width);
  if (fitting) {
    return { lines: render(fitting.table, fitting.gap), analysisDropped: fitting.table !== full, split: false };
  }
  const first = measure(all.filter((c) => FIRST_PART.has(c.header)));
  const second = measure(all.filter((c) => SECOND_PART.has(c.header)));
  const gap = first.total(2) <= width && second.total(2) <= width ? 2 : 1;
  return { lines: [...render(first, gap), '', ...render(second, gap)], analysisDropped: true, split: true };
}

/** "analysis: crime, knife: negative-binomial · harm: mann-whitney", for a table without that column. */
function analysesLine(results: readonly OutcomeDiagnosis[]): string {
  const byAnalysis = new Map<string, string[]>();
  for (const r of results) byAnalysis.set(r.analysis, [...(byAnalysis.get(r.analysis) ?? []), r.outcome]);
  return `analysis: ${[...byAnalysis].map(([analysis, outcomes]) => `${outcomes.join(', ')}: ${analysis}`).join(' · ')}`;
}

function heading(summary: RunSummary): string[] {
  const { design, timing } = summary;
  const title =
    summary.scenario.title && summary.scenario.title !== summary.scenario.name
      ? `${summary.scenario.name} — ${summary.scenario.title}`
      : summary.scenario.name;
  const facts = [
    `${formatCount(design.treated)} treated, ${formatCount(design.control)} control${summary.rollout ? ' person-periods' : ''}`,
    `${formatCount(summary.trials)} trials`,
    `seed ${summary.seed}`,
    `${timing.seconds.toFixed(1)}s at ${formatCount(timing.trialsPerSecond)} trials/s on ${timing.threads} thread${timing.threads === 1 ? '' : 's'}`,
  ];
  return [title, facts.join(' · ')];
}

/**
 * The legend: what each column is, on which scale, and by which significance rule, so no figure
 * is read on the wrong scale (a "1.42×" exaggeration is of the log ratio, not of the reduction).
 */
function legend(summary: RunSummary, alpha: number | null): string {
  const noNull = summary.results.some((r) => r.typeIError === null);
  const marks = new Set(summary.results.map((r) => typeIErrorMark(r, alpha)));
  const coverageMarks = new Set(summary.results.map((r) => coverageMark(r)));
  const band = (lower: number, upper: number) => `[${formatPercent(lower)}, ${formatPercent(upper)}]`;
  const a = alpha ?? 0;
  const level = alpha === null ? '' : ` at α = ${alpha}`;
  const correction = summary.familywise?.multiplicity ?? 'none';
  return [
    '* primary.',
    'effect: true intention-to-treat ratio, treated over control (below 1 is a reduction).',
    `power: share of trials significant${level} by the unadjusted p-value [95% Monte Carlo interval].`,
    showsAdjustedPower(summary.results, correction)
      ? `${CORRECTION_HEADERS[correction]}: share significant after the ${correction} correction across the primary outcomes.`
      : '',
    noNull ? 'type I: not measured (--no-null).' : 'type I: share significant with no effect.',
    marks.has('!')
      ? `! type I above the tolerance band ${band(0.5 * a, 1.5 * a)} beyond Monte Carlo error: the test is not valid here.`
      : '',
    marks.has('↓') ? `↓ type I below ${band(0.5 * a, 1.5 * a)}: conservative, power understated.` : '',
    marks.has('+')
      ? `+ above α = ${alpha} beyond Monte Carlo error but within tolerance ${band(0.5 * a, 1.5 * a)}.`
      : '',
    coverageMarks.has('!')
      ? `! coverage below ${band(1 - 1.5 * a, 1 - 0.5 * a)} beyond Monte Carlo error: intervals too narrow (see warnings).`
      : '',
    coverageMarks.has('↑') ? `↑ coverage above ${band(1 - 1.5 * a, 1 - 0.5 * a)}: intervals too wide.` : '',
    'bias: mean error of the log ratio (log scale; ±0.01 is about ±1% on the ratio).',
    'coverage: share of confidence intervals holding the true ratio.',
    'type S: share of significant results with the wrong sign.',
    'exagg.: exaggeration (Gelman & Carlin), the mean of |log estimate| / |log true ratio| over significant',
    'trials: on the log-ratio scale, not the percentage reduction — the plain reading is below.',
    'type S and exagg. count trials significant by the unadjusted p-value.',
    `Definitions, and how they compare with DeclareDesign: ${DIAGNOSANDS_DOC}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function familywiseLine(summary: RunSummary): string | null {
  const fw = summary.familywise;
  if (!fw) return null;
  const parts = [
    `any primary significant ${formatPercent(fw.anyPrimary)}`,
    `all primary significant ${formatPercent(fw.allPrimary)}`,
  ];
  if (fw.errorUnderNull !== null) parts.push(`any significant with no effect ${formatPercent(fw.errorUnderNull)}`);
  const correction = fw.multiplicity === 'none' ? 'no correction' : `${fw.multiplicity} correction`;
  return `Family-wise (${correction}): ${parts.join(' · ')}`;
}

/**
 * Formats a run summary as the aligned human-readable report printed by default: the heading, the
 * verdict in plain words, the table, its legend, what a significant result would report, the
 * selected cohort's rates, the costs (with `cost`), the family-wise line and the warnings, every
 * line within `width` columns and no number broken across lines.
 *
 * Example: for a complete run of milton-keynes the text starts
 * `milton-keynes — Focused deterrence…`, then `45 treated, 120 control · 5,000 trials · seed 2023 · …`,
 * `A trial of 45 treated and 120 control (165 people) would detect a true 40% reduction in crime…`,
 * a blank line, and the table whose rows read like
 * `knife *  negative-binomial  0.602  41.2% [39.8, 42.6]  35.0%  5.1%  -0.012  94.6%  0.4%  1.60×  0`.
 */
export function formatTable(summary: RunSummary, options: TableOptions): string {
  const width = options.width ?? 100;
  const { color } = options;
  const cost = options.cost ?? null;
  const out: string[] = [];
  const [title, facts] = heading(summary);
  out.push(...wrap(title, width, '  ').map((line) => applyStyle(line, 'bold', color)), ...wrap(facts, width, '  '));
  if (summary.rollout) out.push(...wrap(formatRolloutLine(summary.rollout), width, '  '));
  if (!summary.complete) {
    out.push(
      applyStyle(`Interrupted: results from the ${formatCount(summary.trials)} trials completed so far.`, 'red', color),
    );
  }
  out.push('', ...wrap(runVerdict(summary, cost), width, '  '), '');
  const alpha = options.alpha ?? null;
  const layout = layoutDiagnosandTable(summary.results, width, alpha, summary.familywise?.multiplicity ?? 'none');
  out.push(
    ...layout.lines.map((line, i) => (i === 0 || layout.lines[i - 1] === '' ? applyStyle(line, 'bold', color) : line)),
    '',
  );
  if (layout.analysisDropped) out.push(...wrap(analysesLine(summary.results), width, '  '), '');
  out.push(...wrap(legend(summary, alpha), width, '  ').map((line) => applyStyle(line, 'dim', color)));
  const reading = significantReadingLines(summary);
  if (reading.length > 0) out.push('', ...wrapLines(reading, width));
  const cohort = cohortRatesNote(summary);
  if (cohort) out.push('', ...wrap(cohort, width, '  '));
  if (cost && cost.lines.length > 0) out.push('', ...wrapLines(cost.lines, width));
  const inputs = uncertainInputsNote(summary);
  if (inputs) out.push(...wrap(inputs, width, '  '));
  out.push(...wrap(reproducibilityNote(summary), width, '  ').map((line) => applyStyle(line, 'dim', color)));
  const fw = familywiseLine(summary);
  if (fw) out.push('', ...wrap(fw, width, '  '));
  const sequential = summary.sequential;
  if (sequential) {
    out.push('', ...wrap(describeSequentialDesign(sequential), width, '  '), '');
    const [lookHeader, ...lookRows] = sequentialTextTable(sequential);
    out.push(applyStyle(lookHeader, 'bold', color), ...lookRows, '');
    out.push(...wrap(SEQUENTIAL_LEGEND, width, '  ').map((line) => applyStyle(line, 'dim', color)), '');
    for (const line of describeSequentialResults(sequential)) out.push(...wrap(line, width, '  '));
  }
  const stepped = outcomesWithSteps(summary.results);
  for (const result of stepped) {
    out.push('', ...wrap(`Per step on ${result.outcome} (${result.label}):`, width, '  '));
    const [stepHeader, ...stepRows] = stepsTextTable(result.steps!);
    out.push(applyStyle(stepHeader, 'bold', color), ...stepRows);
    const reading = describeStepsReading(result.steps!);
    if (reading) out.push(...wrap(reading, width, '  '));
  }
  if (stepped.length > 0)
    out.push('', ...wrap(STEPS_LEGEND, width, '  ').map((line) => applyStyle(line, 'dim', color)));
  const replication = replicationSuccessText(summary);
  if (replication.length > 0) {
    // The criteria rows are short and aligned; only the heading and legend lines need wrapping.
    out.push('', ...replication.flatMap((line) => (line.startsWith('  ') ? [line] : wrap(line, width, '  '))));
  }
  const warnings = collectWarnings(summary);
  if (warnings.length > 0) {
    out.push('', applyStyle('Warnings', 'bold', color));
    for (const warning of warnings) {
      out.push(...wrap(`! ${warning}`, width, '  ').map((line) => applyStyle(line, 'yellow', color)));
    }
  }
  return `${out.join('\n')}\n`;
}
