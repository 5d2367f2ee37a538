import type { Design } from '../core/design.js';
import { runTallyToJSON, type RunTally } from '../core/diagnosis/tally.js';
import type { Shard } from './parse-shard.js';

/** Which part of a run a shard document holds (docs/json-output.md, "Shard documents"). */
export interface ShardSection {
  readonly index: number;
  readonly count: number;
  /** The trial indices [from, to) this shard ran. */
  readonly trialRange: readonly [number, number];
  /** Trials in the whole run that the shards make up together. */
  readonly totalTrials: number;
  /** Whether the paired null run was done (every shard of a run must agree). */
  readonly withNull: boolean;
}

/**
 * The fields a `--shard I/N` run adds to its usual run document: what `trialsim merge` needs to
 * rebuild the whole run exactly — the shard's place, the compiled design (so merge needs no
 * scenario file and keeps any `--set` overrides; `design` is taken by the arm sizes) and the
 * tally with its exact sums.
 */
export interface ShardFields {
  readonly shard: ShardSection;
  readonly compiledDesign: Design;
  readonly tally: unknown;
}

/**
 * The fields to add to a shard run's document (spread them into the summary before formatting it
 * as JSON): `shard`, `compiledDesign` and `tally`.
 *
 * Example: shardFields(design, shard 2/3 of 300 trials, [100, 200], tally, true).shard →
 * { index: 2, count: 3, trialRange: [100, 200], totalTrials: 300, withNull: true }.
 */
export function shardFields(
  design: Design,
  shard: Shard,
  trialRange: readonly [number, number],
  tally: RunTally,
  withNull: boolean,
): ShardFields {
  return {
    shard: {
      index: shard.index,
      count: shard.count,
      trialRange: [trialRange[0], trialRange[1]],
      totalTrials: design.simulation.trials,
      withNull,
    },
    compiledDesign: design,
    tally: runTallyToJSON(tally),
  };
}
