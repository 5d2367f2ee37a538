/**
 * The figure of a cost search: for each value of A that reaches the target, the delivery cost of
 * its cheapest design (the smallest B reaching the target) with the cost range over B's 95% Monte
 * Carlo interval as a bar, each point labelled with its B; the cheapest point in red and the
 * runners-up within the noise in orange.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CostFrontier } from '../cost-frontier.js';
import { formatValue } from '../format-cost-table.js';
import { axisLabelFormat } from './axis-label-format.js';
import { renderVegaLiteSvg } from './render-vega-lite-svg.js';

/** Labels of the figure; the parameter paths are used when no label is given. */
export interface CostPlotLabels {
  readonly title?: string;
  readonly subtitle?: string;
  readonly rowLabel?: string;
  readonly columnLabel?: string;
}

/**
 * Builds the vega-lite specification (exported so tests can inspect it without rendering).
 *
 * Example: a frontier with three found rows gives `range` (rule), `points` and `labels` layers of
 * three values each, the cheapest coloured 'cheapest'.
 */
export function buildCostSpec(frontier: CostFrontier, labels: CostPlotLabels = {}): TopLevelSpec {
  const columnLabel = labels.columnLabel ?? frontier.columnParameter;
  const values = frontier.frontier
    .filter((point) => point.status === 'found')
    .map((point) => ({
      row: point.row,
      cost: point.cost,
      low: point.costCI![0],
      high: point.costCI![1],
      label: `${formatValue(point.column!)} ${columnLabel}`,
      kind:
        point === frontier.cheapest ? 'cheapest' : frontier.runnersUp.includes(point) ? 'within the noise' : 'frontier',
    }));
  const rows = frontier.frontier.map((point) => point.row);
  const x = {
    field: 'row',
    type: 'quantitative',
    title: labels.rowLabel ?? frontier.rowParameter,
    scale: { zero: false },
    axis: { values: rows, format: axisLabelFormat(rows) },
  };
  // Costs that span more than a factor of 20 are drawn on a log scale, so the cheap end is legible.
  const costs = values.flatMap((value) => [value.low, value.high]);
  const logScale = costs.length > 0 && Math.max(...costs) > 20 * Math.min(...costs);
  const y = {
    type: 'quantitative',
    title: `Delivery cost (£${logScale ? ', log scale' : ''})`,
    axis: { format: ',.0f' },
    scale: logScale ? { type: 'log' } : { zero: false },
  };
  const color = {
    field: 'kind',
    type: 'nominal',
    title: null,
    scale: { domain: ['cheapest', 'within the noise', 'frontier'], range: ['#d62728', '#ff7f0e', '#1f77b4'] },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: labels.title ?? `Cheapest design for ${Math.round(frontier.target * 1000) / 10}% ${frontier.measure}`,
      subtitle: [
        ...(labels.subtitle ? [labels.subtitle] : []),
        `bars: cost over the 95% Monte Carlo interval of the ${columnLabel} needed`,
      ],
    },
    width: 560,
    height: 320,
    data: { values },
    layer: [
      {
        name: 'range',
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color },
      },
      {
        name: 'points',
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x,
          y: { ...y, field: 'cost' },
          color,
        },
      },
      {
        name: 'labels',
        mark: { type: 'text', dx: 8, align: 'left', fontSize: 10 },
        encoding: { x, y: { ...y, field: 'cost' }, text: { field: 'label' } },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** Renders the cost frontier to SVG text (see `buildCostSpec`). */
export async function renderCostSvg(frontier: CostFrontier, labels: CostPlotLabels = {}): Promise<string> {
  return renderVegaLiteSvg(buildCostSpec(frontier, labels));
}
