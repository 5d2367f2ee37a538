import { describe, expect, it } from 'vitest';
import { createProgressLines, formatProgressLine } from '../../src/report/progress-lines.js';
import type { RunProgress } from '../../src/events/run-progress.js';

function progressAt(elapsedSeconds: number, trialsDone: number, trialsTotal = 5000): RunProgress {
  return {
    trialsDone,
    trialsTotal,
    trialsPerSecond: 4100,
    etaSeconds: trialsDone > 0 ? (trialsTotal - trialsDone) / 4100 : null,
    elapsedSeconds,
    outcomes: [{ outcome: 'knife', power: 0.4, powerCI: [0.3, 0.5], failures: 0, typeIError: 0.05 }],
  };
}

describe('formatProgressLine', () => {
  it('says trials done of total, the share, the rate and the time left', () => {
    expect(formatProgressLine(progressAt(0.3, 1200))).toBe(
      'trialsim: 1,200/5,000 trials (24%), 4,100 trials/s, ETA 1s',
    );
  });

  it('says how long the run took once it is done', () => {
    expect(formatProgressLine(progressAt(65, 5000))).toBe(
      'trialsim: 5,000/5,000 trials (100%), 4,100 trials/s, done in 1m 05s',
    );
  });

  it('leaves out the time left until a rate is known', () => {
    expect(formatProgressLine({ ...progressAt(0, 0), trialsPerSecond: 0 })).toBe('trialsim: 0/5,000 trials (0%)');
  });
});

describe('createProgressLines', () => {
  it('writes at most one line per second of the run and always the last, with no escape codes', () => {
    const lines: string[] = [];
    const progress = createProgressLines((line) => lines.push(line));
    for (let tenth = 1; tenth <= 25; tenth++) progress.update(progressAt(tenth / 10, tenth * 200));
    progress.update(progressAt(2.5, 5000));
    expect(lines.map((line) => line.match(/^trialsim: ([\d,]+)/)![1])).toEqual(['200', '2,200', '4,200', '5,000']);
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(line).not.toContain('\u001b');
      expect(line).not.toContain('\r');
    }
  });

  it('writes the final line only once', () => {
    const lines: string[] = [];
    const progress = createProgressLines((line) => lines.push(line));
    progress.update(progressAt(1, 5000));
    progress.update(progressAt(3, 5000));
    expect(lines).toHaveLength(1);
  });
});
