import { describe, expect, test } from 'vitest';
import { advanceRuleState, ruleStates } from '../../../src/core/model/rule-states.js';

describe('rule states', () => {
  test('lay out each rule’s capped count as one mixed-radix digit', () => {
    // thresholds [1, 2]: rule 0 counts 0–1 (radix 2), rule 1 counts 0–2 (radix 3) → 6 states.
    expect(ruleStates(Int32Array.of(1, 2))).toEqual({
      radices: Int32Array.of(2, 3),
      strides: Int32Array.of(1, 2),
      count: 6,
    });
  });

  test('add events to the rules that count them, each capped at its threshold', () => {
    const states = ruleStates(Int32Array.of(1, 2));
    // (0, 0) + 1 event counted by both → (1, 1) = 1 + 1·2.
    expect(advanceRuleState(states, 0, 0b11, 1)).toBe(3);
    // (1, 1) + 5 events counted by rule 1 only → (1, 2), the last ("eligible") state.
    expect(advanceRuleState(states, 3, 0b10, 5)).toBe(5);
    // Events no rule counts leave the state as it is.
    expect(advanceRuleState(states, 3, 0, 4)).toBe(3);
  });
});
