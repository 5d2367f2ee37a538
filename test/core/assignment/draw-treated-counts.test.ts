import { describe, expect, test } from 'vitest';
import { drawTreatedCounts, planAssignment } from '../../../src/core/assignment/assign.js';
import type { Design } from '../../../src/core/design.js';
import { layOutCells, type CellLayout } from '../../../src/core/model/cell-layout.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { designFrom } from '../../support/design-from.js';

/** The design's cell layout (its units are what the design randomises within). */
function layoutOf(design: Design): CellLayout {
  const model = prepareModel(design);
  return layOutCells(model, planAssignment(design, model));
}

const GROUPS = 'cohort: { groups: [{ id: youth, share: 0.44 }, { id: adult, share: 0.56 }] }';
const COUNT = 'outcomes: [{ id: y, kind: count, ratePerYear: 1 }]';

function draws(design: Design, times: number): Float64Array[] {
  const model = prepareModel(design);
  const plan = planAssignment(design, model);
  const layout = layOutCells(model, plan);
  const rng = trialStream(5, 0);
  return Array.from({ length: times }, () => {
    const treated = new Float64Array(layout.cellSize.length);
    drawTreatedCounts(plan, layout, rng, treated);
    return treated;
  });
}

describe('drawTreatedCounts (the cell form of the assignment)', () => {
  test('complete: 45 of 73 + 92, always 45 in all, hypergeometric in each group (mean 45·73/165, variance by the finite population)', async () => {
    const design = await designFrom(
      'complete',
      `${GROUPS}\n${COUNT}\ndesign: { followUpMonths: 12, size: { treated: 45, control: 120 } }`,
      1,
    );
    expect(Array.from(layoutOf(design).cellSize)).toEqual([73, 92]);
    const all = draws(design, 20_000);
    expect(all.every((t) => t[0] + t[1] === 45)).toBe(true);
    const mean = all.reduce((s, t) => s + t[0], 0) / all.length;
    // Hypergeometric(N = 165, K = 73, n = 45): mean 19.909, variance n·K/N·(1 − K/N)·(N − n)/(N − 1) = 4.0512
    const variance = 45 * (73 / 165) * (92 / 165) * (120 / 164);
    expect(Math.abs(mean - (45 * 73) / 165)).toBeLessThan(4 * Math.sqrt(variance / all.length));
  });

  test('stratified by group: 20 youth and 25 adults treated every time (45 spread by largest remainder)', async () => {
    const design = await designFrom(
      'stratified',
      `${GROUPS}\n${COUNT}\ndesign: { followUpMonths: 12, size: { treated: 45, control: 120 }, randomisation: stratified }`,
      1,
    );
    expect(draws(design, 50).every((t) => t[0] === 20 && t[1] === 25)).toBe(true);
  });

  test('stratified with blocks of 10: each block is complete within, and the total is exact', async () => {
    const design = await designFrom(
      'blocks',
      `${GROUPS}\n${COUNT}\ndesign: { followUpMonths: 12, size: { total: 100, treated: 50 }, randomisation: stratified, blockSize: 10 }`,
      1,
    );
    const layout = layoutOf(design);
    expect(layout.unitCount).toBe(11); // 44 youth → blocks 10, 10, 10, 10, 4; 56 adults → five of 10 and one of 6
    for (const treated of draws(design, 200)) {
      expect(treated.reduce((s, t) => s + t, 0)).toBe(50);
      layout.cellSize.forEach((size, c) => expect(treated[c]).toBeLessThanOrEqual(size));
    }
  });

  test('cluster: whole sites, round(8 × ½) = 4 of them', async () => {
    const design = await designFrom(
      'cluster',
      `${COUNT}\ndesign: { followUpMonths: 12, size: { total: 80 }, randomisation: cluster, sites: { count: 8, rateCV: 0.2 } }`,
      1,
    );
    const layout = layoutOf(design);
    for (const treated of draws(design, 100)) {
      let sites = 0;
      layout.cellSize.forEach((size, c) => {
        expect(treated[c] === 0 || treated[c] === size).toBe(true);
        if (treated[c] === size) sites += 1;
      });
      expect(sites).toBe(4);
    }
  });

  test('simple: each person with the treated share, so a cell of 100 has Binomial(100, 0.3)', async () => {
    const design = await designFrom(
      'simple',
      `${COUNT}\ndesign: { followUpMonths: 12, size: { treated: 30, control: 70 }, randomisation: simple }`,
      1,
    );
    const all = draws(design, 20_000);
    const mean = all.reduce((s, t) => s + t[0], 0) / all.length;
    const variance = all.reduce((s, t) => s + (t[0] - mean) ** 2, 0) / (all.length - 1);
    expect(Math.abs(mean - 30)).toBeLessThan(4 * Math.sqrt(21 / all.length));
    // Var of a sample variance ≈ 2σ⁴/(n − 1) for a near-normal count.
    expect(Math.abs(variance - 21)).toBeLessThan(4 * Math.sqrt((2 * 21 * 21) / (all.length - 1)));
  });
});
