/**
 * The tornado chart of `trialsim sensitivity`: one horizontal bar per uncertain input, most
 * influential at the top, spanning the answer (power, or the required size) from the input's low
 * end to its high end, with a 95% Monte Carlo interval drawn as a whisker at each end and a
 * vertical line at the answer with every input at its central value.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatInputValue, type SensitivityTable } from '../sensitivity-table.js';
import { renderVegaLiteSvg } from './render-vega-lite-svg.js';

/** Titles of the chart. */
export interface TornadoLabels {
  readonly title?: string;
  readonly subtitle?: string;
}

/**
 * Builds the vega-lite specification (exported so tests can inspect it without rendering).
 *
 * Example: a table of 5 inputs gives a layered spec whose `bars` layer has 10 half-bars (from the
 * baseline to each end), a `whiskers` layer with 10 intervals and a `baseline` rule.
 */
export function buildTornadoSpec(table: SensitivityTable, labels: TornadoLabels = {}): TopLevelSpec {
  const baseline = table.baseline.estimate ?? 0;
  const order = table.rows.map((row) => row.path);
  const ends = table.rows.flatMap((row) =>
    (['low', 'high'] as const).flatMap((end) => {
      const estimate = row[end];
      if (estimate.estimate === null) return [];
      return [
        {
          input: row.path,
          end: end === 'low' ? 'low end of the range' : 'high end of the range',
          from: baseline,
          to: estimate.estimate,
          lower: estimate.ci?.[0] ?? estimate.estimate,
          upper: estimate.ci?.[1] ?? estimate.estimate,
          label: formatInputValue(estimate.value),
          // The value's label sits beyond the interval, on the side its bar points to.
          labelAt:
            estimate.estimate >= baseline
              ? (estimate.ci?.[1] ?? estimate.estimate)
              : (estimate.ci?.[0] ?? estimate.estimate),
          align: estimate.estimate >= baseline ? 'left' : 'right',
        },
      ];
    }),
  );
  const isPower = table.measure === 'power';
  const xTitle = isPower
    ? `Power of ${table.targetDescription}`
    : `${table.sizeParameter} needed for ${Math.round((table.targetPower ?? 0) * 100)}% power`;
  const x = {
    type: 'quantitative',
    title: xTitle,
    ...(isPower ? { axis: { format: '.0%' } } : {}),
    scale: { zero: false, nice: true, padding: 30 },
  } as const;
  const y = {
    field: 'input',
    type: 'nominal',
    title: null,
    sort: order,
    axis: { labelLimit: 320 },
    scale: { paddingInner: 0.35 },
  } as const;
  // Each input's band is split in two, low end above and high end below, so two bars pointing the
  // same way (both ends raise power, say) sit side by side instead of one hiding the other.
  const yOffset = { field: 'end', type: 'nominal', sort: ['low end of the range', 'high end of the range'] } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: labels.title ?? `Which assumptions move the answer`,
      subtitle: [
        ...(labels.subtitle ? [labels.subtitle] : []),
        'bars: each input moved from its central value to the ends of its range, the others central',
        'whiskers: 95% Monte Carlo intervals · numbers: the input’s value · dashed: every input central',
      ],
    },
    width: 520,
    height: Math.max(120, 44 * table.rows.length),
    layer: [
      {
        data: { values: ends },
        layer: [
          {
            name: 'bars',
            mark: { type: 'bar', opacity: 0.85 },
            encoding: {
              y,
              yOffset,
              x: { ...x, field: 'from' },
              x2: { field: 'to' },
              color: {
                field: 'end',
                type: 'nominal',
                title: null,
                scale: { domain: ['low end of the range', 'high end of the range'], range: ['#4c78a8', '#f58518'] },
                legend: { orient: 'bottom', labelLimit: 300 },
              },
            },
          },
          {
            name: 'whiskers',
            mark: { type: 'rule', strokeWidth: 1.5, color: '#222' },
            encoding: { y, yOffset, x: { ...x, field: 'lower' }, x2: { field: 'upper' } },
          },
          // Four label layers: left or right of the whisker, each in its own end's half-band.
          ...(['left', 'right'] as const).flatMap((align) =>
            (['low', 'high'] as const).map((end) => ({
              name: `values_${align}_${end}`,
              transform: [{ filter: `datum.align === '${align}' && datum.end === '${end} end of the range'` }],
              mark: {
                type: 'text',
                fontSize: 10,
                align,
                dx: align === 'left' ? 4 : -4,
                color: '#333',
              },
              encoding: { y, yOffset, x: { ...x, field: 'labelAt' }, text: { field: 'label' } },
            })),
          ),
        ],
      },
      {
        name: 'baseline',
        data: { values: [{ baseline }] },
        mark: { type: 'rule', color: '#d62728', strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { x: { ...x, field: 'baseline' } },
      },
    ],
  } as TopLevelSpec;
}

/** The tornado chart as SVG text. */
export async function renderTornadoSvg(table: SensitivityTable, labels: TornadoLabels = {}): Promise<string> {
  return renderVegaLiteSvg(buildTornadoSpec(table, labels));
}
