import { describe, expect, it } from 'vitest';
import { parseValueRange } from '../../src/search/parse-value-range.js';

describe('parseValueRange', () => {
  it('expands FROM:TO:STEP including TO', () => {
    expect(parseValueRange('design.size.treated=50:200:50')).toEqual({
      path: 'design.size.treated',
      values: [50, 100, 150, 200],
    });
  });

  it('keeps decimal steps exact', () => {
    expect(parseValueRange('outcomes.knife.effect.rateRatio=0.5:0.9:0.1').values).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('accepts a list of values', () => {
    expect(parseValueRange('design.sites.count=20,10,40').values).toEqual([10, 20, 40]);
  });

  it('rejects a missing path, a zero step, a reversed range and too many values', () => {
    expect(() => parseValueRange('100:200:10')).toThrow(/PATH=FROM:TO:STEP/);
    expect(() => parseValueRange('x=1:2:0')).toThrow(/STEP/);
    expect(() => parseValueRange('x=5:1:1')).toThrow(/TO must be/);
    expect(() => parseValueRange('x=1:10000:1')).toThrow(/at most/);
    expect(() => parseValueRange('x=1:b:1')).toThrow(/not a number/);
  });
});
