import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { mergeRunTally, runTallyToJSON, type RunTally } from '../../src/core/diagnosis/tally.js';
import { emptyTrialRows, type TrialRows } from '../../src/core/trial-rows.js';
import { ChunkCollector } from '../../src/runner/chunk-collector.js';
import type { SimulateBlock } from '../../src/runner/engine-module.js';
import { fakeDesign } from './fixtures/fake-design.js';
// @ts-expect-error -- the test double is plain JavaScript (a worker must load it), without types.
import * as fakeEngine from './fixtures/fake-simulate-block.mjs';

const simulateBlock = (fakeEngine as { simulateBlock: SimulateBlock }).simulateBlock;
const design = fakeDesign();

/** Cuts [0, total) at the given points into chunks, each with the fake engine's tally. */
function chunksOf(total: number, cuts: number[]): { fromTrial: number; toTrial: number; tally: RunTally }[] {
  const edges = [...new Set([0, ...cuts.map((cut) => cut % total), total])].sort((a, b) => a - b);
  return edges.slice(1).map((toTrial, i) => ({
    fromTrial: edges[i],
    toTrial,
    tally: simulateBlock(design, edges[i], toTrial, { withNull: true }),
  }));
}

describe('ChunkCollector', () => {
  test.prop([fc.integer({ min: 1, max: 400 }), fc.array(fc.nat(), { maxLength: 12 }), fc.nat()])(
    'gives the tally of the whole range whatever the chunks and their order of arrival',
    (total, cuts, shuffleSeed) => {
      const whole = runTallyToJSON(simulateBlock(design, 0, total, { withNull: true }));
      const chunks = chunksOf(total, cuts);
      const order = chunks
        .map((_, i) => i)
        .sort((a, b) => ((a * 7919 + shuffleSeed) % 101) - ((b * 7919 + shuffleSeed) % 101));
      const collector = new ChunkCollector(design.outcomes.length, true, 0);
      for (const i of order) collector.add(chunks[i].fromTrial, chunks[i].toTrial, chunks[i].tally);
      expect(runTallyToJSON(collector.tally())).toEqual(whole);
    },
  );

  test('keeps chunks that arrive after a gap, so an interrupted run reports every finished trial', () => {
    const collector = new ChunkCollector(design.outcomes.length, false, 0);
    collector.add(0, 10, simulateBlock(design, 0, 10, { withNull: false }));
    collector.add(20, 30, simulateBlock(design, 20, 30, { withNull: false }));
    const expected = simulateBlock(design, 0, 10, { withNull: false });
    mergeRunTally(expected, simulateBlock(design, 20, 30, { withNull: false }));
    const tally = collector.tally();
    expect(tally.trials).toBe(20);
    expect(runTallyToJSON(tally)).toEqual(runTallyToJSON(expected));
  });

  test('refuses a chunk that arrives twice (a dispatch bug would otherwise double-count trials)', () => {
    const collector = new ChunkCollector(design.outcomes.length, false, 0);
    collector.add(0, 10, simulateBlock(design, 0, 10, { withNull: false }));
    expect(() => collector.add(0, 10, simulateBlock(design, 0, 10, { withNull: false }))).toThrow(/twice/);
  });

  test.prop([fc.integer({ min: 1, max: 200 }), fc.array(fc.nat(), { maxLength: 8 }), fc.nat()])(
    'hands kept rows on in trial order whatever the order chunks arrive in',
    (total, cuts, shuffleSeed) => {
      const chunks = chunksOf(total, cuts).map((chunk) => ({ ...chunk, rows: rowsOf(chunk.fromTrial, chunk.toTrial) }));
      const order = chunks
        .map((_, i) => i)
        .sort((a, b) => ((a * 7919 + shuffleSeed) % 101) - ((b * 7919 + shuffleSeed) % 101));
      const seen: number[] = [];
      const collector = new ChunkCollector(design.outcomes.length, true, 0, (rows) => seen.push(...rows.trial));
      for (const i of order) collector.add(chunks[i].fromTrial, chunks[i].toTrial, chunks[i].tally, chunks[i].rows);
      collector.tally();
      expect(seen).toEqual([...Array(total).keys()]);
    },
  );

  test('refuses a chunk without rows when the run keeps them (a bug, not a user error)', () => {
    const collector = new ChunkCollector(design.outcomes.length, false, 0, () => undefined);
    expect(() => collector.add(0, 10, simulateBlock(design, 0, 10, { withNull: false }))).toThrow(/without rows/);
  });
});

/** Stand-in rows: one per trial of [from, to), marked only by its trial index. */
function rowsOf(fromTrial: number, toTrial: number): TrialRows {
  const rows = emptyTrialRows();
  for (let trial = fromTrial; trial < toTrial; trial++) rows.trial.push(trial);
  return rows;
}
