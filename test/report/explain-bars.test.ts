import { describe, expect, it } from 'vitest';
import { ESTIMATE_BINS } from '../../src/core/diagnosis/tally.js';
import { explainBars, sharedBinRange } from '../../src/report/explain-bars.js';
import type { ExplainPanel } from '../../src/report/explain-data.js';

function panelWith(counts: Record<number, number>, trueEffect = 0.62): ExplainPanel {
  const estimateHistogram = new Array<number>(ESTIMATE_BINS.count + 2).fill(0);
  for (const [bin, n] of Object.entries(counts)) estimateHistogram[Number(bin)] = n;
  return {
    label: 'Pilot',
    treated: 45,
    control: 120,
    estimateHistogram,
    significantHistogram: estimateHistogram.map((n) => Math.floor(n / 2)),
    trueEffect,
    power: 0.4,
    exaggeration: 1.5,
    typeS: 0,
    meanSignificantRatio: 0.5,
  };
}

const width = (ESTIMATE_BINS.max - ESTIMATE_BINS.min) / ESTIMATE_BINS.count;

describe('sharedBinRange', () => {
  it('spans every panel’s estimates, the truth and the no-effect ratio', () => {
    // Bin 81 holds log 0 (ratio 1): floor((0 + 4) / 0.05) + 1; the truth 0.62 is in bin 71.
    expect(sharedBinRange([panelWith({ 60: 1, 70: 3 })])).toEqual([60, 81]);
    expect(sharedBinRange([panelWith({ 60: 1 }), panelWith({ 90: 2 })])).toEqual([60, 90]);
    expect(sharedBinRange([panelWith({ 75: 1 }, 0.3)])[0]).toBe(1 + Math.floor((Math.log(0.3) + 4) / width));
    expect(sharedBinRange([panelWith({ 75: 1 }, Number.NaN)])).toEqual([75, 81]);
  });
});

describe('explainBars', () => {
  it('keeps every count, reporting the under- and overflow as outside', () => {
    const panel = panelWith({ 0: 2, 60: 5, 61: 7, 80: 1, [ESTIMATE_BINS.count + 1]: 3 });
    const result = explainBars(panel, [60, 81]);
    expect(result.total).toBe(18);
    expect(result.outside).toBe(5);
    expect(result.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(13);
    expect(result.bars).toHaveLength(22);
  });

  it('puts each bar at its ratio bounds, merging neighbouring bins when asked', () => {
    const panel = panelWith({ 81: 4, 82: 6, 83: 1 });
    const merged = explainBars(panel, [81, 83], 2);
    expect(merged.bars.map((bar) => bar.count)).toEqual([10, 1]);
    expect(merged.bars.map((bar) => bar.significant)).toEqual([5, 0]);
    expect(merged.bars[0].ratioLow).toBeCloseTo(1, 12);
    expect(merged.bars[0].ratioHigh).toBeCloseTo(Math.exp(2 * width), 12);
    expect(merged.bars[1].ratioHigh).toBeCloseTo(Math.exp(3 * width), 12);
  });
});
