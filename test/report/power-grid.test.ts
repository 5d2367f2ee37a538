import { describe, expect, it } from 'vitest';
import { gridContour, type PowerGridCell } from '../../src/report/power-grid.js';

const cell = (row: number, column: number, power: number): PowerGridCell => ({
  row,
  column,
  power,
  powerCI: [power, power],
  trials: 100,
});

describe('gridContour', () => {
  it('interpolates each row linearly between the columns that bracket the target', () => {
    const cells = [
      cell(1, 10, 0.6),
      cell(1, 20, 0.9),
      cell(1, 30, 0.95),
      cell(2, 10, 0.85),
      cell(2, 20, 0.9),
      cell(2, 30, 0.97),
      cell(3, 10, 0.1),
      cell(3, 20, 0.2),
      cell(3, 30, 0.3),
    ];
    // Row 1: 10 + (0.8 − 0.6) / (0.9 − 0.6) × 10 = 16.67; row 2 reaches it everywhere and row 3
    // nowhere, so neither crosses within the values simulated.
    const contour = gridContour(cells, 0.8);
    expect(contour.map((point) => point.row)).toEqual([1, 2, 3]);
    expect(contour[0].column).toBeCloseTo(10 + (0.2 / 0.3) * 10, 12);
    expect(contour[0].reached).toBe('some');
    expect(contour[1]).toEqual({ row: 2, column: null, reached: 'all' });
    expect(contour[2]).toEqual({ row: 3, column: null, reached: 'none' });
  });

  it('finds the crossing where power falls along the columns (a rate ratio moving towards 1)', () => {
    // 0.6 + (0.8 − 0.95) / (0.5 − 0.95) × (0.7 − 0.6) = 0.6333.
    const [point] = gridContour([cell(1, 0.5, 0.99), cell(1, 0.6, 0.95), cell(1, 0.7, 0.5), cell(1, 0.84, 0.2)], 0.8);
    expect(point.column).toBeCloseTo(0.6 + (0.15 / 0.45) * 0.1, 12);
  });

  it('reads the cells in any order', () => {
    // 20 + (0.8 − 0.7) / (0.9 − 0.7) × 20 = 30.
    const [point] = gridContour([cell(5, 40, 0.9), cell(5, 20, 0.7)], 0.8);
    expect(point.row).toBe(5);
    expect(point.column).toBeCloseTo(30, 12);
  });
});
