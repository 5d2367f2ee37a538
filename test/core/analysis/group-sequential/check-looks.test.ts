import { describe, expect, it } from 'vitest';
import { checkLooks } from '../../../../src/core/analysis/group-sequential/check-looks.js';

const kinds = (fractions: readonly number[]): string[] => checkLooks(fractions).map((problem) => problem.kind);

describe('checkLooks', () => {
  it('accepts increasing information fractions that end at 1', () => {
    expect(checkLooks([0.5, 0.75, 1])).toEqual([]);
    expect(checkLooks([1])).toEqual([]);
    expect(checkLooks([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])).toEqual([]);
  });

  it('says when looks do not increase, naming both looks', () => {
    const problems = checkLooks([0.6, 0.5, 1]);
    expect(problems.map((problem) => problem.kind)).toEqual(['not-increasing']);
    expect(problems[0].look).toBe(1);
    expect(problems[0].message).toContain('look 2 (0.5) does not come after look 1 (0.6)');
  });

  it('says when the last look is not at 1', () => {
    expect(kinds([0.5, 0.9])).toEqual(['last-not-one']);
    expect(checkLooks([0.5, 0.9])[0].message).toContain('the last look is at 0.9, not 1');
  });

  it('says when there are more than 10 looks', () => {
    const eleven = Array.from({ length: 11 }, (_, k) => (k + 1) / 11);
    expect(kinds(eleven)).toEqual(['too-many']);
  });

  it('says when two looks are less than 0.01 apart', () => {
    expect(kinds([0.5, 0.505, 1])).toEqual(['too-close']);
    expect(kinds([0.5, 0.51, 1])).toEqual([]);
  });

  it('says when a look is not a fraction in (0, 1], and lists every problem at once', () => {
    expect(kinds([0, 1])).toEqual(['not-a-fraction']);
    expect(kinds([Number.NaN, 1])).toContain('not-a-fraction');
    expect(kinds([0.5, 1.2])).toEqual(['not-a-fraction', 'last-not-one']);
    expect(kinds([])).toEqual(['empty']);
  });
});
