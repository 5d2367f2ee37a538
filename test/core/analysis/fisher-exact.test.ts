import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { testFisherExact } from '../../../src/core/analysis/fisher-exact.js';
import { summariseArms } from '../../../src/core/analysis/outcome-data.js';
import { armsData, ONE_SIDED, TWO_SIDED } from './fixtures.js';

function binary(events1: number, n1: number, events0: number, n0: number) {
  const arm = (events: number, n: number) => Array.from({ length: n }, (_, i) => (i < events ? 1 : 0));
  return summariseArms(armsData(arm(events1, n1), arm(events0, n0)));
}

function choose(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 0; i < k; i++) result = (result * BigInt(n - i)) / BigInt(i + 1);
  return result;
}

/** Exact enumeration in integers: P(X = x) ∝ C(n1, x)·C(n0, m − x), compared by cross-multiplying. */
function enumeratedPValue(events1: number, n1: number, events0: number, n0: number, oneSided: boolean): number {
  const events = events1 + events0;
  const weights: bigint[] = [];
  for (let x = Math.max(0, events - n0); x <= Math.min(events, n1); x++)
    weights.push(choose(n1, x) * choose(n0, events - x));
  const lowest = Math.max(0, events - n0);
  const observed = weights[events1 - lowest];
  let extreme = 0n;
  let total = 0n;
  weights.forEach((weight, i) => {
    total += weight;
    if (oneSided ? i + lowest <= events1 : weight <= observed) extreme += weight;
  });
  // Ratio of two big integers to double precision.
  const scale = 10n ** 18n;
  return Number((extreme * scale) / total) / 1e18;
}

describe('Fisher exact test', () => {
  test('matches R fisher.test', () => {
    // R 4.2.2 (test/core/analysis/reference-values.R):
    // fisher.test(matrix(c(1,9,6,4),2))$p.value = 0.0572755417957, alternative="less" 0.0286377708978
    expect(testFisherExact(binary(1, 10, 6, 10), TWO_SIDED).pValue).toBeCloseTo(0.0572755417957, 12);
    expect(testFisherExact(binary(1, 10, 6, 10), ONE_SIDED).pValue).toBeCloseTo(0.0286377708978, 12);
    // fisher.test(matrix(c(3,42,12,108),2)): 0.761787055083, less 0.373524746812
    expect(testFisherExact(binary(3, 45, 12, 120), TWO_SIDED).pValue).toBeCloseTo(0.761787055083, 11);
    expect(testFisherExact(binary(3, 45, 12, 120), ONE_SIDED).pValue).toBeCloseTo(0.373524746812, 11);
    // fisher.test(matrix(c(0,45,12,108),2)) 0.0376251095734; matrix(c(7,23,7,43),2) 0.365225725376
    expect(testFisherExact(binary(0, 45, 12, 120), TWO_SIDED).pValue).toBeCloseTo(0.0376251095734, 12);
    expect(testFisherExact(binary(7, 30, 7, 50), TWO_SIDED).pValue).toBeCloseTo(0.365225725376, 11);
  });

  property.prop([fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(), fc.boolean()])(
    'equals exact enumeration of all tables with the same margins',
    (n1, n0, a, b, oneSided) => {
      const events1 = a % (n1 + 1);
      const events0 = b % (n0 + 1);
      fc.pre(events1 + events0 > 0 && events1 + events0 < n1 + n0); // otherwise a recorded failure
      const p = testFisherExact(binary(events1, n1, events0, n0), oneSided ? ONE_SIDED : TWO_SIDED).pValue;
      expect(p).toBeCloseTo(enumeratedPValue(events1, n1, events0, n0, oneSided), 12);
    },
  );

  test('fails on an empty arm, or when no one or everyone had an event (no information on the ratio)', () => {
    expect(testFisherExact(binary(0, 0, 3, 12), TWO_SIDED)).toMatchObject({ failed: true, failure: 'an arm is empty' });
    expect(testFisherExact(binary(0, 10, 0, 12), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'no events in either arm',
    });
    expect(testFisherExact(binary(10, 10, 12, 12), TWO_SIDED)).toMatchObject({
      failed: true,
      failure: 'everyone had an event',
    });
  });
});
