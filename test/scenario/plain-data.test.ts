import { describe, expect, it } from 'vitest';
import { firstNotPlain } from '../../src/scenario/plain-data.js';

describe('firstNotPlain', () => {
  it('accepts nested mappings, lists, text, numbers, booleans and null', () => {
    expect(firstNotPlain({ a: [1, 'x', true, null, { b: { c: [] } }] })).toBeNull();
  });

  it('accepts a block repeated by an anchor (a shared reference that is not a cycle)', () => {
    const shared = { rateRatio: 0.8 };
    expect(firstNotPlain({ outcomes: [{ effect: shared }, { effect: shared }] })).toBeNull();
  });

  it('names the path where a list that contains itself closes the cycle', () => {
    const size: unknown[] = [];
    size.push(size);
    expect(firstNotPlain({ name: 'x', design: { size } })).toEqual({
      path: ['design', 'size', 0],
      reason: 'refers back to itself (a cycle through the anchor at design.size)',
    });
  });

  it('finds a cycle through a mapping deeper down', () => {
    const cohort: Record<string, unknown> = { groups: [] };
    (cohort.groups as unknown[]).push({ id: 'youth', back: cohort });
    expect(firstNotPlain({ cohort })?.path).toEqual(['cohort', 'groups', 0, 'back']);
  });

  it('refuses values that are not plain data, naming their kind', () => {
    expect(firstNotPlain({ when: new Date(0) })).toEqual({
      path: ['when'],
      reason: 'is a Date, not plain data (a mapping, a list, text or a number)',
    });
    expect(firstNotPlain({ set: new Set([1]) })?.reason).toMatch(/^is a Set/);
    expect(firstNotPlain({ big: 10n })).toEqual({ path: ['big'], reason: 'is a bigint, which a scenario cannot hold' });
  });
});
