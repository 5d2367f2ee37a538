/**
 * The default human output (terminal or pipe): a heading that says what was simulated, an aligned
 * table of diagnosands (one row per outcome), a legend, the family-wise line and the warnings.
 * Fits `width` columns (100 by default); escape codes only when `color` is true.
 */
import { formatRolloutLine } from './format-rollout.js';
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';
import { applyStyle } from './ansi-style.js';
import { collectWarnings } from './collect-warnings.js';
import { typeIErrorAboveAlpha } from './type-i-error-above-alpha.js';
import { wrapText as wrap } from './wrap-text.js';
import { formatCount, formatPercent, formatPercentWithInterval, formatRatio, formatSigned } from './format-numbers.js';

/** How to draw the table. */
export interface TableOptions {
  /** Write SGR escape codes (bold heading, dim legend, yellow warnings). */
  readonly color: boolean;
  /** Widest line allowed, in columns (default 100). */
  readonly width?: number;
  /** The scenario's significance level: type I errors clearly above it are marked `!`. */
  readonly alpha?: number;
}

/** Shorter names for the two longest analyses, so a row fits 100 columns. */
const SHORT_ANALYSIS_NAMES: Readonly<Record<string, string>> = {
  'negative-binomial': 'neg-binomial',
  'two-proportion-z': 'two-prop-z',
};

interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
  readonly cell: (result: OutcomeDiagnosis, alpha: number | null) => string;
}

const COLUMNS: readonly Column[] = [
  {
    header: 'outcome',
    align: 'left',
    cell: (r) => `${r.outcome}${r.primary ? ' *' : ''}`,
  },
  { header: 'analysis', align: 'left', cell: (r) => SHORT_ANALYSIS_NAMES[r.analysis] ?? r.analysis },
  { header: 'effect', align: 'right', cell: (r) => formatRatio(r.estimand) },
  { header: 'power [95% CI]', align: 'right', cell: (r) => formatPercentWithInterval(r.power, r.powerCI) },
  {
    header: 'type I',
    align: 'right',
    cell: (r, alpha) =>
      r.typeIError === null ? '—' : `${formatPercent(r.typeIError)}${typeIErrorAboveAlpha(r, alpha) ? '!' : ''}`,
  },
  { header: 'bias', align: 'right', cell: (r) => formatSigned(r.bias) },
  { header: 'coverage', align: 'right', cell: (r) => formatPercent(r.coverage) },
  { header: 'type S', align: 'right', cell: (r) => (r.typeS === null ? '—' : formatPercent(r.typeS)) },
  { header: 'exagg.', align: 'right', cell: (r) => (r.exaggeration === null ? '—' : `${r.exaggeration.toFixed(2)}×`) },
  { header: 'failed', align: 'right', cell: (r) => formatCount(r.failures) },
];

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
}

/**
 * Lays out the diagnosand table: each column as wide as its widest cell, two spaces between
 * columns. When the line would pass `width` it tries, in turn: one space between columns, leaving
 * out the analysis column (with two spaces, then one), then also the failures column, and last
 * shortening the outcome column. Returns the header line and one
 * line per outcome, without styling. With `alpha`, a type I error above it beyond Monte Carlo
 * error is marked `!`.
 *
 * Example: two outcomes at width 100 give three lines of equal length starting `outcome`, with
 * the analysis column; at width 80 the analysis column is dropped (`analysisDropped: true`).
 */
export function layoutDiagnosandTable(
  results: readonly OutcomeDiagnosis[],
  width = 100,
  alpha: number | null = null,
): DiagnosandTableLayout {
  // The failures column earns its space only when something failed (warnings say so too).
  const all = results.some((r) => r.failures > 0) ? COLUMNS : COLUMNS.filter((c) => c.header !== 'failed');
  const measure = (columns: readonly Column[]) => {
    const cells = results.map((result) => columns.map((column) => column.cell(result, alpha)));
    const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => row[i].length)));
    const total = (gap: number) => widths.reduce((sum, w) => sum + w, 0) + gap * (widths.length - 1);
    return { columns, cells, widths, total };
  };
  const full = measure(all);
  const lean = measure(all.filter((c) => c.header !== 'analysis'));
  // Failures are also in the warnings, so their column goes last.
  const leaner = measure(all.filter((c) => c.header !== 'analysis' && c.header !== 'failed'));
  // First layout that fits, from the roomiest; failing all, the last, with the outcome cut.
  const tries = [
    { table: full, gap: 2 },
    { table: full, gap: 1 },
    { table: lean, gap: 2 },
    { table: lean, gap: 1 },
    { table: leaner, gap: 2 },
    { table: leaner, gap: 1 },
  ];
  const { table, gap } = tries.find((t) => t.table.total(t.gap) <= width) ?? tries[tries.length - 1];
  const analysisDropped = table !== full;
  const { columns, cells, widths } = table;
  const excess = table.total(gap) - width;
  if (excess > 0) widths[0] = Math.max(columns[0].header.length, widths[0] - excess);
  const line = (row: readonly string[]) =>
    row
      .map((text, i) => fit(text, widths[i], columns[i].align))
      .join(' '.repeat(gap))
      .trimEnd();
  return { lines: [line(columns.map((c) => c.header)), ...cells.map(line)], analysisDropped };
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

function legend(summary: RunSummary, alpha: number | null): string {
  const noNull = summary.results.some((r) => r.typeIError === null);
  const flagged = summary.results.some((r) => typeIErrorAboveAlpha(r, alpha));
  return [
    '* primary.',
    'effect: true intention-to-treat ratio.',
    'power: share of trials significant [95% Monte Carlo interval].',
    noNull ? 'type I: not measured (--no-null).' : 'type I: share significant with no effect.',
    flagged ? `! above α = ${alpha} beyond Monte Carlo error: the test is not valid here.` : '',
    'bias: mean error of the log ratio. coverage: intervals holding the truth.',
    'type S: significant with the wrong sign. exagg.: how many times a significant result overstates the effect.',
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
 * Formats a run summary as the aligned human-readable report printed by default.
 *
 * Example: for a complete run of milton-keynes the text starts
 * `milton-keynes — Focused deterrence…`, then `45 treated, 120 control · 5,000 trials · seed 2023 · …`,
 * a blank line, and the table whose rows read like
 * `knife *  negative-binomial  0.602  41.2% [39.8, 42.6]  5.1%  -0.012  94.6%  0.4%  1.60×  0`.
 */
export function formatTable(summary: RunSummary, options: TableOptions): string {
  const width = options.width ?? 100;
  const { color } = options;
  const out: string[] = [];
  const [title, facts] = heading(summary);
  out.push(applyStyle(title, 'bold', color), ...wrap(facts, width, '  '));
  if (summary.rollout) out.push(...wrap(formatRolloutLine(summary.rollout), width, '  '));
  if (!summary.complete) {
    out.push(
      applyStyle(`Interrupted: results from the ${formatCount(summary.trials)} trials completed so far.`, 'red', color),
    );
  }
  out.push('');
  const alpha = options.alpha ?? null;
  const layout = layoutDiagnosandTable(summary.results, width, alpha);
  const [header, ...rows] = layout.lines;
  out.push(applyStyle(header, 'bold', color), ...rows, '');
  if (layout.analysisDropped) out.push(...wrap(analysesLine(summary.results), width, '  '), '');
  out.push(...wrap(legend(summary, alpha), width, '  ').map((line) => applyStyle(line, 'dim', color)));
  const fw = familywiseLine(summary);
  if (fw) out.push('', ...wrap(fw, width, '  '));
  const warnings = collectWarnings(summary);
  if (warnings.length > 0) {
    out.push('', applyStyle('Warnings', 'bold', color));
    for (const warning of warnings) {
      out.push(...wrap(`! ${warning}`, width, '  ').map((line) => applyStyle(line, 'yellow', color)));
    }
  }
  return `${out.join('\n')}\n`;
}
