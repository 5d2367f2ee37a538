import { describe, expect, it } from 'vitest';
import { plotCurveText } from '../../src/report/plot-curve-text.js';
import type { PowerCurve } from '../../src/report/power-curve.js';

const curve: PowerCurve = {
  parameter: 'design.size.treated',
  target: 0.8,
  points: [
    { value: 100, outcome: 'knife', power: 0.6, powerCI: [0.57, 0.63] },
    { value: 50, outcome: 'knife', power: 0.3, powerCI: [0.27, 0.33] },
    { value: 50, outcome: 'crime', power: 0.9, powerCI: [0.88, 0.92] },
  ],
};

/** Row (0 = top) and column (within the plot, after the 5-cell gutter) of every `marker`. */
function positions(lines: string[], marker: string, height: number): [number, number][] {
  const found: [number, number][] = [];
  lines.slice(0, height).forEach((line, row) => {
    [...line].forEach((ch, i) => {
      if (ch === marker) found.push([row, i - 5]);
    });
  });
  return found;
}

describe('plotCurveText', () => {
  it('puts each point at its value across and its power up, one marker per outcome', () => {
    const lines = plotCurveText(curve, { width: 41, height: 11 });
    // Power p sits on row round((1 − p) × 10); value v on column round((v − 50) / 50 × 40).
    expect(positions(lines, '●', 11)).toEqual([
      [4, 40],
      [7, 0],
    ]);
    expect(positions(lines, '■', 11)).toEqual([[1, 0]]);
    expect(lines.at(-1)).toBe('     ● knife   ■ crime');
  });

  it('draws the target as a dotted line labelled in the margin, which no point covers', () => {
    const covered: PowerCurve = {
      ...curve,
      points: [...curve.points, { value: 100, outcome: 'crime', power: 0.8, powerCI: [0.78, 0.82] }],
    };
    const lines = plotCurveText(covered, { width: 41, height: 11 });
    const row = lines[2];
    expect(row.endsWith(' target 80%')).toBe(true);
    expect(row).toContain('┈'.repeat(10));
    expect(row.slice(5, 46)).toContain('■');
  });

  it('labels the axes: 0%, 50%, 100%, the smallest, middle and largest values, the parameter', () => {
    const lines = plotCurveText(curve, { width: 41, height: 11 });
    expect(lines[0].startsWith('100%┤')).toBe(true);
    expect(lines[5].startsWith(' 50%┤')).toBe(true);
    expect(lines[10].startsWith('  0%┤')).toBe(true);
    expect(lines[11]).toBe(`    └${'─'.repeat(41)}`);
    expect(lines[12].trim().split(/\s+/)).toEqual(['50', '75', '100']);
    expect(lines[13].trim()).toBe('design.size.treated');
  });

  it('draws an empty frame before any point arrives', () => {
    const lines = plotCurveText({ parameter: 'x', points: [] }, { width: 20, height: 5 });
    expect(lines).toHaveLength(5 + 3);
    expect(lines.join('')).not.toMatch(/[●■]/);
  });
});

describe('plotCurveText with many outcomes', () => {
  const ids = ['crime', 'knife', 'victim', 'violence', 'any-crime', 'harm', 'knife-u18', 'harm-u18', 'all-primary'];
  const many: PowerCurve = {
    parameter: 'design.size.treated',
    points: ids.flatMap((outcome, i) =>
      [50, 100].map((value) => ({ value, outcome, power: (i + 1) / 10, powerCI: [0, 1] as [number, number] })),
    ),
  };
  const lines = plotCurveText(many, { width: 40, height: 11 });

  it('gives every outcome its own marker and leaves out the joining dots', () => {
    const legend = lines.slice(14).join(' ');
    const markers = ids.map((id) => legend.match(new RegExp(`(\\S) ${id}(?:\\s|$)`))![1]);
    expect(new Set(markers).size).toBe(ids.length);
    expect(lines.slice(0, 11).join('')).not.toContain('·');
  });

  it('wraps the legend to the plot width', () => {
    expect(lines.length).toBeGreaterThan(15);
    for (const line of lines.slice(14)) expect([...line].length).toBeLessThanOrEqual(45);
  });
});

describe('plotCurveText when points coincide', () => {
  it('draws outcomes that fall in one cell side by side, so none hides another', () => {
    const four: PowerCurve = {
      parameter: 'x',
      points: ['a', 'b', 'c', 'd'].flatMap((outcome) => [
        { value: 45, outcome, power: 0.27, powerCI: [0.2, 0.35] as const },
        { value: 135, outcome, power: 0.58, powerCI: [0.5, 0.65] as const },
      ]),
    };
    const lines = plotCurveText(four, { width: 40, height: 11 });
    const text = lines.join('\n');
    expect(text).not.toContain('✱');
    // Row round((1 − 0.27) × 10) = 7: the four markers from column 0 rightwards; row 4 ends with them.
    expect(lines[7].slice(5, 9)).toBe('●■▲◆');
    // At the last column there is room only to the left: a, then b, c, d leftwards.
    expect(lines[4].slice(-4)).toBe('◆▲■●');
    expect(lines.at(-1)).toBe('     ● a   ■ b   ▲ c   ◆ d');
  });

  it('marks a cell shared by two outcomes with ✱ when there is no room beside it, and says so in the legend', () => {
    const shared: PowerCurve = {
      parameter: 'x',
      points: [
        { value: 1, outcome: 'a', power: 0.5, powerCI: [0.4, 0.6] },
        { value: 1, outcome: 'b', power: 0.51, powerCI: [0.4, 0.6] },
        { value: 2, outcome: 'a', power: 0.9, powerCI: [0.8, 1] },
        { value: 2, outcome: 'b', power: 0.1, powerCI: [0, 0.2] },
      ],
    };
    // Two columns wide: values 1 and 2 sit in neighbouring columns, with no room between them.
    const lines = plotCurveText(shared, { width: 2, height: 11 });
    // Row round((1 − 0.5) × 10) = 5 holds both first points in column 0.
    expect(lines[5][5]).toBe('✱');
    expect(lines.slice(-3)).toEqual(['     ● a', '     ■ b', '     ✱ several']);
    expect(plotCurveText(shared, { width: 30, height: 11 }).join('\n')).not.toContain('✱');
    expect(plotCurveText({ ...shared, points: shared.points.slice(2) }, { width: 30, height: 11 }).at(-1)).toBe(
      '     ● a   ■ b',
    );
  });
});
