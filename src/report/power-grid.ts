/**
 * A power grid: the power of one target (an outcome, or every primary outcome together) at every
 * pair of values of two design parameters, e.g. partnerships × people. Produced by `curve` with two
 * `--vary` options, printed by `formatGridTable` and drawn by `renderGridSvg`.
 */

/** Power at one pair of values. */
export interface PowerGridCell {
  /** The first (row) parameter's value. */
  readonly row: number;
  /** The second (column) parameter's value. */
  readonly column: number;
  /** Share of simulated trials in which the target succeeded. */
  readonly power: number;
  /** Wilson 95% interval for power. */
  readonly powerCI: readonly [number, number];
  readonly trials: number;
}

/** Power over two varied parameters. */
export interface PowerGrid {
  /** Scenario path of the row parameter, e.g. `design.sites.count`. */
  readonly rowParameter: string;
  /** Scenario path of the column parameter. */
  readonly columnParameter: string;
  /** What counts as success, e.g. "knife significant". */
  readonly targetDescription: string;
  /** Cells in any order. */
  readonly cells: readonly PowerGridCell[];
  /** Target power (e.g. 0.8), whose contour is drawn; absent when there is none. */
  readonly target?: number;
}

/**
 * For each row, the column value at which power crosses `target`: between the first two
 * neighbouring columns of which one reaches the target and the other does not, interpolated
 * linearly between them (power may rise along the columns, as with people, or fall, as with a
 * rate ratio moving towards 1). `column` is null when the row does not cross within the values
 * simulated; `reached` then says whether every column reaches the target or none does.
 *
 * Example: a row with power 0.6 at 10 and 0.9 at 20 crosses 0.8 at 10 + (0.2 / 0.3) × 10 ≈ 16.7.
 */
export function gridContour(
  cells: readonly PowerGridCell[],
  target: number,
): { readonly row: number; readonly column: number | null; readonly reached: 'all' | 'some' | 'none' }[] {
  const rowValues = [...new Set(cells.map((cell) => cell.row))].sort((a, b) => a - b);
  return rowValues.map((row) => {
    const line = cells.filter((cell) => cell.row === row).sort((a, b) => a.column - b.column);
    const reaches = line.map((cell) => cell.power >= target);
    const cross = reaches.findIndex((reached, i) => i + 1 < line.length && reached !== reaches[i + 1]);
    if (cross === -1) return { row, column: null, reached: reaches.every(Boolean) ? 'all' : 'none' };
    const [a, b] = [line[cross], line[cross + 1]];
    const share = (target - a.power) / (b.power - a.power);
    return { row, column: a.column + share * (b.column - a.column), reached: 'some' };
  });
}
