import { describe, expect, it } from 'vitest';
import type { SensitivityTable } from '../../../src/report/sensitivity-table.js';
import { renderTornadoSvg } from '../../../src/report/svg/render-tornado-svg.js';
import { elements, groupsWithClass, texts } from './svg-text.js';

// Two inputs: one whose ends move power in opposite directions, one whose ends both raise it (the
// case where a single bar per input would hide the shorter end behind the longer).
const table: SensitivityTable = {
  measure: 'power',
  targetDescription: 'knife significant',
  baseline: { value: null, estimate: 0.55, ci: [0.52, 0.58] },
  rows: [
    {
      path: 'outcomes.knife.ratePerYear',
      central: 0.4,
      low: { value: 0.2, estimate: 0.28, ci: [0.25, 0.31] },
      high: { value: 0.8, estimate: 0.65, ci: [0.62, 0.68] },
      swing: 0.37,
    },
    {
      path: 'outcomes.crime.ratePerYear.adult',
      central: 1.5,
      low: { value: 0.8, estimate: 0.57, ci: [0.54, 0.6] },
      high: { value: 2.5, estimate: 0.59, ci: [0.56, 0.62] },
      swing: 0.02,
    },
  ],
  trials: 1000,
  seed: 1,
};

/** The vertical extent [top, bottom] of a vega bar drawn as a path `M x,y h w v h h -w Z`. */
function verticalExtent(path: string): [number, number] {
  const d = /d="M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)/.exec(path);
  if (!d) throw new Error(`not a bar: ${path}`);
  const [top, height] = [Number(d[2]), Number(d[4])];
  return [Math.min(top, top + height), Math.max(top, top + height)];
}

describe('renderTornadoSvg', () => {
  it('draws both ends of every input, side by side in its band, so neither hides the other', async () => {
    const svg = await renderTornadoSvg(table);
    const bars = elements(groupsWithClass(svg, 'bars_marks')[0], 'path').map(verticalExtent);
    expect(bars).toHaveLength(4);
    for (const [top, bottom] of bars) expect(bottom - top).toBeGreaterThan(4);
    // Vega draws the bars in data order: each input's low end, then its high end.
    for (const [low, high] of [
      [bars[0], bars[1]],
      [bars[2], bars[3]],
    ]) {
      expect(low[1]).toBeLessThanOrEqual(high[0] + 1e-9);
    }
    // The most influential input is the top band.
    expect(bars[0][0]).toBeLessThan(bars[2][0]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['0.2', '0.8', '2.5', 'outcomes.knife.ratePerYear']));
  });
});
