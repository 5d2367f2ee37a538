import { describe, expect, it } from 'vitest';
import { intervalCells } from '../../src/ui/OutcomeRow.js';

describe('intervalCells', () => {
  it('splits the bar at the interval bounds and always fills the width', () => {
    expect(intervalCells([0.2, 0.6], 30)).toEqual([6, 12, 12]);
    expect(intervalCells([0, 1], 30)).toEqual([0, 30, 0]);
  });

  it('keeps a narrow interval visible as one cell', () => {
    expect(intervalCells([0.4, 0.41], 30)).toEqual([12, 1, 17]);
  });
});
