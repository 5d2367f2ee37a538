import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/events/run-progress.js';
import { deriveLiveWarnings } from '../../src/ui/live-warnings.js';

function progress(done: number, typeIError: number | null, failures = 0): RunProgress {
  return {
    trialsDone: done,
    trialsTotal: 5000,
    trialsPerSecond: 1000,
    etaSeconds: 1,
    elapsedSeconds: 1,
    outcomes: [{ outcome: 'knife', power: 0.4, powerCI: [0.3, 0.5], failures, typeIError }],
  };
}

describe('deriveLiveWarnings', () => {
  it('warns about failed trials', () => {
    expect(deriveLiveWarnings(progress(100, null, 1))).toEqual(['knife: 1 trial so far could not be analysed']);
  });

  it('warns when the type I error is more than 3 standard errors above α', () => {
    // At n = 1000, 3 SE = 3·√(0.05·0.95/1000) = 0.0207: 0.071 is above, 0.070 is not.
    expect(deriveLiveWarnings(progress(1000, 0.071))).toEqual(['knife: type I error 7.1% so far, above α = 5%']);
    expect(deriveLiveWarnings(progress(1000, 0.07))).toEqual([]);
  });

  it('waits for 200 trials and ignores runs without a null run', () => {
    expect(deriveLiveWarnings(progress(199, 0.5))).toEqual([]);
    expect(deriveLiveWarnings(progress(5000, null))).toEqual([]);
  });

  it('uses the scenario’s α', () => {
    expect(deriveLiveWarnings(progress(1000, 0.03), 0.01)).toEqual(['knife: type I error 3.0% so far, above α = 1%']);
  });
});
