/**
 * The stopping picture of a group-sequential design (`run --svg`): at each look, the share of
 * trials stopping there for efficacy and for futility, with the effect and with none (the paired
 * null run), as stacked bars side by side. Field meanings: docs/json-output.md ("sequential").
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SequentialDiagnosis } from '../../core/diagnosis/sequential-diagnosis.js';
import { renderVegaLiteSvg } from './render-vega-lite-svg.js';

/** One bar segment: a look, a run (with the effect, or none) and why trials stopped. */
interface StoppingBar {
  readonly look: string;
  readonly run: string;
  readonly reason: string;
  readonly share: number;
}

const WITH_EFFECT = 'effect';
const NO_EFFECT = 'no effect';

/**
 * The bar segments of a design's looks: per look and run, the share stopping for efficacy (futility
 * obeyed; with no effect these are the type I errors spent) and for futility.
 *
 * @example 3 looks with a null run → 12 segments, the first
 *   { look: 'look 1 (t = 0.5)', run: 'effect', reason: 'efficacy', share: 0.169 }
 */
export function stoppingBars(s: SequentialDiagnosis): StoppingBar[] {
  return s.looks.flatMap((look) => {
    const name = `look ${look.look} (t = ${look.informationFraction})`;
    const bars: StoppingBar[] = [
      { look: name, run: WITH_EFFECT, reason: 'efficacy', share: look.stopEfficacy },
      { look: name, run: WITH_EFFECT, reason: 'futility', share: look.stopFutility },
    ];
    if (look.nullStopEfficacy !== null && look.nullStopFutility !== null) {
      bars.push(
        { look: name, run: NO_EFFECT, reason: 'efficacy', share: look.nullStopEfficacy },
        { look: name, run: NO_EFFECT, reason: 'futility', share: look.nullStopFutility },
      );
    }
    return bars;
  });
}

/**
 * The vega-lite specification of the stopping picture (exported so tests can inspect it).
 *
 * @example buildStoppingSpec(summary.sequential, 'milton-keynes-sequential · 2,000 trials') → a bar
 *   chart faceted into columns by look, one bar per run, stacked by reason
 */
export function buildStoppingSpec(s: SequentialDiagnosis, subtitle: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Where trials stop: ${s.outcome} at ${s.looks.length} looks`,
      subtitle: [subtitle, 'each look: trials with the effect, and with none (the paired null run); futility obeyed'],
    },
    data: { values: stoppingBars(s) },
    facet: { column: { field: 'look', type: 'ordinal', title: null, sort: null } },
    spec: {
      width: 150,
      height: 260,
      mark: { type: 'bar' },
      encoding: {
        x: {
          field: 'run',
          type: 'nominal',
          title: null,
          sort: [WITH_EFFECT, NO_EFFECT],
          axis: { labelAngle: 0 },
        },
        y: {
          field: 'share',
          type: 'quantitative',
          stack: 'zero',
          scale: { domain: [0, 1] },
          axis: { format: '.0%', title: 'Share of trials stopping at this look' },
        },
        color: { field: 'reason', type: 'nominal', title: 'Stopped for', sort: ['efficacy', 'futility'] },
        order: { field: 'reason', sort: 'ascending' },
        tooltip: [
          { field: 'run', type: 'nominal' },
          { field: 'reason', type: 'nominal' },
          { field: 'share', type: 'quantitative', format: '.1%' },
        ],
      },
    },
  } as TopLevelSpec;
}

/**
 * Renders the stopping picture to SVG text.
 *
 * @example await renderStoppingSvg(summary.sequential, 'subtitle') → "<svg …>…</svg>\n"
 */
export async function renderStoppingSvg(s: SequentialDiagnosis, subtitle: string): Promise<string> {
  return renderVegaLiteSvg(buildStoppingSpec(s, subtitle));
}
