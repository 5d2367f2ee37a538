import { describe, expect, test } from 'vitest';
import alea from 'seedrandom/lib/alea.js';
import { AleaStream } from '../../../src/core/rng/alea-stream.js';

// The reference is seedrandom 3.0.5's own alea (an independent implementation of Baagøe's
// generator): AleaStream must give exactly its numbers, so the golden outputs cannot move.
function seedTexts(): string[] {
  const texts: string[] = [];
  for (let i = 0; i < 3000; i++) {
    texts.push(`2024:${i}`, `${i * 7919}:${i}:${i % 9}`, `${-0.375 * i}:${i * 1000003}`);
  }
  texts.push('', ' ', 'ü:€', `${Number.MAX_SAFE_INTEGER}:${Number.MAX_SAFE_INTEGER}`);
  return texts;
}

describe('AleaStream', () => {
  test("gives exactly seedrandom's alea numbers for 9,004 seed texts, 64 draws each", () => {
    let mismatches = 0;
    for (const text of seedTexts()) {
      const reference = alea(text);
      const stream = new AleaStream(text);
      for (let j = 0; j < 64; j++) if (stream.next() !== reference()) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  test('reseed restarts the stream exactly as a new one from the same text', () => {
    const stream = new AleaStream('1:2');
    for (let j = 0; j < 10; j++) stream.next();
    stream.reseed('2024:17');
    const reference = alea('2024:17');
    for (let j = 0; j < 1000; j++) expect(stream.next()).toBe(reference());
  });

  test('indexed(seed, index, purpose) gives the numbers of the text "seed:index[:purpose]"', () => {
    let mismatches = 0;
    const seeds = ['0', '2024', '-7', '0.5', '1e+21', '123456789012'];
    const indices = [0, 1, 9, 10, 99, 100, 12_345, 2 ** 31, 2 ** 53 - 1];
    for (const seed of seeds) {
      for (const index of indices) {
        for (const purpose of [-1, 0, 6, 10, 123]) {
          const text = purpose < 0 ? `${seed}:${index}` : `${seed}:${index}:${purpose}`;
          const reference = alea(text);
          const stream = AleaStream.indexed(seed, index, purpose);
          for (let j = 0; j < 32; j++) if (stream.next() !== reference()) mismatches++;
        }
      }
    }
    expect(mismatches).toBe(0);
  });

  test('the documented example', () => {
    expect(new AleaStream('2024:0').next()).toBe(0.9443821089807898);
  });
});
