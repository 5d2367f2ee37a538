/**
 * The picture of `explain --svg`: for each size (pilot, planned), the sampling distribution of the
 * estimated ratio over simulated trials as a histogram on a log axis, the significant estimates
 * highlighted, a solid line at the true effect and a dashed one at "no effect" (ratio 1). Panels
 * sit side by side on one shared axis; each panel's title carries its power and how much the
 * significant results exaggerate the effect (the winner's curse).
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatPercent, formatRatio } from '../format-numbers.js';
import { explainBars, sharedBinRange } from '../explain-bars.js';
import type { ExplainData, ExplainPanel } from '../explain-data.js';
import { renderVegaLiteSvg } from './render-vega-lite-svg.js';

const NOT_SIGNIFICANT = 'not significant';
const SIGNIFICANT = 'significant';

function panelSubtitle(panel: ExplainPanel): string {
  const parts = [`power ${formatPercent(panel.power, 0)}`];
  if (panel.exaggeration !== null) parts.push(`exaggeration ${panel.exaggeration.toFixed(2)}× (log scale)`);
  if (panel.typeS !== null && panel.typeS > 0) parts.push(`wrong sign ${formatPercent(panel.typeS)}`);
  return parts.join(' · ');
}

function panelSpec(
  panel: ExplainPanel,
  index: number,
  range: readonly [number, number],
  data: ExplainData,
  domain: [number, number],
) {
  const { bars, total } = explainBars(panel, range);
  const share = (n: number) => (total > 0 ? n / total : 0);
  // Each bar is two rectangles drawn from precomputed heights: the significant share from 0 up,
  // the rest on top, so the red part reads as "this much of the bar was significant".
  const values = bars
    .flatMap((bar) => [
      { low: bar.ratioLow, high: bar.ratioHigh, result: SIGNIFICANT, from: 0, to: share(bar.significant) },
      {
        low: bar.ratioLow,
        high: bar.ratioHigh,
        result: NOT_SIGNIFICANT,
        from: share(bar.significant),
        to: share(bar.count),
      },
    ])
    .filter((row) => row.to > row.from);
  const x = {
    field: 'low',
    type: 'quantitative',
    scale: { type: 'log', domain, nice: false },
    axis: { title: `Estimated ${data.ratioName} (log scale)`, tickCount: 6 },
  } as const;
  return {
    title: {
      text: `${panel.label}: ${panel.treated} treated, ${panel.control} control`,
      subtitle: panelSubtitle(panel),
    },
    width: 340,
    height: 240,
    layer: [
      {
        // Names must be unique across panels, or vega-lite merges their data.
        name: `estimate_bars_${index}`,
        data: { values },
        mark: { type: 'rect' },
        encoding: {
          x,
          x2: { field: 'high' },
          y: { field: 'from', type: 'quantitative', axis: { title: 'Share of trials', format: '.0%' } },
          y2: { field: 'to' },
          color: {
            field: 'result',
            type: 'nominal',
            title: 'Result',
            scale: { domain: [SIGNIFICANT, NOT_SIGNIFICANT], range: ['#d6604d', '#bdbdbd'] },
          },
        },
      },
      {
        name: `no_effect_rule_${index}`,
        data: { values: [{ ratio: 1, label: 'no effect' }] },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [4, 3], color: '#777' },
            encoding: { x: { field: 'ratio', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, y: 2, color: '#777', fontSize: 10 },
            encoding: { x: { field: 'ratio', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
      {
        name: `truth_rule_${index}`,
        data: { values: [{ ratio: panel.trueEffect, label: `true effect ${formatRatio(panel.trueEffect)}` }] },
        layer: [
          {
            mark: { type: 'rule', color: '#2166ac', strokeWidth: 2 },
            encoding: { x: { field: 'ratio', type: 'quantitative' } },
          },
          {
            mark: {
              type: 'text',
              align: 'right',
              baseline: 'top',
              dx: -3,
              y: 2,
              color: '#2166ac',
              fontSize: 10,
              fontWeight: 'bold',
            },
            encoding: { x: { field: 'ratio', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
      ...significantAverageLayers(panel, index),
    ],
  };
}

/**
 * The winner's curse made visible: a dashed line at the ratio a significant result in the true
 * direction shows on average (`meanSignificantRatio`, the number the plain reading under the
 * panel states). None when no trial was significant in the true direction, or there is no effect.
 *
 * Example: truth 0.80 where significant trials average a ratio of 0.667 → a line at 0.667.
 */
function significantAverageLayers(panel: ExplainPanel, index: number) {
  const ratio = panel.meanSignificantRatio;
  if (ratio === null || !(ratio > 0) || panel.trueEffect === 1) return [];
  const align = ratio < panel.trueEffect ? 'right' : 'left';
  return [
    {
      name: `significant_average_rule_${index}`,
      data: { values: [{ ratio, label: `significant results average ${formatRatio(ratio)}` }] },
      layer: [
        {
          mark: { type: 'rule', strokeDash: [5, 3], color: '#b2182b', strokeWidth: 1.5, clip: true },
          encoding: { x: { field: 'ratio', type: 'quantitative' } },
        },
        {
          mark: {
            type: 'text',
            align,
            baseline: 'top',
            dx: align === 'right' ? -3 : 3,
            y: 16,
            color: '#b2182b',
            fontSize: 10,
          },
          encoding: { x: { field: 'ratio', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  ];
}

/**
 * Builds the vega-lite specification of the teaching picture (exported for inspection).
 *
 * Example: data with panels Pilot (45/120) and Planned (200/200) gives an `hconcat` of two
 * layered panels, each with stacked estimate bars, a no-effect rule, a truth rule and a rule at
 * the average significant result.
 */
export function buildExplainSpec(data: ExplainData): TopLevelSpec {
  const range = sharedBinRange(data.panels);
  const all = data.panels.map((panel) => explainBars(panel, range).bars);
  const low = Math.min(...all.map((bars) => bars[0].ratioLow));
  const high = Math.max(...all.map((bars) => bars[bars.length - 1].ratioHigh));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${data.outcomeLabel}: what one trial could show`,
      subtitle: [
        `Estimated ${data.ratioName} across simulated trials. Red bars: significant results.`,
        'Blue line: the true effect. Red dashes: where significant results land on average.',
        'Exaggeration: how many times, on average, a significant estimate overstates the true effect.',
      ],
    },
    hconcat: data.panels.map((panel, index) => panelSpec(panel, index, range, data, [low, high])),
    resolve: { scale: { y: 'shared', x: 'shared', color: 'shared' } },
  } as TopLevelSpec;
}

/**
 * Renders the teaching picture to SVG text (see `buildExplainSpec`).
 *
 * Example: `await renderExplainSvg(data)` → `"<svg …>…</svg>\n"` with two panels titled
 * `Pilot: 45 treated, 120 control` and `Planned: 200 treated, 200 control`.
 */
export async function renderExplainSvg(data: ExplainData): Promise<string> {
  return renderVegaLiteSvg(buildExplainSpec(data));
}
