import { describe, expect, it } from 'vitest';
import { ESTIMATE_BINS } from '../../../src/core/diagnosis/tally.js';
import type { ExplainData, ExplainPanel } from '../../../src/report/explain-data.js';
import { renderExplainSvg } from '../../../src/report/svg/render-explain-svg.js';
import { elements, groupsWithClass, texts, translation } from './svg-text.js';

/** A panel whose estimates fill bins `from`..`to` (inner, 1-based) with `perBin` each; bins ≤ `significantTo` significant. */
function panel(
  label: string,
  from: number,
  to: number,
  significantTo: number,
  extra: Partial<ExplainPanel> = {},
): ExplainPanel {
  const estimateHistogram = new Array<number>(ESTIMATE_BINS.count + 2).fill(0);
  const significantHistogram = new Array<number>(ESTIMATE_BINS.count + 2).fill(0);
  for (let i = from; i <= to; i++) {
    estimateHistogram[i] = 10;
    if (i <= significantTo) significantHistogram[i] = 10;
  }
  return {
    label,
    treated: 45,
    control: 120,
    estimateHistogram,
    significantHistogram,
    trueEffect: 0.62,
    power: 0.41,
    exaggeration: 1.6,
    typeS: 0.004,
    meanSignificantRatio: 0.47,
    ...extra,
  };
}

// Bin 81 holds log 0 (ratio 1); bin 71 holds log 0.62 = −0.478.
const data: ExplainData = {
  outcome: 'knife',
  outcomeLabel: 'Knife offending',
  ratioName: 'rate ratio',
  panels: [
    panel('Pilot', 60, 85, 66),
    panel('Planned', 66, 76, 76, { treated: 200, control: 200, power: 0.93, exaggeration: 1.04 }),
  ],
};

describe('renderExplainSvg', () => {
  it('draws one histogram per size with a bar part for every filled bin, significant ones in their own colour', async () => {
    const svg = await renderExplainSvg(data);
    const [pilot, planned] = ['estimate_bars_0_marks', 'estimate_bars_1_marks'].map((name) =>
      groupsWithClass(svg, name).flatMap((group) => elements(group, 'path')),
    );
    // Pilot: 26 filled bins, 7 of them significant (one rectangle each) and 19 not.
    expect(pilot).toHaveLength(26);
    expect(pilot.filter((p) => p.includes('Result: significant'))).toHaveLength(7);
    expect(
      new Set(pilot.filter((p) => p.includes('Result: significant')).map((p) => p.match(/fill="([^"]+)"/)![1])).size,
    ).toBe(1);
    expect(planned).toHaveLength(11);
    expect(planned.every((p) => p.includes('Result: significant'))).toBe(true);
  });

  it('marks the true effect left of the no-effect line, at its place on the log axis', async () => {
    const svg = await renderExplainSvg(data);
    const x = (name: string) => translation(elements(groupsWithClass(svg, name)[0], 'line')[0])[0];
    const truth = x('truth_rule_0_layer_0_marks');
    const none = x('no_effect_rule_0_layer_0_marks');
    expect(truth).toBeLessThan(none);
    // The shared axis runs from the left edge of bin 60 to the right edge of bin 85, 340 px wide.
    const width = (ESTIMATE_BINS.max - ESTIMATE_BINS.min) / ESTIMATE_BINS.count;
    const low = ESTIMATE_BINS.min + 59 * width;
    const high = ESTIMATE_BINS.min + 85 * width;
    expect(truth).toBeCloseTo((340 * (Math.log(0.62) - low)) / (high - low), 6);
    expect(none).toBeCloseTo((340 * (0 - low)) / (high - low), 6);
    expect(texts(svg)).toContain('true effect 0.62');
  });

  it('titles each panel with its size, power and exaggeration', async () => {
    const svg = await renderExplainSvg(data);
    const all = texts(svg);
    expect(all).toContain('Pilot: 45 treated, 120 control');
    expect(all).toContain('Planned: 200 treated, 200 control');
    expect(all.some((t) => t.includes('power 41%') && t.includes('exaggeration 1.60×'))).toBe(true);
    expect(all.some((t) => t.includes('power 93%') && t.includes('exaggeration 1.04×'))).toBe(true);
    expect(groupsWithClass(svg, 'role-axis-title').flatMap(texts)).toContain('Estimated rate ratio (log scale)');
  });

  it('marks where significant results land on average (the mean significant ratio the plain reading states), left of the truth', async () => {
    const svg = await renderExplainSvg(data);
    const x = (name: string) => translation(elements(groupsWithClass(svg, name)[0], 'line')[0])[0];
    const width = (ESTIMATE_BINS.max - ESTIMATE_BINS.min) / ESTIMATE_BINS.count;
    const low = ESTIMATE_BINS.min + 59 * width;
    const high = ESTIMATE_BINS.min + 85 * width;
    // Pilot: significant results in the true direction average a ratio of 0.47.
    const average = x('significant_average_rule_0_layer_0_marks');
    expect(average).toBeCloseTo((340 * (Math.log(0.47) - low)) / (high - low), 6);
    expect(average).toBeLessThan(x('truth_rule_0_layer_0_marks'));
    expect(texts(svg).some((t) => /^significant results average 0\.470?$/.test(t))).toBe(true);
  });
});
