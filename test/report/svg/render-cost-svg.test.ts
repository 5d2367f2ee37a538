import { describe, expect, it } from 'vitest';
import type { CostFrontier, CostFrontierPoint } from '../../../src/report/cost-frontier.js';
import { buildCostSpec, renderCostSvg } from '../../../src/report/svg/render-cost-svg.js';
import { groupsWithClass } from './svg-text.js';

function found(row: number, column: number, cost: number, costCI: [number, number]): CostFrontierPoint {
  return {
    row,
    status: 'found',
    column,
    columnCI: [column - 1, column + 1],
    power: 0.8,
    powerCI: [0.78, 0.82],
    cost,
    costCI,
    lowestCost: 1000,
    plateau: null,
    points: [],
    trials: 400,
  };
}

const cheapest = found(40, 120, 2_000_000, [1_900_000, 2_100_000]);
const nearly = found(30, 170, 2_050_000, [2_000_000, 2_200_000]);
const dear = found(20, 400, 5_000_000, [4_800_000, 5_200_000]);
const skipped: CostFrontierPoint = {
  ...found(60, 0, 0, [0, 0]),
  status: 'skipped',
  column: null,
  columnCI: null,
  power: null,
  powerCI: null,
  cost: null,
  costCI: null,
  lowestCost: 9e6,
};
const frontier: CostFrontier = {
  rowParameter: 'design.sites.count',
  columnParameter: 'design.sites.peoplePerSite',
  targetDescription: 'knife significant',
  measure: 'power',
  target: 0.8,
  frontier: [dear, nearly, cheapest, skipped],
  cheapest,
  runnersUp: [nearly],
  complete: true,
};

describe('renderCostSvg', () => {
  it('draws each found row’s cost with its interval, the cheapest and the runners-up apart', async () => {
    const spec = buildCostSpec(frontier) as unknown as { data: { values: { row: number; kind: string }[] } };
    // The skipped row has no design to draw.
    expect(spec.data.values.map((v) => [v.row, v.kind])).toEqual([
      [20, 'frontier'],
      [30, 'within the noise'],
      [40, 'cheapest'],
    ]);
    const svg = await renderCostSvg(frontier);
    expect(svg).toMatch(/^<svg/);
    for (const layer of ['range_marks', 'points_marks', 'labels_marks'])
      expect(groupsWithClass(svg, layer)).toHaveLength(1);
    expect(svg).toContain('120 design.sites.peoplePerSite');
  });
});
