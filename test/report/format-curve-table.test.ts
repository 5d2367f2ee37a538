import { describe, expect, it } from 'vitest';
import { formatCurveTable } from '../../src/report/format-curve-table.js';
import type { PowerCurve } from '../../src/report/power-curve.js';

const curve: PowerCurve = {
  parameter: 'design.size.treated',
  target: 0.8,
  points: [
    { value: 100, outcome: 'knife', power: 0.85, powerCI: [0.83, 0.87] },
    { value: 50, outcome: 'knife', power: 0.3, powerCI: [0.27, 0.33] },
    { value: 50, outcome: 'crime', power: 0.9, powerCI: [0.88, 0.92] },
  ],
};

describe('formatCurveTable', () => {
  const text = formatCurveTable(curve, { color: false, title: 'milton-keynes', conclusion: 'about 90 treated' });
  const lines = text.split('\n');

  it('tabulates power by value and outcome with intervals, ticking those at the target', () => {
    const start = lines.findIndex((line) => line.startsWith('value'));
    expect(lines[start].trim().split(/\s+/)).toEqual(['value', 'knife', 'crime']);
    expect(lines.slice(start + 1, start + 3).map((line) => line.trim().split(/\s{2,}/))).toEqual([
      ['50', '30.0% [27.0, 33.0]', '90.0% [88.0, 92.0] ✓'],
      ['100', '85.0% [83.0, 87.0] ✓', '—'],
    ]);
  });

  it('drops the intervals, then pivots to one row per point, as the width shrinks', () => {
    const narrow = formatCurveTable(curve, { color: false, width: 30 }).split('\n');
    const start = narrow.findIndex((line) => line.startsWith('value'));
    expect(narrow.slice(start + 1, start + 3).map((line) => line.trim().split(/\s{2,}/))).toEqual([
      ['50', '30.0%', '90.0% ✓'],
      ['100', '85.0% ✓', '—'],
    ]);
    expect(narrow).toContain('Power only, to fit; --csv or --json give the 95% intervals.');
    const long = formatCurveTable(curve, { color: false, width: 20 }).split('\n');
    const first = long.findIndex((line) => line.startsWith('value'));
    expect(long.slice(first + 1, first + 4).map((line) => line.trim().split(/\s{2,}/))).toEqual([
      ['50', 'knife', '30.0% [27.0, 33.0]'],
      ['50', 'crime', '90.0% [88.0, 92.0] ✓'],
      ['100', 'knife', '85.0% [83.0, 87.0] ✓'],
    ]);
  });

  it('has the title, the text plot with its target line, and the conclusion', () => {
    expect(lines[0]).toBe('milton-keynes');
    expect(text).toContain('target 80%');
    expect(text).toContain('● knife');
    expect(lines.filter(Boolean).at(-1)).toBe('about 90 treated');
    expect(text).not.toContain('\u001b');
  });
});

describe('formatCurveTable without the plot', () => {
  it('is the full report minus its title, its plot and the blank lines after them', () => {
    const full = formatCurveTable(curve, { color: false, title: 'milton-keynes' }).split('\n');
    const bare = formatCurveTable(curve, { color: false, plot: false });
    expect(bare.startsWith('value')).toBe(true);
    expect(full.slice(full.findIndex((line) => line.startsWith('value'))).join('\n')).toBe(bare);
  });
});
