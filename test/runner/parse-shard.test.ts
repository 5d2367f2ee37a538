import { describe, expect, test } from 'vitest';
import { parseShard, ShardSyntaxError } from '../../src/runner/parse-shard.js';

describe('parseShard', () => {
  test('reads I/N, allowing spaces around the numbers', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('10/10')).toEqual({ index: 10, count: 10 });
  });

  test.each(['2', '2/', '/3', 'a/b', '1.5/3', '-1/3', '2/3/4', ''])(
    'rejects the malformed value "%s" and shows the expected form',
    (text) => {
      expect(() => parseShard(text)).toThrow(ShardSyntaxError);
      expect(() => parseShard(text)).toThrow(/expected I\/N/);
    },
  );

  test('rejects a shard number outside 1…N, saying the allowed range', () => {
    expect(() => parseShard('0/3')).toThrow('--shard 0/3: the shard number must be from 1 to 3');
    expect(() => parseShard('4/3')).toThrow('--shard 4/3: the shard number must be from 1 to 3');
  });

  test('rejects zero shards', () => {
    expect(() => parseShard('0/0')).toThrow('--shard 0/0: the number of shards must be at least 1');
  });
});
