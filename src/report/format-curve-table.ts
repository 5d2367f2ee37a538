/**
 * The human-readable output of `curve` and `sample-size` off the dashboard (a pipe, --quiet, a
 * file): a title, the power curve drawn in text, and a table of every point with its interval.
 */
import { applyStyle } from './ansi-style.js';
import { formatPercentWithInterval } from './format-numbers.js';
import { plotCurveText } from './plot-curve-text.js';
import type { PowerCurve } from './power-curve.js';

/** What to print around the curve. */
export interface CurveTableOptions {
  readonly color: boolean;
  /** First line, e.g. the scenario name and what was varied. */
  readonly title?: string;
  /** Last line, e.g. the sample size found. */
  readonly conclusion?: string;
  /** Width of the text plot in cells (default 60). */
  readonly plotWidth?: number;
}

/**
 * Formats a power curve as a text plot followed by one table row per point, sorted by value then
 * outcome, with `✓` beside points at or above the target.
 *
 * Example: a curve of knife at 50 (30%) and 100 (60%) with target 0.8 prints the plot, then
 * `value  outcome  power [95% CI]`, `   50  knife    30.0% [27.0, 33.0]`, `  100  knife    60.0% [57.0, 63.0]`.
 */
export function formatCurveTable(curve: PowerCurve, options: CurveTableOptions): string {
  const out: string[] = [];
  if (options.title) out.push(applyStyle(options.title, 'bold', options.color), '');
  out.push(...plotCurveText(curve, { width: options.plotWidth ?? 60, height: 12 }), '');
  const points = [...curve.points].sort((a, b) => a.value - b.value || a.outcome.localeCompare(b.outcome));
  const rows = points.map((p) => [
    String(p.value),
    p.outcome,
    formatPercentWithInterval(p.power, p.powerCI),
    curve.target !== undefined && p.power >= curve.target ? '✓' : '',
  ]);
  const header = ['value', 'outcome', 'power [95% CI]', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  out.push(applyStyle(line(header), 'bold', options.color), ...rows.map(line));
  if (curve.target !== undefined) out.push('', `✓ at or above the target power of ${Math.round(curve.target * 1000) / 10}%.`);
  if (options.conclusion) out.push('', options.conclusion);
  return `${out.join('\n')}\n`;
}
