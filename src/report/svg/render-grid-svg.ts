/**
 * The heatmap of a two-way `curve`: one rectangle per simulated pair of values, coloured by power
 * and labelled with it, the first parameter up the side and the second along the bottom, and the
 * target power's contour — where each row first reaches the target, interpolated between the
 * columns that bracket it — drawn as a line across the cells.
 */
import type { TopLevelSpec } from 'vega-lite';
import { gridContour, type PowerGrid } from '../power-grid.js';
import { axisLabelFormat } from './axis-label-format.js';
import { renderVegaLiteSvg } from './render-vega-lite-svg.js';

/** Labels of the heatmap; the parameter paths are used when no label is given. */
export interface GridPlotLabels {
  readonly title?: string;
  readonly subtitle?: string;
  readonly rowLabel?: string;
  readonly columnLabel?: string;
}

// Edges of the cells along one axis: halfway between neighbouring values, and half a spacing
// beyond the first and last (a single value gets a width of one either side).
function cellEdges(values: readonly number[]): Map<number, readonly [number, number]> {
  const edges = new Map<number, readonly [number, number]>();
  values.forEach((value, i) => {
    const before = i > 0 ? (value - values[i - 1]) / 2 : i + 1 < values.length ? (values[i + 1] - value) / 2 : 1;
    const after = i + 1 < values.length ? (values[i + 1] - value) / 2 : before;
    edges.set(value, [value - before, value + after]);
  });
  return edges;
}

/**
 * Builds the vega-lite specification of a power grid (exported so tests can inspect it without
 * rendering).
 *
 * Example: a 3 × 4 grid with target 0.8 gives a layered spec with a `cells` rect layer (colour by
 * power), a `labels` text layer and, when some row reaches the target, `contour` line and point
 * layers at the interpolated crossings.
 */
export function buildGridSpec(grid: PowerGrid, labels: GridPlotLabels = {}): TopLevelSpec {
  const rows = [...new Set(grid.cells.map((cell) => cell.row))].sort((a, b) => a - b);
  const columns = [...new Set(grid.cells.map((cell) => cell.column))].sort((a, b) => a - b);
  const rowEdges = cellEdges(rows);
  const columnEdges = cellEdges(columns);
  const values = grid.cells.map((cell) => ({
    row: cell.row,
    column: cell.column,
    row0: rowEdges.get(cell.row)![0],
    row1: rowEdges.get(cell.row)![1],
    column0: columnEdges.get(cell.column)![0],
    column1: columnEdges.get(cell.column)![1],
    power: cell.power,
    label: `${Math.round(cell.power * 100)}%`,
    dark: cell.power > 0.55,
  }));
  const rowTitle = labels.rowLabel ?? grid.rowParameter;
  const columnTitle = labels.columnLabel ?? grid.columnParameter;
  const x = {
    field: 'column0',
    type: 'quantitative',
    title: columnTitle,
    scale: {
      zero: false,
      nice: false,
      domain: [columnEdges.get(columns[0])![0], columnEdges.get(columns.at(-1)!)![1]],
    },
    axis: { values: columns, grid: false, format: axisLabelFormat(columns) },
  } as const;
  const y = {
    field: 'row0',
    type: 'quantitative',
    title: rowTitle,
    scale: { zero: false, nice: false, domain: [rowEdges.get(rows[0])![0], rowEdges.get(rows.at(-1)!)![1]] },
    axis: { values: rows, grid: false, format: axisLabelFormat(rows) },
  } as const;
  const target = grid.target;
  const contour =
    target === undefined
      ? []
      : gridContour(grid.cells, target).flatMap((point) =>
          point.column === null ? [] : [{ row: point.row, column: point.column }],
        );
  const contourLayers =
    target === undefined || contour.length === 0
      ? []
      : [
          {
            name: 'contour',
            data: { values: contour },
            mark: { type: 'line', color: '#d62728', strokeWidth: 2.5, strokeDash: [6, 3] },
            encoding: {
              x: { ...x, field: 'column' },
              y: { ...y, field: 'row' },
              order: { field: 'row', type: 'quantitative' },
            },
          },
          {
            name: 'contour_points',
            data: { values: contour },
            mark: { type: 'point', filled: true, color: '#d62728', size: 40 },
            encoding: { x: { ...x, field: 'column' }, y: { ...y, field: 'row' } },
          },
        ];
  const subtitle = [
    labels.subtitle,
    target === undefined ? undefined : `dashed red: where power reaches the target ${Math.round(target * 1000) / 10}%`,
  ].filter((line): line is string => line !== undefined);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: labels.title ?? `Power of ${grid.targetDescription}`,
      ...(subtitle.length > 0 ? { subtitle } : {}),
    },
    width: 560,
    height: 360,
    layer: [
      {
        data: { values },
        layer: [
          {
            name: 'cells',
            mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
            encoding: {
              x,
              x2: { field: 'column1' },
              y,
              y2: { field: 'row1' },
              color: {
                field: 'power',
                type: 'quantitative',
                title: 'Power',
                scale: { domain: [0, 1], scheme: 'blues' },
                legend: { format: '.0%' },
              },
            },
          },
          {
            name: 'labels',
            mark: { type: 'text', fontSize: 11 },
            encoding: {
              x: { ...x, field: 'column' },
              y: { ...y, field: 'row' },
              text: { field: 'label' },
              color: { condition: { test: 'datum.dark', value: 'white' }, value: '#222' },
            },
          },
        ],
      },
      ...contourLayers,
    ],
    // The literal's readonly tuples (domains, axis values) are not comparable to vega-lite's
    // mutable array types, though vega-lite never writes to them.
  } as unknown as TopLevelSpec;
}

/**
 * Renders a power grid to SVG text (see `buildGridSpec` for what it holds).
 *
 * Example: `await renderGridSvg(grid)` → `"<svg …>…</svg>\n"` with one rect per cell and, with a
 * target some row reaches, a dashed red contour.
 */
export async function renderGridSvg(grid: PowerGrid, labels: GridPlotLabels = {}): Promise<string> {
  return renderVegaLiteSvg(buildGridSpec(grid, labels));
}
