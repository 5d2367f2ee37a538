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

  it('labels each axis tick with the value simulated, to as many digits as it needs (0.84 is not "0.8")', async () => {
    const rows = [0.7, 0.84, 0.95];
    const columns = [0.5, 2.25, 3];
    const grid: PowerGrid = {
      rowParameter: 'a',
      columnParameter: 'b',
      targetDescription: 'x',
      cells: rows.flatMap((row) =>
        columns.map((column) => ({ row, column, power: 0.5, powerCI: [0.4, 0.6] as const, trials: 100 })),
      ),
    };
    const texts = [...(await renderGridSvg(grid)).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const label of ['0.70', '0.84', '0.95', '0.50', '2.25', '3.00']) expect(texts).toContain(label);
    expect(texts).not.toContain('0.8');
    expect(texts).not.toContain('0.9');
  });
});
