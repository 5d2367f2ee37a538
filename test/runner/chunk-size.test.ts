import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CHUNK_TARGET_SECONDS, MAX_CHUNK_TRIALS, nextChunkSize } from '../../src/runner/chunk-size.js';

describe('nextChunkSize', () => {
  test.prop([fc.integer({ min: 1, max: MAX_CHUNK_TRIALS }), fc.double({ min: 1e-9, max: 100, noNaN: true })])(
    'is a whole number from 1 to the cap, at most four times the previous size, and no longer than the target unless one trial is',
    (previous, secondsPerTrial) => {
      const size = nextChunkSize(previous, secondsPerTrial);
      expect(Number.isInteger(size)).toBe(true);
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size).toBeLessThanOrEqual(Math.min(MAX_CHUNK_TRIALS, 4 * previous));
      if (size > 1) expect(size * secondsPerTrial).toBeLessThanOrEqual(CHUNK_TARGET_SECONDS * (1 + 1e-12));
    },
  );

  test('grows by at most 4× when trials are fast, and falls to one trial when a trial is slow', () => {
    expect(nextChunkSize(16, 0.001)).toBe(64);
    expect(nextChunkSize(500, 0.0005)).toBe(200);
    expect(nextChunkSize(64, 3)).toBe(1);
  });

  test('grows 4× when the speed is not yet known', () => {
    expect(nextChunkSize(4, Number.NaN)).toBe(16);
  });
});
