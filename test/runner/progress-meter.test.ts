import { describe, expect, test } from 'vitest';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { emptyRunTally, mergeRunTally } from '../../src/core/diagnosis/tally.js';
import { prepareDesign } from '../../src/core/prepare-design.js';
import { simulateBlock } from '../../src/core/simulate-block.js';
import type { RunProgress } from '../../src/events/run-progress.js';
import { ProgressMeter } from '../../src/runner/progress-meter.js';
import { designFrom } from '../support/design-from.js';

const ROLLOUT = `
outcomes:
  - { id: other, kind: count, ratePerYear: 3, effect: { rateRatio: 0.9 }, analysis: stepped-wedge-within }
  - { id: crime, kind: count, ratePerYear: 4, effect: { rateRatio: 0.8 }, analysis: stepped-wedge-within, primary: true }
design:
  followUpMonths: 6
  size: { total: 800 }
  rollout: { clusters: 8, steps: 4, periodMonths: 6, sampling: cross-sectional }
`;

describe('the progress meter on a rollout', () => {
  test('its per-step line at the end equals the final report’s steps of the first primary outcome', async () => {
    const design = await designFrom('meter-steps', ROLLOUT, 3);
    const prepared = prepareDesign(design);
    const events: RunProgress[] = [];
    const meter = new ProgressMeter(
      design,
      30,
      true,
      (event) => events.push(event),
      () => 1,
    );
    const whole = emptyRunTally(2, true);
    for (const [from, to] of [
      [10, 30],
      [0, 10],
    ]) {
      const block = simulateBlock(prepared, from, to, { withNull: true });
      meter.add(block);
      mergeRunTally(whole, block);
    }
    meter.emit(true);
    const steps = events.at(-1)!.steps!;
    const final = diagnose(prepared, whole).results[1].steps!;
    expect(steps.map((s) => s.outcome)).toEqual(['crime', 'crime', 'crime', 'crime']);
    expect(steps.map((s) => [s.fromMonth, s.toMonth])).toEqual([
      [0, 6],
      [6, 12],
      [12, 18],
      [18, 24],
    ]);
    steps.forEach((step, e) => {
      expect(step.power).toBe(final[e].power);
      expect(step.meanEstimate).toBeCloseTo(final[e].meanEstimate, 12);
    });
  });
});
