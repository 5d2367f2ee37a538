/**
 * The power-curve plot of `curve` and `sample-size --svg`: power against the varied parameter,
 * one line per outcome with its 95% Monte Carlo interval as a band, and the target power as a
 * dashed horizontal line with its label.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PowerCurve } from '../power-curve.js';
import { renderVegaLiteSvg } from './render-vega-lite-svg.js';

/** Labels of the plot; the parameter path is used when no label is given. */
export interface CurvePlotLabels {
  /** Plot title (default `Power by <parameter>`). */
  readonly title?: string;
  /** Subtitle, e.g. the scenario name and trial count. */
  readonly subtitle?: string;
  /** Axis title for the varied parameter (default: the parameter path). */
  readonly parameterLabel?: string;
  /** A value to mark with a vertical line and label, e.g. the sample size `sample-size` found. */
  readonly marker?: { readonly value: number; readonly label: string };
}

/**
 * Builds the vega-lite specification of a power curve (exported so tests and other outputs can
 * inspect it without rendering).
 *
 * Example: a curve with outcomes knife and crime at 3 values each and target 0.8 gives a layered
 * spec with a band layer, a line layer (colour by outcome), a point layer, a target rule and its
 * label (and, with `labels.marker`, a vertical rule and label at the marked value).
 */
export function buildCurveSpec(curve: PowerCurve, labels: CurvePlotLabels = {}): TopLevelSpec {
  const values = [...curve.points]
    .sort((a, b) => a.value - b.value)
    .map((p) => ({ value: p.value, outcome: p.outcome, power: p.power, lower: p.powerCI[0], upper: p.powerCI[1] }));
  const xTitle = labels.parameterLabel ?? curve.parameter;
  const x = {
    field: 'value',
    type: 'quantitative',
    title: xTitle,
    scale: { zero: false, nice: false },
    axis: { tickCount: 8 },
  } as const;
  const y = { type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', title: 'Power' } } as const;
  const color = {
    field: 'outcome',
    type: 'nominal',
    title: 'Outcome',
    legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, symbolSize: 240 },
  } as const;
  const target = curve.target;
  const targetLayers =
    target === undefined
      ? []
      : [
          {
            name: 'target_rule',
            data: { values: [{ target }] },
            mark: { type: 'rule', strokeDash: [6, 4], color: '#444', strokeWidth: 1.5 },
            encoding: { y: { field: 'target', type: 'quantitative' } },
          },
          {
            name: 'target_label',
            data: { values: [{ target, label: `target ${Math.round(target * 1000) / 10}%` }] },
            mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -3, color: '#444', fontSize: 11 },
            encoding: { y: { field: 'target', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } },
          },
        ];
  const marker = labels.marker;
  const markerLayers =
    marker === undefined
      ? []
      : [
          {
            name: 'marker_rule',
            data: { values: [marker] },
            mark: { type: 'rule', strokeDash: [2, 3], color: '#444', strokeWidth: 1.5 },
            encoding: { x: { field: 'value', type: 'quantitative' } },
          },
          {
            name: 'marker_label',
            data: { values: [marker] },
            mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, color: '#444', fontSize: 11 },
            encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 318 }, text: { field: 'label' } },
          },
        ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: labels.title ?? `Power by ${curve.parameter}`,
      ...(labels.subtitle ? { subtitle: labels.subtitle } : {}),
    },
    width: 560,
    height: 320,
    layer: [
      {
        data: { values },
        layer: [
          {
            name: 'interval_band',
            mark: { type: 'area', opacity: 0.18 },
            encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' }, color },
          },
          {
            name: 'power_line',
            mark: { type: 'line', strokeWidth: 2 },
            encoding: { x, y: { ...y, field: 'power' }, color },
          },
          {
            name: 'power_points',
            mark: { type: 'point', filled: true, size: 36 },
            encoding: { x, y: { ...y, field: 'power' }, color },
          },
        ],
      },
      ...targetLayers,
      ...markerLayers,
    ],
  } as TopLevelSpec;
}

/**
 * Renders a power curve to SVG text (see `buildCurveSpec` for what it holds).
 *
 * Example: `await renderCurveSvg({ parameter: 'design.size.treated', target: 0.8, points })`
 * → `"<svg …>…</svg>\n"` with one line path per outcome and a dashed rule at 80%.
 */
export async function renderCurveSvg(curve: PowerCurve, labels: CurvePlotLabels = {}): Promise<string> {
  return renderVegaLiteSvg(buildCurveSpec(curve, labels));
}
