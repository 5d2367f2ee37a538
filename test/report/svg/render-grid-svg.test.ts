import { describe, expect, it } from 'vitest';
import type { PowerGrid } from '../../../src/report/power-grid.js';
import { buildGridSpec, renderGridSvg } from '../../../src/report/svg/render-grid-svg.js';
import { elements, groupsWithClass } from './svg-text.js';

const cells = [0.3, 0.6, 0.9].flatMap((base, i) =>
  [100, 200].map((column, k) => ({
    row: i + 1,
    column,
    power: Math.min(1, base + 0.3 * k),
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
    // Only row 2 (0.6 at 100, 0.9 at 200) crosses 0.8: at 100 + (0.2 / 0.3) × 100 = 166.7.
    const spec = buildGridSpec(grid) as unknown as { layer: { name?: string; data?: { values: unknown[] } }[] };
    const contour = spec.layer.find((layer) => layer.name === 'contour');
    expect(contour?.data?.values).toHaveLength(1);
    const [point] = contour!.data!.values as { row: number; column: number }[];
    expect(point.row).toBe(2);
    expect(point.column).toBeCloseTo(100 + (0.2 / 0.3) * 100, 9);
  });

  it('has no contour when no row crosses the target (every cell reaches 5%)', () => {
    const grid: PowerGrid = { rowParameter: 'a', columnParameter: 'b', targetDescription: 'x', target: 0.05, cells };
    expect(JSON.stringify(buildGridSpec(grid))).not.toContain('"name":"contour"');
  });
});
