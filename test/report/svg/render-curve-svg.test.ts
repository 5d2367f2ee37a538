import { describe, expect, it } from 'vitest';
import type { PowerCurve } from '../../../src/report/power-curve.js';
import { renderCurveSvg } from '../../../src/report/svg/render-curve-svg.js';
import { elements, groupsWithClass, texts, translation } from './svg-text.js';

const curve: PowerCurve = {
  parameter: 'design.size.treated',
  target: 0.8,
  points: [50, 100, 200, 400].flatMap((value) => [
    {
      value,
      outcome: 'knife',
      power: value / 500,
      powerCI: [value / 500 - 0.02, value / 500 + 0.02] as [number, number],
    },
    {
      value,
      outcome: 'crime',
      power: value / 450,
      powerCI: [value / 450 - 0.02, value / 450 + 0.02] as [number, number],
    },
  ]),
};

describe('renderCurveSvg', () => {
  it('draws one power line per outcome, through every point of that outcome', async () => {
    const svg = await renderCurveSvg(curve);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const lines = groupsWithClass(svg, 'power_line_marks').flatMap((group) => elements(group, 'path'));
    expect(lines).toHaveLength(2);
    for (const path of lines) expect(path.match(/[ML][\d.]+,[\d.]+/g)).toHaveLength(4);
    expect(lines.map((path) => path.match(/Outcome: (\w+)/)![1]).sort()).toEqual(['crime', 'knife']);
  });

  it('draws an interval band per outcome', async () => {
    const svg = await renderCurveSvg(curve);
    expect(groupsWithClass(svg, 'interval_band_marks').flatMap((group) => elements(group, 'path'))).toHaveLength(2);
  });

  it('draws the target as a horizontal line at its height on the 0–100% axis, with a label', async () => {
    const svg = await renderCurveSvg(curve);
    const [rule] = groupsWithClass(svg, 'target_rule_marks').flatMap((group) => elements(group, 'line'));
    expect(rule).toMatch(/y2="0"/);
    // The plot is 320 px high with power 0 at the bottom: 80% sits 0.2 × 320 = 64 px from the top.
    expect(translation(rule)[1]).toBeCloseTo(64, 6);
    expect(texts(groupsWithClass(svg, 'target_label_marks')[0])).toEqual(['target 80%']);
  });

  it('titles the axes with the parameter and power', async () => {
    const svg = await renderCurveSvg(curve, { parameterLabel: 'Treated people' });
    const titles = groupsWithClass(svg, 'role-axis-title').flatMap(texts);
    expect(titles.sort()).toEqual(['Power', 'Treated people']);
  });

  it('leaves out the target line when there is no target', async () => {
    const svg = await renderCurveSvg({ ...curve, target: undefined });
    expect(groupsWithClass(svg, 'target_rule_marks')).toHaveLength(0);
  });

  it('sets a sans-serif font on the text', async () => {
    const svg = await renderCurveSvg(curve);
    for (const text of elements(svg, 'text')) expect(text).toMatch(/font-family="[^"]*sans-serif"/);
  });

  it('marks a chosen value with a vertical line at its place and its label', async () => {
    const svg = await renderCurveSvg(curve, { marker: { value: 225, label: '225 treated' } });
    const [rule] = groupsWithClass(svg, 'marker_rule_marks').flatMap((group) => elements(group, 'line'));
    expect(rule).toMatch(/x2="0"/);
    // The x axis spans 50–400 over 560 px (vega-lite's zero: false keeps the data range here).
    const [x] = translation(rule);
    expect(x).toBeCloseTo(((225 - 50) / (400 - 50)) * 560, 0);
    expect(texts(groupsWithClass(svg, 'marker_label_marks')[0])).toEqual(['225 treated']);
  });
});
