/**
 * The cost frontier of `sample-size --minimise cost`: for each value of one design parameter (A),
 * the smallest value of another (B) whose power reaches the target and what that design costs to
 * deliver, the cheapest of them, and the designs whose cost cannot be told from the cheapest's
 * within Monte Carlo error (docs/planning-cost.md). Produced by the planning layer, printed by
 * `formatCostTable` and drawn by `renderCostSvg`.
 */

/** One simulated value of B in a row, with its power and 95% Wilson interval. */
export interface CostFrontierSample {
  readonly value: number;
  readonly power: number;
  readonly powerCI: readonly [number, number];
  readonly trials: number;
}

/** One row's answer: the smallest B reaching the target at this A, or why there is none. */
export interface CostFrontierPoint {
  /** The value of A. */
  readonly row: number;
  /**
   * found — `column` reaches the target; not-reached — power stays below it up to B's largest
   * value (see `plateau`); skipped — the row cannot cost less than `lowestCost`, above what the
   * cheapest found could cost; dearer — power stays below the target up to the B at which the
   * row costs more than the cheapest could, so it cannot win; interrupted — stopped before the row
   * was answered.
   */
  readonly status: 'found' | 'not-reached' | 'skipped' | 'dearer' | 'interrupted';
  /** The smallest B reaching the target, and its 95% Monte Carlo interval. */
  readonly column: number | null;
  readonly columnCI: readonly [number, number] | null;
  /** Power at `column` (fitted for a searched B, simulated for a list) with its 95% interval. */
  readonly power: number | null;
  readonly powerCI: readonly [number, number] | null;
  /** Pounds to deliver the design at `column`, and at the ends of `columnCI`. */
  readonly cost: number | null;
  readonly costCI: readonly [number, number] | null;
  /** Cost at B's least value: no design of this row costs less. */
  readonly lowestCost: number;
  /** Where power stood at the largest B tried (status not-reached). */
  readonly plateau: {
    readonly column: number;
    readonly power: number;
    readonly powerCI: readonly [number, number];
  } | null;
  /** Every B simulated in this row, in increasing order. */
  readonly points: readonly CostFrontierSample[];
  /** Trials simulated in this row. */
  readonly trials: number;
}

/** The frontier with what it is about. */
export interface CostFrontier {
  /** Scenario path of A, e.g. `design.sites.count`. */
  readonly rowParameter: string;
  /** Scenario path of B, e.g. `design.sites.peoplePerSite`. */
  readonly columnParameter: string;
  /** What counts as success, e.g. "knife significant". */
  readonly targetDescription: string;
  /** 'assurance' when the target's effect is drawn from a distribution. */
  readonly measure: 'power' | 'assurance';
  readonly target: number;
  /** One point per value of A, in increasing order of A. */
  readonly frontier: readonly CostFrontierPoint[];
  readonly cheapest: CostFrontierPoint | null;
  /** Frontier points whose cost interval overlaps the cheapest's, cheapest first. */
  readonly runnersUp: readonly CostFrontierPoint[];
  /** False when interrupted before every row was answered or skipped. */
  readonly complete: boolean;
}

/** The runner-up rule in words, for reports and docs/planning-cost.md. */
export const WITHIN_THE_NOISE =
  'a design is within the noise of the cheapest when the least it could cost (at the low end of ' +
  'its 95% Monte Carlo interval) is no more than the most the cheapest could cost (at the high end of its own)';
