/**
 * The human-readable output of `curve` and `sample-size` off the dashboard (a pipe, --quiet, a
 * file): a title, the power curve drawn in text, and a table of every point.
 */
import { applyStyle } from './ansi-style.js';
import { formatPercent, formatPercentWithInterval } from './format-numbers.js';
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
  /** Draw the text plot above the table (default true; false below a dashboard that left it on screen). */
  readonly plot?: boolean;
  /** Widest table line (default 100). */
  readonly width?: number;
}

/** Lays out rows of cells: first column right-aligned, others by `align`, two spaces apart. */
function layOut(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: (column: number) => 'left' | 'right',
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (align(i) === 'left' ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/**
 * The points as a table, in the first layout that fits `width`: one row per value and one column
 * per outcome with power and interval; then power alone; then one row per point (value, outcome,
 * power and interval). `✓` marks power at or above the target.
 */
function pointTable(curve: PowerCurve, width: number): string[] {
  const outcomes = [...new Set(curve.points.map((p) => p.outcome))];
  const values = [...new Set(curve.points.map((p) => p.value))].sort((a, b) => a - b);
  const reached = (power: number) => (curve.target !== undefined && power >= curve.target ? ' ✓' : '');
  const find = (value: number, outcome: string) => curve.points.find((p) => p.value === value && p.outcome === outcome);
  for (const withInterval of [true, false]) {
    const rows = values.map((value) => [
      String(value),
      ...outcomes.map((outcome) => {
        const point = find(value, outcome);
        if (!point) return '—';
        const power = withInterval ? formatPercentWithInterval(point.power, point.powerCI) : formatPercent(point.power);
        return `${power}${reached(point.power)}`;
      }),
    ]);
    const lines = layOut(['value', ...outcomes], rows, () => 'right');
    if (lines.every((line) => [...line].length <= width)) {
      return withInterval ? lines : [...lines, '', 'Power only, to fit; --csv or --json give the 95% intervals.'];
    }
  }
  const points = [...curve.points].sort(
    (a, b) => a.value - b.value || outcomes.indexOf(a.outcome) - outcomes.indexOf(b.outcome),
  );
  const rows = points.map((p) => [
    String(p.value),
    p.outcome,
    `${formatPercentWithInterval(p.power, p.powerCI)}${reached(p.power)}`,
  ]);
  return layOut(['value', 'outcome', 'power [95% CI]'], rows, (i) => (i === 1 ? 'left' : 'right'));
}

/**
 * Formats a power curve as a text plot followed by a table of its points (see `pointTable`:
 * one row per value, one column per outcome when that fits), with `✓` beside power at or above
 * the target.
 *
 * Example: knife at 50 (30%) and 100 (85%) and crime at 50 (90%), target 0.8, prints the plot, then
 * `value               knife               crime`, `   50  30.0% [27.0, 33.0]  90.0% [88.0, 92.0] ✓`,
 * `  100  85.0% [83.0, 87.0] ✓                   —`.
 */
export function formatCurveTable(curve: PowerCurve, options: CurveTableOptions): string {
  const out: string[] = [];
  if (options.title) out.push(applyStyle(options.title, 'bold', options.color), '');
  if (options.plot ?? true) out.push(...plotCurveText(curve, { width: options.plotWidth ?? 60, height: 12 }), '');
  const [header, ...rows] = pointTable(curve, options.width ?? 100);
  out.push(applyStyle(header, 'bold', options.color), ...rows);
  if (curve.target !== undefined)
    out.push('', `✓ at or above the target power of ${Math.round(curve.target * 1000) / 10}%.`);
  if (options.conclusion) out.push('', options.conclusion);
  return `${out.join('\n')}\n`;
}
