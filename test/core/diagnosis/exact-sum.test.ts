import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../../src/core/diagnosis/exact-sum.js';

const terms = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { maxLength: 200 });

describe('ExactSum', () => {
  test.prop([terms, fc.nat()])('gives the same bits for any split into two parts', (values, cut) => {
    const at = values.length === 0 ? 0 : cut % (values.length + 1);
    const whole = new ExactSum();
    values.forEach((v) => whole.add(v));
    const left = new ExactSum();
    const right = new ExactSum();
    values.slice(0, at).forEach((v) => left.add(v));
    values.slice(at).forEach((v) => right.add(v));
    right.merge(left);
    expect(right.value()).toBe(whole.value());
  });

  test.prop([terms])('gives the same bits in reverse order', (values) => {
    const forward = new ExactSum();
    const backward = new ExactSum();
    values.forEach((v) => forward.add(v));
    [...values].reverse().forEach((v) => backward.add(v));
    expect(backward.value()).toBe(forward.value());
  });

  test.prop([terms])('agrees with plain summation to within the rounding of each term', (values) => {
    const sum = new ExactSum();
    values.forEach((v) => sum.add(v));
    const plain = values.reduce((a, b) => a + b, 0);
    // each term is rounded to a multiple of 2^-32: error at most half of that per term
    expect(Math.abs(sum.value() - plain)).toBeLessThanOrEqual(values.length * 2 ** -33 + 1e-9);
  });

  it('stays exact past 2^53 scaled units by spilling into a BigInt', () => {
    const sum = new ExactSum();
    for (let i = 0; i < 4000; i++) sum.add(1e6);
    expect(sum.value()).toBe(4e9);
  });

  it('round-trips through its JSON form', () => {
    const sum = new ExactSum();
    [0.1, -2.5, 3.75].forEach((v) => sum.add(v));
    expect(ExactSum.fromJSON(JSON.parse(JSON.stringify(sum))).value()).toBe(sum.value());
  });

  it('refuses non-finite terms', () => {
    expect(() => new ExactSum().add(Number.NaN)).toThrow(RangeError);
  });
});
