/**
 * A power curve drawn with text, for the terminal (the `CurveDashboard` and plain output):
 * power 0–100% upwards, the varied parameter across, one marker per outcome joined by dots,
 * and the target power as a dotted line with its label. No escape codes.
 */
import type { PowerCurve } from './power-curve.js';

/** Size of the drawing area in character cells (the axis gutter, 5 cells, and the target label, up to 13, come on top). */
export interface TextPlotSize {
  readonly width?: number;
  readonly height?: number;
}

/** Markers given to outcomes in order of first appearance. */
export const CURVE_MARKERS = ['●', '■', '▲', '◆', '○', '□', '△', '◇', '✚', '✖', '★', '☐'] as const;

/** Marks a cell where points of several outcomes fall. */
export const SHARED_MARKER = '✱';

/** Above this many outcomes the dots between points are left out: they would only tangle. */
const MAX_JOINED_OUTCOMES = 3;

const GUTTER = 5; // "100%" plus the axis line

/** Column of `value` in a plot `width` wide spanning [low, high]. */
function columnOf(value: number, low: number, high: number, width: number): number {
  if (high === low) return Math.floor((width - 1) / 2);
  return Math.round(((value - low) / (high - low)) * (width - 1));
}

/** Row of power `share` in a plot `height` tall (row 0 at the top = 100%). */
function rowOf(share: number, height: number): number {
  return Math.round((1 - Math.min(1, Math.max(0, share))) * (height - 1));
}

/** Writes `label` into `row` starting at `column`, clipped to the row. */
function writeAt(row: string[], column: number, label: string): void {
  for (let i = 0; i < label.length && column + i < row.length; i++) if (column + i >= 0) row[column + i] = label[i];
}

/** A number for an axis label: whole numbers plainly, others with up to 3 significant digits. */
function axisNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));
}

/**
 * Draws `curve` as lines of text: a y axis 0–100%, the points of each outcome as its marker
 * (joined by `·` between neighbouring values when there are at most three outcomes), the target as a `┈` line labelled in the right margin,
 * the x axis with its smallest, middle and largest values, the parameter name, and a legend
 * (wrapped to the plot's width). Points of several outcomes that fall in one cell are drawn side
 * by side in the same row (up to 4 columns either way, less when values are closer); only when
 * there is no room does the cell show `✱`.
 * Points may arrive in any order; an empty curve gives the frame with no markers.
 *
 * Example: knife at 50 → 30% and 100 → 60%, target 0.8, width 40, height 10 gives 10 plot rows
 * with `●` in the first column at row 6 and the last at row 4, `┈` on row 2 ending `target 80%`,
 * then the axis `0%└────…`, the labels `50`, `75`, `100`, and the legend `● knife`.
 */
export function plotCurveText(curve: PowerCurve, size: TextPlotSize = {}): string[] {
  const width = size.width ?? 60;
  const height = size.height ?? 12;
  const grid = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  const values = curve.points.map((p) => p.value);
  const low = values.length > 0 ? Math.min(...values) : 0;
  const high = values.length > 0 ? Math.max(...values) : 1;
  const outcomes = [...new Set(curve.points.map((p) => p.outcome))];
  let shared = false;
  // Points of several outcomes at one cell are drawn side by side, up to `spread` columns either
  // way — never halfway to the next value's column, so each still reads at its own value.
  const valueColumns = [...new Set(values.map((v) => columnOf(v, low, high, width)))].sort((a, b) => a - b);
  const gaps = valueColumns.slice(1).map((c, i) => c - valueColumns[i]);
  const spread = Math.min(4, gaps.length === 0 ? 4 : Math.floor((Math.min(...gaps) - 1) / 2));
  const isMarker = (cell: string) => (CURVE_MARKERS as readonly string[]).includes(cell) || cell === SHARED_MARKER;

  // The target's label goes in the right margin, where no point can cover it.
  const targetRow = curve.target === undefined ? -1 : rowOf(curve.target, height);
  const targetLabel = curve.target === undefined ? '' : ` target ${Math.round(curve.target * 1000) / 10}%`;
  if (targetRow >= 0) grid[targetRow].fill('┈');
  outcomes.forEach((outcome, index) => {
    const marker = CURVE_MARKERS[index % CURVE_MARKERS.length];
    const points = curve.points.filter((p) => p.outcome === outcome).sort((a, b) => a.value - b.value);
    // Dots between neighbouring points first, so markers drawn after them stay on top.
    for (let i = 1; i < points.length && outcomes.length <= MAX_JOINED_OUTCOMES; i++) {
      const [c0, c1] = [columnOf(points[i - 1].value, low, high, width), columnOf(points[i].value, low, high, width)];
      for (let c = c0 + 1; c < c1; c++) {
        const share = points[i - 1].power + ((points[i].power - points[i - 1].power) * (c - c0)) / (c1 - c0);
        const cell = grid[rowOf(share, height)];
        if (cell[c] === ' ' || cell[c] === '┈') cell[c] = '·';
      }
    }
    for (const point of points) {
      const [row, column] = [rowOf(point.power, height), columnOf(point.value, low, high, width)];
      const cells = grid[row];
      if (!isMarker(cells[column]) || cells[column] === marker) {
        cells[column] = marker;
        continue;
      }
      // The cell holds another outcome: the nearest free cell beside it, right first.
      const offsets = Array.from({ length: spread }, (_, i) => [i + 1, -(i + 1)]).flat();
      const free = offsets.map((d) => column + d).find((c) => c >= 0 && c < width && !isMarker(cells[c]));
      if (free !== undefined) {
        cells[free] = marker;
      } else {
        // No room beside it: one marker of its own says several outcomes are hidden here.
        shared = true;
        cells[column] = SHARED_MARKER;
      }
    }
  });

  const yLabel = (row: number) => {
    if (row === 0) return '100%';
    if (row === height - 1) return '0%';
    if (row === rowOf(0.5, height)) return '50%';
    return '';
  };
  const lines = grid.map((row, r) =>
    `${yLabel(r).padStart(GUTTER - 1)}┤${row.join('')}${r === targetRow ? targetLabel : ''}`.trimEnd(),
  );
  lines.push(`${' '.repeat(GUTTER - 1)}└${'─'.repeat(width)}`);
  const axis = new Array<string>(width + GUTTER).fill(' ');
  if (values.length > 0) {
    const ticks = high === low ? [low] : [low, (low + high) / 2, high];
    for (const tick of ticks) {
      const text = axisNumber(tick);
      const centre = GUTTER + columnOf(tick, low, high, width);
      writeAt(
        axis,
        Math.min(width + GUTTER - text.length, Math.max(GUTTER, centre - Math.floor(text.length / 2))),
        text,
      );
    }
  }
  lines.push(axis.join('').trimEnd());
  const title = curve.parameter;
  lines.push(`${' '.repeat(GUTTER + Math.max(0, Math.floor((width - title.length) / 2)))}${title}`);
  // The legend wraps to the plot's width, entries kept whole.
  let legend = '';
  const entries = outcomes.map((o, i) => `${CURVE_MARKERS[i % CURVE_MARKERS.length]} ${o}`);
  if (shared) entries.push(`${SHARED_MARKER} several`);
  for (const entry of entries) {
    if (legend !== '' && legend.length + 3 + entry.length > width) {
      lines.push(`${' '.repeat(GUTTER)}${legend}`);
      legend = '';
    }
    legend = legend === '' ? entry : `${legend}   ${entry}`;
  }
  if (legend !== '') lines.push(`${' '.repeat(GUTTER)}${legend}`);
  return lines;
}
