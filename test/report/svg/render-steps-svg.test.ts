import { describe, expect, it } from 'vitest';
import type { OutcomeDiagnosis } from '../../../src/core/diagnosis/run-summary.js';
import { renderStepsSvg, stepPoints } from '../../../src/report/svg/render-steps-svg.js';
import { elements, groupsWithClass, texts } from './svg-text.js';

/** Two outcomes of two steps; only the fields the picture reads matter. */
const step = (e: number, meanEstimate: number, power: number) => ({
  exposurePeriods: e,
  fromMonth: 6 * e,
  toMonth: 6 * (e + 1),
  estimand: 0.888,
  meanEstimate,
  estimateRange: [meanEstimate * 0.6, meanEstimate * 1.6],
  power,
});
const results = [
  { outcome: 'knife', steps: [step(0, 0.88, 0.1), step(1, 0.91, 0.07)] },
  { outcome: 'crime', steps: [step(0, 0.89, 0.11), step(1, 0.87, 0.08)] },
  { outcome: 'other' },
] as unknown as OutcomeDiagnosis[];

describe('renderStepsSvg', () => {
  it('plots each step of each outcome with steps: mean estimate, 95% range and truth', () => {
    const points = stepPoints(results);
    expect(points).toHaveLength(4);
    expect(points[0]).toEqual({
      outcome: 'knife',
      step: '0–6',
      estimate: 0.88,
      lower: 0.88 * 0.6,
      upper: 0.88 * 1.6,
      truth: 0.888,
      power: 0.1,
    });
    expect(points[3].outcome).toBe('crime');
  });

  it('draws a panel per outcome, in the run’s order, with a point per step', async () => {
    const svg = await renderStepsSvg(results, 'test · 100 trials');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const words = texts(svg);
    expect(words).toContain('The effect by time since crossover (2 steps)');
    expect(words.indexOf('knife')).toBeLessThan(words.indexOf('crime'));
    expect(words).toContain('6–12');
    const marks = groupsWithClass(svg, 'mark-symbol').flatMap((group) => elements(group, 'path'));
    expect(marks).toHaveLength(4);
  });
});
