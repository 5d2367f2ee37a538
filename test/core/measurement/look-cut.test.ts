import { describe, expect, test } from 'vitest';
import type { AnalysisInput } from '../../../src/core/analysis/analysis-input.js';
import { summariseArms, type OutcomeData } from '../../../src/core/analysis/outcome-data.js';
import { cutAtLooks, peopleAtLooks } from '../../../src/core/measurement/look-cut.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';

/** 60 treated and 50 control analysed people of 130 recruited (20 unobserved); value = their id. */
function personInput(): AnalysisInput {
  const size = 110;
  const people: OutcomeData = {
    values: Float64Array.from({ length: size }, (_, i) => i),
    treated: Uint8Array.from({ length: size }, (_, i) => (i % 11 < 6 ? 1 : 0)),
    prior: null,
    integerValued: true,
  };
  return {
    summaries: summariseArms(people, false),
    people,
    clusters: null,
    caseworkerClusters: null,
    rerandomiser: null,
  };
}

/** The same arms as counts-of-counts only (the cell form's input). */
function cellInput(): AnalysisInput {
  const treated = Float64Array.from([30, 20, 10]);
  const control = Float64Array.from([25, 15, 10]);
  const arm = (h: Float64Array) => ({
    n: h[0] + h[1] + h[2],
    sum: h[1] + 2 * h[2],
    sumSquares: h[1] + 4 * h[2],
    positives: h[1] + h[2],
    histogram: h,
  });
  return {
    summaries: { treated: arm(treated), control: arm(control) },
    people: null,
    clusters: null,
    caseworkerClusters: null,
    rerandomiser: null,
  };
}

describe('peopleAtLooks', () => {
  test('⌈t·N⌉, with 0.3·1000 staying 300', () => {
    expect(peopleAtLooks([0.5, 0.75, 1], 165)).toEqual([83, 124, 165]);
    expect(peopleAtLooks([0.3, 0.6, 1], 1000)).toEqual([300, 600, 1000]);
  });
});

describe('cutAtLooks', () => {
  test('person form: looks are nested subsets of the analysed people, in order, the last the input itself', () => {
    const input = personInput();
    const rng = trialStream(5, 0);
    for (let r = 0; r < 200; r++) {
      const looks = cutAtLooks(input, 130, [40, 65, 130], rng);
      expect(looks[2]).toBe(input);
      for (let k = 0; k < 2; k++) {
        const ids = [...looks[k].people!.values];
        const next = new Set(looks[k + 1].people!.values);
        expect(ids.every((id) => next.has(id))).toBe(true);
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        expect(looks[k].summaries.treated.n + looks[k].summaries.control.n).toBeLessThanOrEqual([40, 65][k]);
        ids.forEach((id, j) => expect(looks[k].people!.treated[j]).toBe(input.people!.treated[id]));
      }
    }
  });

  test('cell form: each look’s counts-of-counts lie within the next look’s', () => {
    const input = cellInput();
    const rng = trialStream(6, 0);
    for (let r = 0; r < 200; r++) {
      const looks = cutAtLooks(input, 130, [40, 65, 130], rng);
      for (let k = 0; k < 2; k++) {
        for (const arm of ['treated', 'control'] as const) {
          const here = looks[k].summaries[arm];
          const next = looks[k + 1].summaries[arm];
          here.histogram!.forEach((count, v) => expect(count).toBeLessThanOrEqual(next.histogram![v] ?? 0));
          expect(here.n).toBe(here.histogram!.reduce((a, b) => a + b, 0));
          expect(here.sum).toBe(here.histogram!.reduce((a, c, v) => a + c * v, 0));
        }
      }
    }
  });

  test.each([
    ['person', personInput],
    ['cell', cellInput],
  ])(
    '%s form: the analysed treated at a look are hypergeometric (mean and variance within Monte Carlo error)',
    (_, make) => {
      // First look of 65 of 130 recruited, 60 of whom are analysed treated people:
      // Hypergeometric(N 130, K 60, n 65): mean nK/N = 30, variance n(K/N)(1 − K/N)(N − n)/(N − 1).
      const input = make();
      const rng = trialStream(7, 0);
      const draws = 20_000;
      let sum = 0;
      let squares = 0;
      for (let r = 0; r < draws; r++) {
        const n = cutAtLooks(input, 130, [65, 130], rng)[0].summaries.treated.n;
        sum += n;
        squares += n * n;
      }
      const mean = sum / draws;
      const variance = squares / draws - mean * mean;
      const exactVariance = (65 * (60 / 130) * (70 / 130) * 65) / 129;
      // SE of a mean: √(var/draws); of a variance, about var·√(2/draws) (near-normal counts).
      expect(Math.abs(mean - 30)).toBeLessThan(4 * Math.sqrt(exactVariance / draws));
      expect(Math.abs(variance - exactVariance)).toBeLessThan(4 * exactVariance * Math.sqrt(2 / draws));
    },
  );
});
