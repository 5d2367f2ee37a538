import { advanceRuleState, ruleStates } from './rule-states.js';
import type { SelectionPlan } from './selection-plan.js';

/**
 * Precomputed tables for the exact probability that a person with given cell means passes every
 * selection rule. Cells counted by the same set of rules are merged (a sum of independent
 * Poisson counts is Poisson), so the work depends on the rules, not on the number of outcomes.
 */
export interface SelectionCalculator {
  /** Per cell of the plan: index of its merged cell ("signature"), or −1 when no rule counts it. */
  readonly cellSignature: Int32Array;
  readonly signatureCount: number;
  /** Per signature: the count at which every rule it feeds is satisfied by it alone. */
  readonly caps: Int32Array;
  /** Per signature: next state after adding c events, at [state·(cap+1) + c]. */
  readonly transitions: readonly Int32Array[];
  readonly stateCount: number;
  /** Scratch space (the calculator is used by one thread at a time). */
  readonly current: Float64Array;
  readonly next: Float64Array;
}

/**
 * Builds the tables of `selectionProbability` for a compiled selection: merges cells counted by
 * the same rules, and tabulates how each merged cell's count moves the rules' running totals
 * (each capped at its threshold, so the state space is Π (threshold + 1)).
 * Reference: see `selectionProbability`.
 *
 * @example MK rules (knife ≥ 1 in 12 months; knife + crime ≥ 2 in 24) → 2 merged cells
 *   (recent knife; everything else), caps [2, 2], 2 × 3 = 6 states
 */
export function prepareSelectionProbability(plan: SelectionPlan): SelectionCalculator {
  const { thresholds, cellRules } = plan;
  const states = ruleStates(thresholds);
  const stateCount = states.count;
  if (stateCount > 1_000_000)
    throw new RangeError('selection rules too large to compute exactly (thresholds multiply past 1e6 states)');
  const masks: number[] = [];
  const cellSignature = Int32Array.from(cellRules, (mask) => {
    if (mask === 0) return -1;
    let index = masks.indexOf(mask);
    if (index < 0) index = masks.push(mask) - 1;
    return index;
  });
  const caps = Int32Array.from(masks, (mask) => Math.max(...Array.from(thresholds).filter((_, r) => (mask >> r) & 1)));
  const transitions = masks.map((mask, sigma) => {
    const width = caps[sigma] + 1;
    const table = new Int32Array(stateCount * width);
    for (let state = 0; state < stateCount; state++) {
      for (let c = 0; c < width; c++) table[state * width + c] = advanceRuleState(states, state, mask, c);
    }
    return table;
  });
  return {
    cellSignature,
    signatureCount: masks.length,
    caps,
    transitions,
    stateCount,
    current: new Float64Array(stateCount),
    next: new Float64Array(stateCount),
  };
}

/**
 * The exact probability that every selection rule holds, given the Poisson mean of each merged
 * cell (`signatureMeans`, indexed like the calculator's signatures).
 *
 * Formula in words: a dynamic programme over the rules' running totals, each capped at its
 * threshold: for each merged cell, P(count = c) = e^(−m)·m^c/c! for c below its cap and the
 * remaining tail at the cap; the answer is the probability of the state where every total has
 * reached its threshold. `shift` (a signature index, or −1) starts that cell one event ahead,
 * which by the Poisson identity E[N·g(N)] = m·E[g(N + 1)] gives E[cell count × 1{selected}] =
 * m × P(selected | shift), used for the selected cohort's prior-window means.
 * Reference: the Chen–Stein identity for the Poisson distribution (Chen 1975, Ann. Probab. 3).
 *
 * @example one rule "≥ 2 events", one merged cell of mean 1: 1 − e^(−1)·(1 + 1) = 0.26424111765711533
 */
export function selectionProbability(
  calculator: SelectionCalculator,
  signatureMeans: Float64Array,
  shift: number,
): number {
  let current = calculator.current;
  let next = calculator.next;
  current.fill(0);
  current[shift >= 0 ? calculator.transitions[shift][1] : 0] = 1;
  for (let sigma = 0; sigma < calculator.signatureCount; sigma++) {
    const cap = calculator.caps[sigma];
    const width = cap + 1;
    const table = calculator.transitions[sigma];
    const mean = signatureMeans[sigma];
    next.fill(0);
    for (let state = 0; state < calculator.stateCount; state++) {
      const mass = current[state];
      if (mass === 0) continue;
      let pmf = Math.exp(-mean);
      let below = 0;
      for (let c = 0; c < cap; c++) {
        next[table[state * width + c]] += mass * pmf;
        below += pmf;
        pmf *= mean / (c + 1);
      }
      next[table[state * width + cap]] += mass * Math.max(0, 1 - below);
    }
    const swap = current;
    current = next;
    next = swap;
  }
  return current[calculator.stateCount - 1];
}
