/**
 * Turns the fixed-bin histograms of log estimates (`ESTIMATE_BINS`) into bars on the ratio scale
 * over the range where there is something to see, shared by the terminal and SVG views.
 */
import { ESTIMATE_BINS } from '../core/diagnosis/tally.js';
import type { ExplainPanel } from './explain-data.js';

/** One histogram bar: estimates whose ratio lies in [ratioLow, ratioHigh). */
export interface ExplainBar {
  readonly ratioLow: number;
  readonly ratioHigh: number;
  /** Trials whose estimate fell here. */
  readonly count: number;
  /** Of those, significant ones. */
  readonly significant: number;
}

/** A panel's bars within the shared range, and how many estimates fell outside it. */
export interface ExplainBars {
  readonly bars: readonly ExplainBar[];
  /** Estimates below or above the histogram's outer edges (ratio < e^−4 or ≥ e^4). */
  readonly outside: number;
  /** Trials with an estimate (the histogram's total). */
  readonly total: number;
}

const BIN_WIDTH_LOG = (ESTIMATE_BINS.max - ESTIMATE_BINS.min) / ESTIMATE_BINS.count;

/**
 * The inner-bin range (first and last index, 1-based as in the histogram) that holds every
 * estimate of every panel, the truth, and the no-effect ratio 1 — so all panels share one axis
 * on which "no effect" is visible.
 *
 * Example: estimates only in bins 60–70 and a truth of 0.62 (log −0.478, bin 71) give [60, 81]:
 * bin 81 holds the ratio 1 (log 0).
 */
export function sharedBinRange(panels: readonly ExplainPanel[]): [number, number] {
  const binOf = (logValue: number) =>
    1 + Math.min(ESTIMATE_BINS.count - 1, Math.max(0, Math.floor((logValue - ESTIMATE_BINS.min) / BIN_WIDTH_LOG)));
  let first = binOf(0);
  let last = binOf(0);
  for (const panel of panels) {
    // A ratio is positive; anything else (an undefined estimand) cannot widen the axis.
    if (panel.trueEffect > 0 && Number.isFinite(panel.trueEffect)) {
      const truthBin = binOf(Math.log(panel.trueEffect));
      first = Math.min(first, truthBin);
      last = Math.max(last, truthBin);
    }
    for (let i = 1; i <= ESTIMATE_BINS.count; i++) {
      if (panel.estimateHistogram[i] > 0) {
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
    }
  }
  return [first, last];
}

/**
 * The bars of `panel` over the inner bins `range` (from `sharedBinRange`), merging `binsPerBar`
 * neighbouring bins into one bar (the terminal view merges to fit its width).
 *
 * Example: with range [81, 84] and binsPerBar 2, bars cover ratios [1, e^0.1) and [e^0.1, e^0.2).
 */
export function explainBars(panel: ExplainPanel, range: readonly [number, number], binsPerBar = 1): ExplainBars {
  const bars: ExplainBar[] = [];
  let inside = 0;
  for (let start = range[0]; start <= range[1]; start += binsPerBar) {
    const end = Math.min(range[1], start + binsPerBar - 1);
    let count = 0;
    let significant = 0;
    for (let i = start; i <= end; i++) {
      count += panel.estimateHistogram[i];
      significant += panel.significantHistogram[i];
    }
    inside += count;
    bars.push({
      ratioLow: Math.exp(ESTIMATE_BINS.min + (start - 1) * BIN_WIDTH_LOG),
      ratioHigh: Math.exp(ESTIMATE_BINS.min + end * BIN_WIDTH_LOG),
      count,
      significant,
    });
  }
  const total = panel.estimateHistogram.reduce((sum, n) => sum + n, 0);
  return { bars, outside: total - inside, total };
}
