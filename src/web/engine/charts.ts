/**
 * The page's pictures as SVG text, drawn by the command line's own vega-lite renderers where one
 * exists (the `explain --svg` histogram, the `curve --svg` power curve), so what is on screen is
 * what is downloaded, and what a report made with the command line shows.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Design } from '../../core/design.js';
import type { RunSummary } from '../../core/diagnosis/run-summary.js';
import type { RunTally } from '../../core/diagnosis/tally.js';
import { explainData, explainPanelOf } from '../../report/explain-panel.js';
import type { PowerCurve } from '../../report/power-curve.js';
import { renderCurveSvg, type CurvePlotLabels } from '../../report/svg/render-curve-svg.js';
import { renderExplainSvg } from '../../report/svg/render-explain-svg.js';
import { renderVegaLiteSvg } from '../../report/svg/render-vega-lite-svg.js';
import type { TrialSample } from './trial-sample.js';

/**
 * The sampling distribution of outcome k's estimated ratio over the run's trials, significant
 * results in colour, the true effect and "no effect" marked, and the average significant result
 * (the winner's curse): `trialsim explain --svg`'s panel for the design as written.
 */
export function estimateHistogramSvg(design: Design, summary: RunSummary, tally: RunTally, k: number): Promise<string> {
  const label = `${tally.trials.toLocaleString('en-GB')} simulated trials`;
  return renderExplainSvg(explainData(design, k, [explainPanelOf(design, label, tally, k, summary.results[k])]));
}

/** Bins of the p-value histogram: twenty of width 0.05, so at α = 0.05 the first bin is exactly "significant". */
export const P_VALUE_BINS = 20;

/**
 * Counts of outcome k's p-values in `P_VALUE_BINS` equal bins over [0, 1], split by p < alpha;
 * failed analyses are left out (they have no p-value) and counted apart.
 *
 * Example: p-values 0.01, 0.03, 0.5 at alpha 0.05 → bin 0: 2 significant; bin 10: 1 not; failed 0.
 */
export function pValueBins(
  samples: readonly TrialSample[],
  k: number,
  alpha: number,
): { bins: { from: number; to: number; significant: number; notSignificant: number }[]; failed: number } {
  const bins = Array.from({ length: P_VALUE_BINS }, (_, i) => ({
    from: i / P_VALUE_BINS,
    to: (i + 1) / P_VALUE_BINS,
    significant: 0,
    notSignificant: 0,
  }));
  let failed = 0;
  for (const sample of samples) {
    const outcome = sample.outcomes[k];
    if (outcome.failed || !Number.isFinite(outcome.pValue)) {
      failed += 1;
      continue;
    }
    const bin = bins[Math.min(P_VALUE_BINS - 1, Math.floor(outcome.pValue * P_VALUE_BINS))];
    if (outcome.pValue < alpha) bin.significant += 1;
    else bin.notSignificant += 1;
  }
  return { bins, failed };
}

/**
 * The histogram of outcome k's p-values over the sampled trials, significant ones (p < alpha) in
 * the colour of the estimate histogram. With no effect it is flat; with a real effect it piles up
 * near 0 — the more, the higher the power.
 */
export function pValueHistogramSvg(
  samples: readonly TrialSample[],
  k: number,
  alpha: number,
  title: string,
): Promise<string> {
  const { bins, failed } = pValueBins(samples, k, alpha);
  const counted = samples.length - failed;
  const values = bins.flatMap((bin) => [
    { from: bin.from, to: bin.to, result: 'significant', low: 0, high: bin.significant / Math.max(1, counted) },
    {
      from: bin.from,
      to: bin.to,
      result: 'not significant',
      low: bin.significant / Math.max(1, counted),
      high: (bin.significant + bin.notSignificant) / Math.max(1, counted),
    },
  ]);
  const spec = {
    title: {
      text: title,
      subtitle: `${counted.toLocaleString('en-GB')} simulated trials${failed > 0 ? ` (${failed} could not be analysed)` : ''} · dashed line: α = ${alpha}`,
    },
    width: 380,
    height: 220,
    layer: [
      {
        data: { values },
        mark: { type: 'rect' },
        encoding: {
          x: {
            field: 'from',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            axis: { title: 'p-value', tickCount: 10 },
          },
          x2: { field: 'to' },
          y: { field: 'low', type: 'quantitative', axis: { title: 'Share of trials', format: '.0%' } },
          y2: { field: 'high' },
          color: {
            field: 'result',
            type: 'nominal',
            title: 'Result',
            scale: { domain: ['significant', 'not significant'], range: ['#d6604d', '#bdbdbd'] },
            // Below the bars, so the chart keeps its width in the page's narrower column.
            legend: { orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
      {
        data: { values: [{ alpha }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#444' },
        encoding: { x: { field: 'alpha', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
  return renderVegaLiteSvg(spec);
}

/** The power curve of `trialsim curve --svg`. */
export function powerCurveSvg(curve: PowerCurve, labels: CurvePlotLabels): Promise<string> {
  return renderCurveSvg(curve, labels);
}

export type { CurvePlotLabels, PowerCurve };
