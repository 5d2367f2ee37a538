import { describe, expect, it } from 'vitest';
import type { CostFrontier, CostFrontierPoint } from '../../src/report/cost-frontier.js';
import { formatCostTable, formatValue } from '../../src/report/format-cost-table.js';

const point = (row: number, column: number, cost: number, costCI: [number, number]): CostFrontierPoint => ({
  row,
  status: 'found',
  column,
  columnCI: [column - 5, column + 5],
  power: 0.801,
  powerCI: [0.78, 0.82],
  cost,
  costCI,
  lowestCost: 10_000,
  plateau: null,
  points: [],
  trials: 1600,
});

describe('formatCostTable', () => {
  it('names the cheapest design, its interval and power, the runners-up, and each row’s fate', () => {
    const cheapest = point(40, 120, 2_000_000, [1_900_000, 2_100_000]);
    const nearly = point(30, 170, 2_050_000, [2_000_000, 2_200_000]);
    const frontier: CostFrontier = {
      rowParameter: 'design.sites.count',
      columnParameter: 'design.sites.peoplePerSite',
      targetDescription: 'knife significant',
      measure: 'power',
      target: 0.8,
      frontier: [
        {
          ...point(10, 0, 0, [0, 0]),
          status: 'not-reached',
          column: null,
          columnCI: null,
          power: null,
          powerCI: null,
          cost: null,
          costCI: null,
          plateau: { column: 1000, power: 0.3, powerCI: [0.28, 0.32] },
        },
        nearly,
        cheapest,
        {
          ...point(80, 0, 0, [0, 0]),
          status: 'skipped',
          column: null,
          columnCI: null,
          power: null,
          powerCI: null,
          cost: null,
          costCI: null,
          lowestCost: 3_000_000,
        },
      ],
      cheapest,
      runnersUp: [nearly],
      complete: true,
    };
    const text = formatCostTable(frontier, { title: 'T' });
    expect(text).toContain('design.sites.count = 40, design.sites.peoplePerSite = 120');
    expect(text).toContain(
      "delivery £2,000,000 (£1,900,000 to £2,100,000 over the value's 95% Monte Carlo interval [115, 125])",
    );
    expect(text).toContain('power there 80.1% [78.0, 82.0]');
    expect(text).toContain(
      'design.sites.count = 30, design.sites.peoplePerSite = 170: £2,050,000 (£2,000,000 to £2,200,000)',
    );
    const lines = text.split('\n');
    expect(lines.find((l) => /^\s+10\s/.test(l))).toMatch(/not reached .*30\.0% at 1,000 .*at least £10,000/);
    expect(lines.find((l) => /^\s+40\s/.test(l))).toMatch(/◀ cheapest$/);
    expect(lines.find((l) => /^\s+30\s/.test(l))).toMatch(/≈ within the noise$/);
    expect(lines.find((l) => /^\s+80\s/.test(l))).toMatch(
      /skipped .*at least £3,000,000 .*costs more than the cheapest could$/,
    );
  });

  it('writes values with the digits they need', () => {
    expect([formatValue(1200), formatValue(0.84), formatValue(2.5)]).toEqual(['1,200', '0.84', '2.5']);
  });
});
