/**
 * What `trialsim sensitivity` prints: one row per uncertain input, most influential first, with
 * the answer (power, or the required size) at each end of its range and its Monte Carlo interval,
 * in the chosen format (docs/sensitivity.md).
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { OutputFormat } from './choose-output.js';
import { formatJson } from './format-json.js';

/** The answer at one end of an input's range (or at the baseline). */
export interface SensitivityEstimate {
  /** The input's value there (null for the baseline). */
  readonly value: number | null;
  /** Power, or the required size; null when the size search found none within its bound. */
  readonly estimate: number | null;
  /** Its 95% Monte Carlo interval (Wilson for power, the search's interval for a size). */
  readonly ci: readonly [number, number] | null;
}

/** One input moved across its range. */
export interface SensitivityRow {
  readonly path: string;
  readonly central: number;
  readonly low: SensitivityEstimate;
  readonly high: SensitivityEstimate;
  /** |answer at high − answer at low| (Infinity when one end has no answer). */
  readonly swing: number;
}

/** The ranked table and what it measures. */
export interface SensitivityTable {
  /** 'power' (or assurance) of the target, or 'size': the required value of `sizeParameter`. */
  readonly measure: 'power' | 'size';
  /** What counts as success, e.g. "knife significant (holm correction)". */
  readonly targetDescription: string;
  /** With `measure: 'size'`: the parameter sized and the power it must reach. */
  readonly sizeParameter?: string;
  readonly targetPower?: number;
  readonly baseline: SensitivityEstimate;
  /** Most influential first. */
  readonly rows: readonly SensitivityRow[];
  readonly trials: number;
  readonly seed: number;
  /** The engine that simulated the trials: common random numbers couple the ends only per person. */
  readonly engine?: 'person' | 'aggregate';
}

/** A sensitivity report to print. */
export interface SensitivityReport {
  readonly document: RunSummary;
  readonly table: SensitivityTable;
  readonly title: string;
  readonly conclusion: string;
}

/**
 * Formats `report` as `format`: JSON (the document), CSV (one row per input), Markdown or the text table.
 *
 * Example (text): `cohort.propensity.dispersion   0.5 → 80.1% [78.3–81.8]   5 → 62.0% [59.9–64.1]   swing 18.1 points`.
 */
export function formatSensitivityReport(report: SensitivityReport, format: OutputFormat, commandLine: string): string {
  switch (format) {
    case 'json':
      return formatJson(report.document);
    case 'csv':
      return formatSensitivityCsv(report.table);
    case 'markdown':
      return `# ${report.title}\n\n${markdownTable(report.table)}\n${report.conclusion}\n\nReproduce: \`${commandLine}\`\n`;
    case 'table':
      return textTable(report.table, report.title, report.conclusion);
  }
}

/** An estimate as text: "62.0% [59.9–64.1]" for power, "420 [400–445]" for a size. */
export function formatEstimate(table: SensitivityTable, estimate: SensitivityEstimate): string {
  if (estimate.estimate === null) return table.measure === 'size' ? 'not reached' : '—';
  if (table.measure === 'size') {
    const ci = estimate.ci ? ` [${Math.round(estimate.ci[0])}–${Math.round(estimate.ci[1])}]` : '';
    return `${Math.round(estimate.estimate)}${ci}`;
  }
  const percent = (share: number) => (share * 100).toFixed(1);
  const ci = estimate.ci ? ` [${percent(estimate.ci[0])}–${percent(estimate.ci[1])}]` : '';
  return `${percent(estimate.estimate)}%${ci}`;
}

/** A swing as text: "18.1 points" of power, or "125 people" of size. */
export function formatSwing(table: SensitivityTable, swing: number): string {
  if (!Number.isFinite(swing)) return 'one end not reached';
  return table.measure === 'size' ? `${Math.round(swing)}` : `${(swing * 100).toFixed(1)} points`;
}

/** A value as the scenario would write it, to 3 significant figures. */
export function formatInputValue(value: number | null): string {
  return value === null ? '' : String(Number(value.toPrecision(3)));
}

function textTable(table: SensitivityTable, title: string, conclusion: string): string {
  const header = ['rank', 'input (low–high, central)', 'at low', 'at high', 'swing'];
  const rows = table.rows.map((row, index) => [
    String(index + 1),
    `${row.path} (${formatInputValue(row.low.value)}–${formatInputValue(row.high.value)}, ${formatInputValue(row.central)})`,
    formatEstimate(table, row.low),
    formatEstimate(table, row.high),
    formatSwing(table, row.swing),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    title,
    '',
    `${measureWords(table)} with every input at its central value: ${formatEstimate(table, table.baseline)}`,
    '',
    line(header),
    line(widths.map((width) => '─'.repeat(width))),
    ...rows.map(line),
    '',
    `Each input moved to the ends of its range, the others at their central values; ${table.trials} trials per end, seed ${table.seed}, the same trials at every end (common random numbers); [ ] = 95% Monte Carlo interval.`,
    ...(table.engine === 'aggregate' ? [AGGREGATE_NOTE] : []),
    conclusion,
    '',
  ].join('\n');
}

/**
 * On the aggregated engine the same trial index does not couple two settings (docs/sensitivity.md):
 * the ends are about as noisy as independent runs, so the intervals, not the bars' order, decide.
 */
export const AGGREGATE_NOTE =
  'This scenario ran on the aggregated engine, whose cell draws are not coupled across settings: compare ends by their intervals, or use --engine person for common random numbers.';

function markdownTable(table: SensitivityTable): string {
  const rows = table.rows.map(
    (row, index) =>
      `| ${index + 1} | \`${row.path}\` | ${formatInputValue(row.low.value)}–${formatInputValue(row.high.value)} (${formatInputValue(row.central)}) | ${formatEstimate(table, row.low)} | ${formatEstimate(table, row.high)} | ${formatSwing(table, row.swing)} |`,
  );
  return [
    `${measureWords(table)} with every input at its central value: ${formatEstimate(table, table.baseline)}.`,
    '',
    '| rank | input | range (central) | at low | at high | swing |',
    '| ---: | --- | --- | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

function formatSensitivityCsv(table: SensitivityTable): string {
  const header =
    'rank,input,central,low,high,measure,at_low,at_low_lower,at_low_upper,at_high,at_high_lower,at_high_upper,swing';
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
  const lines = table.rows.map((row, index) =>
    [
      index + 1,
      row.path,
      row.central,
      row.low.value,
      row.high.value,
      table.measure,
      cell(row.low.estimate),
      cell(row.low.ci?.[0]),
      cell(row.low.ci?.[1]),
      cell(row.high.estimate),
      cell(row.high.ci?.[0]),
      cell(row.high.ci?.[1]),
      cell(row.swing),
    ].join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

function measureWords(table: SensitivityTable): string {
  return table.measure === 'size'
    ? `${table.sizeParameter} for ${Math.round((table.targetPower ?? 0) * 1000) / 10}% power of ${table.targetDescription}`
    : `Power of ${table.targetDescription}`;
}
