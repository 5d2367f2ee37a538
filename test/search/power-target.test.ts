import { describe, expect, it } from 'vitest';
import { emptyRunTally } from '../../src/core/diagnosis/tally.js';
import { loadDesign } from '../../src/scenario/load-design.js';
import {
  choosePowerTarget,
  countSuccesses,
  describePowerTarget,
  targetMeasure,
} from '../../src/search/power-target.js';

describe('power targets', () => {
  it('targets all primary outcomes together by default, one outcome with --outcome', async () => {
    const { design } = await loadDesign('milton-keynes');
    expect(choosePowerTarget(design)).toEqual({ kind: 'all-primary', ids: ['crime', 'knife'] });
    expect(choosePowerTarget(design, 'victim')).toEqual({ kind: 'outcome', index: 2, id: 'victim' });
    expect(() => choosePowerTarget(design, 'nope')).toThrow(/no outcome "nope"/);
    expect(describePowerTarget(design, choosePowerTarget(design))).toBe(
      'crime and knife all significant (holm correction)',
    );
  });

  it('counts a primary outcome after the correction, a secondary one plainly, all primaries jointly', async () => {
    const { design } = await loadDesign('milton-keynes');
    const tally = emptyRunTally(design.outcomes.length, false);
    tally.trials = 10;
    tally.allPrimary = 3;
    tally.outcomes[1].rejections = 7;
    tally.outcomes[1].adjustedRejections = 5;
    tally.outcomes[2].rejections = 4;
    tally.outcomes[2].adjustedRejections = 4;
    expect(countSuccesses(design, choosePowerTarget(design, 'knife'), tally)).toBe(5);
    expect(countSuccesses(design, choosePowerTarget(design, 'victim'), tally)).toBe(4);
    expect(countSuccesses(design, choosePowerTarget(design), tally)).toBe(3);
  });

  it('calls it assurance when the target effect is drawn from a distribution', async () => {
    const { design } = await loadDesign('milton-keynes', [
      'outcomes.knife.effect.rateRatio={ lognormal: { median: 0.84, spread: 1.2 } }',
    ]);
    expect(targetMeasure(design, choosePowerTarget(design, 'knife'))).toBe('assurance');
    expect(targetMeasure(design, choosePowerTarget(design, 'crime'))).toBe('power');
  });
});
