import { describe, expect, it } from 'vitest';
import type { PowerGrid } from '../../../src/report/power-grid.js';
import { buildGridSpec, renderGridSvg } from '../../../src/report/svg/render-grid-svg.js';
import { elements, groupsWithClass } from './svg-text.js';

const cells = [0.3, 0.6, 0.9].flatMap((base, i) =>
  [100, 200].map((column, k) => ({
    row: i + 1,
    column,
    power: Math.min(1, base + 0.05 * k),
    powerCI: [0, 1] as const,
    trials: 100,
  })),
);

describe('renderGridSvg', () => {
  it('draws one rectangle per cell and the contour where rows reach the target', async () => {
    const grid: PowerGrid = {
      rowParameter: 'a',
      columnParameter: 'b',
      targetDescription: 'x significant',
      target: 0.8,
      cells,
    };
    const svg = await renderGridSvg(grid);
    expect(svg).toMatch(/^<svg/);
    const [cellMarks] = groupsWithClass(svg, 'cells_marks');
    expect(elements(cellMarks, 'path')).toHaveLength(cells.length);
    expect(groupsWithClass(svg, 'contour_marks')).toHaveLength(1);
    // Only row 3 (power 0.9 and 0.95) reaches 0.8: one contour point.
    const spec = JSON.stringify(buildGridSpec(grid));
    expect(spec).toContain('"name":"contour"');
    expect(spec).toContain('{"row":3,"column":100}');
  });

  it('has no contour when no row reaches the target', () => {
    const grid: PowerGrid = { rowParameter: 'a', columnParameter: 'b', targetDescription: 'x', target: 0.99, cells };
    expect(JSON.stringify(buildGridSpec(grid))).not.toContain('"name":"contour"');
  });
});
