import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ChunkQueue } from '../../src/runner/chunk-queue.js';

function drain(queue: ChunkQueue, secondsPerTrial: number): [number, number][] {
  const chunks: [number, number][] = [];
  for (let chunk = queue.take(); chunk; chunk = queue.take()) {
    chunks.push([chunk.fromTrial, chunk.toTrial]);
    queue.observe(chunk.toTrial - chunk.fromTrial, secondsPerTrial * (chunk.toTrial - chunk.fromTrial));
  }
  return chunks;
}

describe('ChunkQueue', () => {
  test.prop([
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 5000 }),
    fc.option(fc.integer({ min: 1, max: 700 }), { nil: null }),
    fc.integer({ min: 1, max: 8 }),
    fc.double({ min: 1e-7, max: 0.5, noNaN: true }),
  ])(
    'hands out every trial of the range exactly once, in order, in non-empty chunks',
    (from, length, fixedSize, threads, secondsPerTrial) => {
      const chunks = drain(new ChunkQueue(from, from + length, fixedSize, threads), secondsPerTrial);
      let next = from;
      for (const [chunkFrom, chunkTo] of chunks) {
        expect(chunkFrom).toBe(next);
        expect(chunkTo).toBeGreaterThan(chunkFrom);
        if (fixedSize !== null) expect(chunkTo - chunkFrom).toBeLessThanOrEqual(fixedSize);
        next = chunkTo;
      }
      expect(next).toBe(from + length);
    },
  );

  test('gives a chunk handed back out again before any new chunk, and only then reports empty', () => {
    const queue = new ChunkQueue(0, 20, 10, 1);
    const first = queue.take()!;
    const second = queue.take()!;
    expect(queue.isEmpty()).toBe(true);
    queue.giveBack(second);
    queue.giveBack(first);
    expect(queue.isEmpty()).toBe(false);
    expect(queue.take()).toBe(first);
    expect(queue.take()).toBe(second);
    expect(queue.take()).toBeNull();
    expect(queue.isEmpty()).toBe(true);
  });
});
