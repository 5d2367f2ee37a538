import { describe, expect, it } from 'vitest';
import { progressBarWidth } from '../../src/ui/ProgressBar.js';

describe('progressBarWidth', () => {
  it('leaves the bar what the longest text of the run does not need', () => {
    // "  3,000 / 3,000 trials  100%  ·  999,999 trials/s  ·  ETA 59m 59s" is 65 cells.
    expect(progressBarWidth(3000, 80)).toBe(15);
  });

  it('keeps the bar between 5 and 30 cells', () => {
    expect(progressBarWidth(1_000_000, 60)).toBe(5);
    expect(progressBarWidth(100, 200)).toBe(30);
  });
});
