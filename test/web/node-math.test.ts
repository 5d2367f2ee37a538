import { describe, expect, it } from 'vitest';

// Imported for its values only: the module also installs them on Math, so keep Node's first.
const node = { exp: Math.exp, log: Math.log, log1p: Math.log1p, expm1: Math.expm1, tan: Math.tan };
const { NODE_MATH } = await import('../../src/web/shims/node-math.js');
Object.assign(Math, node);

/** A fixed sequence of doubles (a linear congruential generator), so a failure names a reproducible input. */
function* inputs(count: number, scale: number, seed: number): Generator<number> {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < count; i++) {
    const u = next();
    // Half uniform over [-scale, scale], half spread over many orders of magnitude.
    yield i % 2 === 0 ? (2 * u - 1) * scale : Math.sign(u - 0.5) * 2 ** (next() * 80 - 60);
  }
}

describe('the page’s Math functions (Node 20’s V8, bit for bit)', () => {
  const cases: [keyof typeof node, number, (x: number) => boolean][] = [
    // exp: the whole normal range (below −708.4 results are subnormal, see below).
    ['exp', 708, (x) => x >= -708.39 && x <= 709.78],
    ['log', 1e6, (x) => x > 0],
    ['log1p', 50, (x) => x > -1],
    ['expm1', 700, () => true],
    ['tan', 1e4, () => true],
  ];
  it.each(cases)('%s equals Node’s Math on 200,000 inputs', (name, scale, keep) => {
    const mismatches: number[] = [];
    for (const raw of inputs(200_000, scale, name.length * 7919)) {
      const x = name === 'log' ? Math.abs(raw) : raw;
      if (!keep(x)) continue;
      if (!Object.is(NODE_MATH[name](x), node[name](x))) mismatches.push(x);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('agrees at every whole number and on a fine grid, where a special case would hide', () => {
    const mismatches: string[] = [];
    for (const name of Object.keys(node) as (keyof typeof node)[]) {
      const grid = [
        ...Array.from({ length: 1401 }, (_, i) => i - 700),
        ...Array.from({ length: 200_001 }, (_, i) => (i - 100_000) / 137),
      ];
      for (const raw of grid) {
        const x = name === 'log' ? Math.abs(raw) : name === 'log1p' ? Math.max(-0.999, raw) : raw;
        if (!Object.is(NODE_MATH[name](x), node[name](x))) mismatches.push(`${name}(${x})`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('agrees on the special values', () => {
    for (const name of Object.keys(node) as (keyof typeof node)[])
      for (const x of [0, -0, 1, -1, 2, 0.5, Infinity, -Infinity, NaN, 1e-300, 5e-324, 709.78, -745.2])
        expect(Object.is(NODE_MATH[name](x), node[name](x)), `${name}(${x})`).toBe(true);
  });

  it('differs from Node at most in the last place of subnormal exp results (below 2.2e-308)', () => {
    for (const x of inputs(20_000, 1, 3)) {
      const t = -708.4 - Math.abs(x) * 36.7;
      const difference = Math.abs(NODE_MATH.exp(t) - node.exp(t));
      expect(difference).toBeLessThanOrEqual(Number.MIN_VALUE);
    }
  });
});
