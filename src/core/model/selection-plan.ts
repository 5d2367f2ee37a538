import type { Design } from '../design.js';

/**
 * A design's eligibility selection, compiled for fast simulation and exact probabilities.
 *
 * The prior window is cut into segments at every distinct `withinMonths` (segment 0 is the most
 * recent); a cell is one (selection outcome, segment) pair, whose count is Poisson with mean
 * rate × multipliers × segment months / 12, independently of every other cell. A rule adds up the
 * cells of its outcomes in the segments inside its window.
 */
export interface SelectionPlan {
  readonly priorMonths: number;
  /** Design outcome index of each count outcome named in some rule ("selection outcomes"). */
  readonly outcomeIndices: Int32Array;
  /** Length of each segment in months, most recent first. */
  readonly segmentMonths: Float64Array;
  /** `atLeast` of each rule that can fail (rules with atLeast ≤ 0 are dropped). */
  readonly thresholds: Int32Array;
  /** Design index of each kept rule, for messages. */
  readonly ruleIndices: Int32Array;
  /** Per cell (selection outcome j, segment k) at j·segments + k: bit r set when rule r counts it. */
  readonly cellRules: Int32Array;
}

/**
 * Compiles `design.selection` (null when there is none).
 *
 * @example MK rules {knife ≥ 1 within 12}, {knife + crime ≥ 2 within 24}, prior 24 months →
 *   outcomes [crime, knife] (design order), segments [12, 12], thresholds [1, 2],
 *   cellRules crime: [0b10, 0b10], knife: [0b11, 0b10]
 */
export function compileSelection(design: Design): SelectionPlan | null {
  const selection = design.selection;
  if (selection === null) return null;
  const indexOf = new Map(design.outcomes.map((outcome, k) => [outcome.id, k]));
  const kept = selection.require.map((rule, r) => ({ rule, r })).filter(({ rule }) => rule.atLeast > 0);
  if (kept.length > 30) throw new RangeError('at most 30 selection rules are supported');
  const outcomeSet = new Set<number>();
  for (const { rule } of kept) {
    for (const id of rule.outcomes) {
      const k = indexOf.get(id);
      if (k === undefined || design.outcomes[k].kind !== 'count') {
        throw new RangeError(`selection rule names "${id}", which is not a count outcome`);
      }
      outcomeSet.add(k);
    }
  }
  const outcomeIndices = Int32Array.from([...outcomeSet].sort((a, b) => a - b));
  const boundaries = [
    ...new Set([...kept.map(({ rule }) => Math.min(rule.withinMonths, selection.priorMonths)), selection.priorMonths]),
  ]
    .filter((months) => months > 0)
    .sort((a, b) => a - b);
  const segmentMonths = Float64Array.from(boundaries, (end, k) => end - (k === 0 ? 0 : boundaries[k - 1]));
  const segments = segmentMonths.length;
  const cellRules = new Int32Array(outcomeIndices.length * segments);
  kept.forEach(({ rule }, r) => {
    for (let j = 0; j < outcomeIndices.length; j++) {
      if (!rule.outcomes.includes(design.outcomes[outcomeIndices[j]].id)) continue;
      for (let k = 0; k < segments; k++) if (boundaries[k] <= rule.withinMonths) cellRules[j * segments + k] |= 1 << r;
    }
  });
  return {
    priorMonths: selection.priorMonths,
    outcomeIndices,
    segmentMonths,
    thresholds: Int32Array.from(kept, ({ rule }) => rule.atLeast),
    ruleIndices: Int32Array.from(kept, ({ r }) => r),
    cellRules,
  };
}
