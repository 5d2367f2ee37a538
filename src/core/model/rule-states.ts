/**
 * The running totals of a selection's rules as one number: rule r's count so far, capped at its
 * threshold, is digit r of a mixed-radix state (radix threshold + 1), so a state ranges over
 * Π (threshold + 1) values and the last one, every digit at its threshold, is "eligible".
 */
export interface RuleStates {
  readonly radices: Int32Array;
  /** Place value of each rule's digit: Π of the radices before it. */
  readonly strides: Int32Array;
  /** How many states there are. */
  readonly count: number;
}

/**
 * The state space of rules with these thresholds (`atLeast`).
 *
 * @example thresholds [1, 2] → radices [2, 3], strides [1, 2], 6 states; the eligible state is 5
 */
export function ruleStates(thresholds: Int32Array): RuleStates {
  const radices = Int32Array.from(thresholds, (t) => t + 1);
  const strides = new Int32Array(radices.length);
  let count = 1;
  for (let r = 0; r < radices.length; r++) {
    strides[r] = count;
    count *= radices[r];
  }
  return { radices, strides, count };
}

/**
 * The state after `events` more events counted by every rule in `mask` (bit r set: rule r counts
 * them), each rule's total capped at its threshold.
 *
 * @example thresholds [1, 2], state 0, mask 0b11, 1 event → 1 + 1·2 = 3 (rule 0 at 1, rule 1 at 1)
 */
export function advanceRuleState(states: RuleStates, state: number, mask: number, events: number): number {
  const { radices, strides } = states;
  let result = 0;
  for (let r = 0; r < radices.length; r++) {
    let digit = Math.floor(state / strides[r]) % radices[r];
    if ((mask >> r) & 1) digit = Math.min(radices[r] - 1, digit + events);
    result += digit * strides[r];
  }
  return result;
}
