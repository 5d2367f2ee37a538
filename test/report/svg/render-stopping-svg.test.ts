import { describe, expect, it } from 'vitest';
import type { SequentialDiagnosis } from '../../../src/core/diagnosis/sequential-diagnosis.js';
import { renderStoppingSvg, stoppingBars } from '../../../src/report/svg/render-stopping-svg.js';
import { elements, groupsWithClass, texts } from './svg-text.js';

/** Two looks; only the fields the picture reads matter. */
const sequential = {
  outcome: 'crime',
  looks: [
    {
      look: 1,
      informationFraction: 0.5,
      stopEfficacy: 0.2,
      stopFutility: 0.1,
      nullStopEfficacy: 0.004,
      nullStopFutility: 0.5,
    },
    {
      look: 2,
      informationFraction: 1,
      stopEfficacy: 0.6,
      stopFutility: 0,
      nullStopEfficacy: 0.046,
      nullStopFutility: 0,
    },
  ],
} as unknown as SequentialDiagnosis;

describe('renderStoppingSvg', () => {
  it('lists a segment per look, run and reason, with the shares of the diagnosis', () => {
    const bars = stoppingBars(sequential);
    expect(bars).toHaveLength(8);
    expect(bars[0]).toEqual({ look: 'look 1 (t = 0.5)', run: 'effect', reason: 'efficacy', share: 0.2 });
    expect(bars[3]).toEqual({ look: 'look 1 (t = 0.5)', run: 'no effect', reason: 'futility', share: 0.5 });
  });

  it('draws one bar per segment, in a column per look, titled by the outcome', async () => {
    const svg = await renderStoppingSvg(sequential, 'test · 100 trials');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const bars = groupsWithClass(svg, 'child_marks').flatMap((group) => elements(group, 'path'));
    expect(bars).toHaveLength(8);
    const words = texts(svg);
    expect(words).toContain('Where trials stop: crime at 2 looks');
    expect(words).toContain('look 1 (t = 0.5)');
    expect(words).toContain('look 2 (t = 1)');
  });
});
