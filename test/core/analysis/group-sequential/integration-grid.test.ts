import { describe, expect, it } from 'vitest';
import { buildIntegrationGrid } from '../../../../src/core/analysis/group-sequential/integration-grid.js';

const density = (x: number, mean: number): number => Math.exp(-0.5 * (x - mean) ** 2) / Math.sqrt(2 * Math.PI);
const integrate = (grid: ReturnType<typeof buildIntegrationGrid>, f: (x: number) => number): number =>
  grid.points.reduce((total, x, i) => total + grid.weights[i] * f(x), 0);

describe("Jennison & Turnbull's integration grid", () => {
  it('has 12r − 3 points over the whole line, reaching mean ± (3 + 4 ln r)', () => {
    const grid = buildIntegrationGrid([{ lower: -Infinity, upper: Infinity }], 0.7, 16);
    // 6r − 1 = 95 base points, 94 panels, each adding a midpoint: 189 = 12r − 3.
    expect(grid.points).toHaveLength(189);
    expect(grid.points[0]).toBeCloseTo(0.7 - 3 - 4 * Math.log(16), 12);
    expect(grid.points.at(-1)).toBeCloseTo(0.7 + 3 + 4 * Math.log(16), 12);
  });

  it('integrates normal probabilities to within 5e-7 at r = 16, the error falling like r⁻⁴', () => {
    // The coarse outer panels carry the error (about 1.8e-7 per infinite tail at r = 16).
    const massError = (r: number): number =>
      Math.abs(
        integrate(buildIntegrationGrid([{ lower: -Infinity, upper: Infinity }], 0.7, r), (x) => density(x, 0.7)) - 1,
      );
    expect(massError(16)).toBeLessThan(5e-7);
    expect(massError(32)).toBeLessThan(massError(16) / 10);
    // R: pnorm(1.96 - 0.3) - pnorm(-1 - 0.3) = 0.854742289147667
    const part = buildIntegrationGrid([{ lower: -1, upper: 1.96 }], 0.3, 16);
    expect(Math.abs(integrate(part, (x) => density(x, 0.3)) - 0.854742289147667)).toBeLessThan(5e-8);
  });

  it('covers two intervals (a two-sided continuation region) without overlap', () => {
    const grid = buildIntegrationGrid(
      [
        { lower: -2.5, upper: -0.4 },
        { lower: 0.4, upper: 2.5 },
      ],
      0,
      16,
    );
    // R: 2 * (pnorm(2.5) - pnorm(0.4)) = 0.676737186127799
    expect(Math.abs(integrate(grid, (x) => density(x, 0)) - 0.676737186127799)).toBeLessThan(1e-7);
    grid.points.slice(1).forEach((x, i) => expect(x).toBeGreaterThanOrEqual(grid.points[i]));
    expect(grid.points.every((x) => Math.abs(x) >= 0.4 && Math.abs(x) <= 2.5)).toBe(true);
  });

  it('is empty when the interval is', () => {
    expect(buildIntegrationGrid([{ lower: 2, upper: 2 }], 0, 16).points).toHaveLength(0);
  });
});
