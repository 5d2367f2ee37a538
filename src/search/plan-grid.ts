/**
 * A two-way grid, without the command line: simulate the design at every pair of values of two
 * parameters and collect the power (or assurance) of one target — one outcome, or every primary
 * outcome together — with its Monte Carlo interval.
 */
import type { Design } from '../core/design.js';
import { wilsonInterval } from '../core/diagnosis/wilson-interval.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import type { RunRange } from './design-evaluator.js';
import type { ValueRange } from './parse-value-range.js';
import { countSuccesses, type PowerTarget } from './power-target.js';

/** One simulated cell: the row value, the column value, and the target's power there. */
export interface GridCell {
  /** The value of the first (row) parameter. */
  readonly row: number;
  /** The value of the second (column) parameter. */
  readonly column: number;
  readonly power: number;
  /** Wilson 95% interval of the power. */
  readonly powerCI: readonly [number, number];
  readonly successes: number;
  readonly trials: number;
  /** False when the run of this cell was interrupted. */
  readonly complete: boolean;
}

/** A cell with the design and tally behind it (for the JSON document). */
export interface GridRun extends GridCell {
  readonly design: Design;
  readonly tally: RunTally;
}

/** The grid and how far it got. */
export interface GridPlan {
  readonly rows: ValueRange;
  readonly columns: ValueRange;
  /** Every simulated cell, row by row (rows in increasing order, columns within each). */
  readonly runs: readonly GridRun[];
  /** False when interrupted before every cell was simulated. */
  readonly complete: boolean;
}

/**
 * Runs trials 0 … trials − 1 of the design at every (row, column) pair, row by row, and counts
 * the target's successes in each (`countSuccesses`: a primary outcome after the multiplicity
 * correction, all primaries together, or a secondary outcome's plain rejections).
 *
 * Common random numbers: every cell uses the scenario's own seed and the same trial indices, so
 * trial i of one cell and trial i of its neighbour start from the same random stream, and the
 * differences between cells are not inflated by independent noise (each cell is also exactly what
 * `run --set` gives there).
 *
 * Example: milton-keynes-scale-up over design.sites.count = 10, 20 × design.size.total = 600, 1200
 * gives 4 cells, each with knife's power at that many partnerships and people.
 */
export async function planGrid(
  rows: ValueRange,
  columns: ValueRange,
  designAt: (row: number, column: number) => Promise<Design>,
  runRange: RunRange,
  options: {
    readonly trials: number;
    readonly target: PowerTarget;
    readonly signal?: AbortSignal;
    readonly onCell?: (run: GridRun) => void;
  },
): Promise<GridPlan> {
  const runs: GridRun[] = [];
  for (const row of rows.values) {
    for (const column of columns.values) {
      if (options.signal?.aborted) break;
      const design = await designAt(row, column);
      const { tally, complete } = await runRange(design, 0, options.trials);
      const successes = tally.trials > 0 ? countSuccesses(design, options.target, tally) : 0;
      const run: GridRun = {
        row,
        column,
        power: tally.trials > 0 ? successes / tally.trials : 0,
        powerCI: wilsonInterval(successes, tally.trials),
        successes,
        trials: tally.trials,
        complete,
        design,
        tally,
      };
      runs.push(run);
      options.onCell?.(run);
    }
  }
  const complete = runs.length === rows.values.length * columns.values.length && runs.every((run) => run.complete);
  return { rows, columns, runs, complete };
}
