import { describe, expect, it } from 'vitest';
import { assignComplete, selectSequentially } from '../../../src/core/assignment/complete.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';

/**
 * A stand-in stream that makes `drawUniformIndex` return the given indices in turn: index t of a
 * range of n is the uniform (t + ½)/n, the middle of t's share of [0, 1).
 */
function indexStream(indices: readonly number[], ranges: readonly number[]): { next(): number } {
  let step = 0;
  return {
    next: () => {
      const u = (indices[step] + 0.5) / ranges[step];
      step++;
      return u;
    },
  };
}

describe('assignComplete (Floyd)', () => {
  // Exact enumeration: every sequence of uniform indices (j + 1 choices at step j) is equally
  // likely, so the subsets are uniform exactly when each comes from the same number of sequences.
  it.each([
    [5, 2],
    [6, 4],
    [7, 3],
    [6, 0],
    [6, 6],
  ])('%i people, %i treated: every treated set from the same number of index sequences', (size, treated) => {
    const smaller = Math.min(treated, size - treated);
    const ranges = Array.from({ length: smaller }, (_, s) => size - smaller + s + 1);
    const tally = new Map<string, number>();
    const walk = (prefix: number[]): void => {
      if (prefix.length === smaller) {
        const assignment = assignComplete(size, treated, indexStream(prefix, ranges));
        expect(assignment.reduce((a, b) => a + b, 0)).toBe(treated);
        const key = assignment.join('');
        tally.set(key, (tally.get(key) ?? 0) + 1);
        return;
      }
      for (let t = 0; t < ranges[prefix.length]; t++) walk([...prefix, t]);
    };
    walk([]);
    // C(size, treated) sets, each from (number of sequences) / C(size, treated) of them.
    let sets = 1;
    for (let i = 0; i < smaller; i++) sets = (sets * (size - i)) / (i + 1);
    const sequences = ranges.reduce((a, b) => a * b, 1);
    expect(tally.size).toBe(sets);
    for (const count of tally.values()) expect(count).toBe(sequences / sets);
  });

  it('treats exactly the declared number, spending one uniform per person of the smaller arm', () => {
    let spent = 0;
    const rng = trialStream(4, 0);
    const counting = { next: () => (spent++, rng.next()) };
    const assignment = assignComplete(2000, 1200, counting);
    expect(assignment.reduce((a, b) => a + b, 0)).toBe(1200);
    // Lemire's rejection redraws with probability below 2000/2^32 per index.
    expect(spent).toBeGreaterThanOrEqual(800);
    expect(spent).toBeLessThan(803);
  });
});

describe('selectSequentially', () => {
  it('chooses exactly the declared number, each unit with probability chosen/size', () => {
    const hits = new Float64Array(10);
    const rounds = 20000;
    for (let r = 0; r < rounds; r++) {
      const chosen = selectSequentially(10, 3, trialStream(5, r));
      expect(chosen.reduce((a, b) => a + b, 0)).toBe(3);
      chosen.forEach((c, i) => (hits[i] += c));
    }
    // Binomial SE of a share 0.3 over 20,000 rounds; 4 SEs.
    for (const h of hits) expect(Math.abs(h / rounds - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / rounds));
  });
});
