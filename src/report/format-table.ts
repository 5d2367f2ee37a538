/**
 * The default human output (terminal or pipe): a heading that says what was simulated, an aligned
 * table of diagnosands (one row per outcome), a legend, the family-wise line and the warnings.
 * Fits `width` columns (100 by default); escape codes only when `color` is true.
 */
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';
import { applyStyle } from './ansi-style.js';
import { collectWarnings } from './collect-warnings.js';
import { typeIErrorAboveAlpha } from './type-i-error-above-alpha.js';
import { wrapText as wrap } from './wrap-text.js';
import {
  formatCount,
  formatPercent,
  formatPercentWithInterval,
  formatRatio,
  formatSigned,
} from './format-numbers.js';

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
    cell: (r, alpha) => (r.typeIError === null ? '—' : `${formatPercent(r.typeIError)}${typeIErrorAboveAlpha(r, alpha) ? '!' : ''}`),
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

/**
 * Lays out the diagnosand table: each column as wide as its widest cell, two spaces between
 * columns, dropping to one space and then shortening the outcome column when the line would pass
 * `width`. Returns the header line and one line per outcome, without styling. With `alpha`, a
 * type I error above it beyond Monte Carlo error is marked `!`.
 *
 * Example: two outcomes give three lines of equal length, the first starting `outcome`.
 */
export function layoutDiagnosandTable(results: readonly OutcomeDiagnosis[], width = 100, alpha: number | null = null): string[] {
  // The failures column earns its space only when something failed (warnings say so too).
  const columns = results.some((r) => r.failures > 0) ? COLUMNS : COLUMNS.filter((c) => c.header !== 'failed');
  const cells = results.map((result) => columns.map((column) => column.cell(result, alpha)));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => row[i].length)));
  const total = (gap: number) => widths.reduce((sum, w) => sum + w, 0) + gap * (widths.length - 1);
  const gap = total(2) <= width ? 2 : 1;
  const excess = total(gap) - width;
  if (excess > 0) widths[0] = Math.max(columns[0].header.length, widths[0] - excess);
  const line = (row: readonly string[]) =>
    row.map((text, i) => fit(text, widths[i], columns[i].align)).join(' '.repeat(gap)).trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
}

function heading(summary: RunSummary): string[] {
  const { design, timing } = summary;
  const title = summary.scenario.title && summary.scenario.title !== summary.scenario.name
    ? `${summary.scenario.name} — ${summary.scenario.title}`
    : summary.scenario.name;
  const facts = [
    `${formatCount(design.treated)} treated, ${formatCount(design.control)} control`,
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
  ].filter(Boolean).join(' ');
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
  out.push(applyStyle(title, 'bold', color), ...wrap(facts, width));
  if (!summary.complete) {
    out.push(applyStyle(`Interrupted: results from the ${formatCount(summary.trials)} trials completed so far.`, 'red', color));
  }
  out.push('');
  const alpha = options.alpha ?? null;
  const [header, ...rows] = layoutDiagnosandTable(summary.results, width, alpha);
  out.push(applyStyle(header, 'bold', color), ...rows, '');
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
