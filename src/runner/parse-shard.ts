import { UserError } from '../errors/user-error.js';

/** Which shard of a run to do: `index` of `count`, 1-based (`--shard 2/3` → { index: 2, count: 3 }). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** A malformed `--shard` value: a user error (exit 2) saying what was expected. */
export class ShardSyntaxError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ShardSyntaxError';
  }
}

/**
 * Reads a `--shard` value written as I/N: whole numbers with 1 ≤ I ≤ N. Anything else throws a
 * `ShardSyntaxError` whose message says what was expected.
 *
 * Example: parseShard("2/3") → { index: 2, count: 3 }; parseShard("4/3") throws
 * "--shard 4/3: the shard number must be from 1 to 3".
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new ShardSyntaxError(`--shard ${text}: expected I/N, shard I of N, e.g. --shard 2/3`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1)
    throw new ShardSyntaxError(`--shard ${text}: the number of shards must be at least 1`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new ShardSyntaxError(`--shard ${text}: the shard number must be from 1 to ${count}`);
  }
  return { index, count };
}
