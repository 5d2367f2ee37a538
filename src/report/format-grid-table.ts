/**
 * The human-readable output of a two-way `curve`: a title, a table with one row per value of the
 * first parameter and one column per value of the second, each cell the power with the cells that
 * reach the target marked, then where each row crosses the target (the contour) and the largest
 * Monte Carlo interval half-width, so a reader knows how far to trust a difference between cells.
 */
import { formatCount, formatPercent } from './format-numbers.js';
import { gridContour, type PowerGrid } from './power-grid.js';

/** What to print around the grid. */
export interface GridTableOptions {
  /** First line, e.g. the scenario name and the two parameters. */
  readonly title?: string;
  /** Last line, e.g. that the run was interrupted. */
  readonly conclusion?: string;
}

/**
 * Formats `grid` as text. A cell reaching the target is marked `*`; an unsimulated cell (an
 * interrupted run) is `·`.
 *
 * Example: rows design.sites.count 10, 20 and columns design.size.total 600, 1200 give a header
 * `sites \ people  600  1,200` and two rows of percentages such as `10  7.9%  9.1%`.
 */
export function formatGridTable(grid: PowerGrid, options: GridTableOptions = {}): string {
  const rows = [...new Set(grid.cells.map((cell) => cell.row))].sort((a, b) => a - b);
  const columns = [...new Set(grid.cells.map((cell) => cell.column))].sort((a, b) => a - b);
  const target = grid.target;
  const valueText = (value: number) => (Number.isInteger(value) ? formatCount(value) : String(value));
  const cellText = (row: number, column: number) => {
    const cell = grid.cells.find((c) => c.row === row && c.column === column);
    if (!cell) return '·';
    return `${formatPercent(cell.power)}${target !== undefined && cell.power >= target ? '*' : ' '}`;
  };
  const header = [`${grid.rowParameter} \\ ${grid.columnParameter}`, ...columns.map(valueText)];
  const body = rows.map((row) => [valueText(row), ...columns.map((column) => cellText(row, column))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padStart(widths[i]))
      .join('  ')
      .trimEnd();
  const lines: string[] = [];
  if (options.title) lines.push(options.title, '');
  lines.push(`Power of ${grid.targetDescription}:`, '');
  lines.push(line(header), ...body.map(line), '');
  const halfWidth = Math.max(0, ...grid.cells.map((cell) => (cell.powerCI[1] - cell.powerCI[0]) / 2));
  const trials = Math.min(...grid.cells.map((cell) => cell.trials));
  lines.push(
    `${formatCount(trials)} trials per cell, the same trials (seed and indices) in every cell; ` +
      `95% Monte Carlo intervals are at most ±${formatPercent(halfWidth)}.`,
  );
  if (target !== undefined) {
    lines.push(`* reaches the target ${formatPercent(target, 0)}. Where each row crosses it (interpolated):`);
    for (const point of gridContour(grid.cells, target)) {
      const where =
        point.column !== null
          ? `${grid.columnParameter} ≈ ${valueText(Number(point.column.toPrecision(4)))}`
          : point.reached === 'all'
            ? 'every value simulated reaches it'
            : 'no value simulated reaches it';
      lines.push(`  ${grid.rowParameter} = ${valueText(point.row)}: ${where}`);
    }
  }
  if (options.conclusion) lines.push('', options.conclusion);
  return `${lines.join('\n')}\n`;
}
