import { describe, expect, it } from 'vitest';
import { formatGridTable } from '../../src/report/format-grid-table.js';
import type { PowerGrid } from '../../src/report/power-grid.js';

const grid: PowerGrid = {
  rowParameter: 'design.sites.count',
  columnParameter: 'design.size.total',
  targetDescription: 'knife significant',
  target: 0.8,
  cells: [
    { row: 10, column: 600, power: 0.5, powerCI: [0.45, 0.55], trials: 400 },
    { row: 10, column: 1200, power: 0.9, powerCI: [0.87, 0.93], trials: 400 },
    { row: 20, column: 600, power: 0.7, powerCI: [0.65, 0.75], trials: 400 },
    { row: 20, column: 1200, power: 0.95, powerCI: [0.93, 0.97], trials: 400 },
  ],
};

describe('formatGridTable', () => {
  it('lays out rows by the first parameter and columns by the second, marking the cells at the target', () => {
    const lines = formatGridTable(grid, { title: 'a title' }).split('\n');
    expect(lines[0]).toBe('a title');
    const header = lines.find((line) => line.includes('\\'))!;
    expect(header).toMatch(/design\.sites\.count \\ design\.size\.total +600 +1,200$/);
    expect(lines.find((line) => /^ *10 /.test(line))).toMatch(/50\.0% +90\.0%\*$/);
    expect(lines.find((line) => /^ *20 /.test(line))).toMatch(/70\.0% +95\.0%\*$/);
  });

  it('says where each row crosses the target and how wide the intervals are', () => {
    const text = formatGridTable(grid);
    // Row 10: 600 + (0.8 − 0.5) / (0.9 − 0.5) × 600 = 1050; row 20: 600 + (0.1 / 0.25) × 600 = 840.
    expect(text).toContain('design.sites.count = 10: design.size.total ≈ 1,050');
    expect(text).toContain('design.sites.count = 20: design.size.total ≈ 840');
    expect(text).toContain('400 trials per cell');
    expect(text).toContain('at most ±5.0%');
  });
});
