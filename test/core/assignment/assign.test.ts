import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { assign, assignmentProbabilities, rerandomiser } from '../../../src/core/assignment/assign.js';
import type { Design, DesignPlan } from '../../../src/core/design.js';
import { drawCohort } from '../../../src/core/model/cohort.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { makeDesign } from '../model/fixtures.js';

function designWith(plan: Partial<DesignPlan>): Design {
  return makeDesign({ propensityDispersion: 0, design: plan });
}

/** Empirical assignment frequency of every person over `draws` assignments of one cohort. */
function frequencies(design: Design, draws: number): { frequency: Float64Array; exact: Float64Array } {
  const cohort = drawCohort(design, prepareModel(design), trialStream(5, 0));
  const frequency = new Float64Array(cohort.size);
  for (let t = 0; t < draws; t++)
    assign(design, cohort, trialStream(9, t)).forEach((a, i) => (frequency[i] += a / draws));
  return { frequency, exact: assignmentProbabilities(design, cohort) };
}

function expectWithinMonteCarlo(frequency: Float64Array, exact: Float64Array, draws: number): void {
  // 4.5 binomial SEs per person keeps the chance of any false alarm among ~100 people below 0.1%.
  frequency.forEach((f, i) =>
    expect(Math.abs(f - exact[i])).toBeLessThan(4.5 * Math.sqrt((exact[i] * (1 - exact[i])) / draws) + 1e-12),
  );
}

const sum = (a: Uint8Array) => a.reduce((s, x) => s + x, 0);

describe('assign', () => {
  test.prop([fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 10_000 })])(
    'complete: exactly the declared arm sizes, every person in one arm',
    (treated, control, seed) => {
      const design = designWith({ randomisation: 'complete', strata: [], size: { kind: 'fixed', treated, control } });
      const assignment = assign(
        design,
        drawCohort(design, prepareModel(design), trialStream(seed, 0)),
        trialStream(seed, 1),
      );
      expect(assignment.length).toBe(treated + control);
      expect(assignment.every((a) => a === 0 || a === 1)).toBe(true);
      expect(sum(assignment)).toBe(treated);
    },
  );

  it('complete: every person treated with probability treated/total (45/165)', () => {
    const design = designWith({ randomisation: 'complete', strata: [] });
    const { frequency, exact } = frequencies(design, 4000);
    expect(exact.every((p) => p === 45 / 165)).toBe(true);
    expectWithinMonteCarlo(frequency, exact, 4000);
  });

  it('simple: each person treated independently with the treated share', () => {
    const design = designWith({
      randomisation: 'simple',
      strata: [],
      size: { kind: 'ratio', total: 120, treatedShare: 0.25 },
    });
    const { frequency, exact } = frequencies(design, 4000);
    expect(exact.every((p) => p === 0.25)).toBe(true);
    expectWithinMonteCarlo(frequency, exact, 4000);
  });

  it('stratified: 20 youth and 25 adults treated in the MK design, every time', () => {
    const design = designWith({});
    const cohort = drawCohort(design, prepareModel(design), trialStream(1, 0));
    for (let t = 0; t < 50; t++) {
      const assignment = assign(design, cohort, trialStream(2, t));
      let youth = 0,
        adult = 0;
      assignment.forEach((a, i) => (cohort.group[i] === 0 ? (youth += a) : (adult += a)));
      expect([youth, adult]).toEqual([20, 25]);
    }
  });

  test.prop([fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 10_000 })])(
    'stratified with blocks: every block within one person of its share, strata within one, total exact',
    (blockSize, seed) => {
      const design = designWith({
        strata: ['group', 'site'],
        blockSize,
        sites: { count: 3, rateCV: 0 },
        size: { kind: 'fixed', treated: 37, control: 80 },
      });
      const cohort = drawCohort(design, prepareModel(design), trialStream(seed, 0));
      const assignment = assign(design, cohort, trialStream(seed, 1));
      expect(sum(assignment)).toBe(37);
      const share = 37 / 117;
      const strata = new Map<number, { n: number; t: number; blocks: number[][] }>();
      assignment.forEach((a, i) => {
        const key = cohort.group[i] * 3 + cohort.site[i];
        const stratum = strata.get(key) ?? { n: 0, t: 0, blocks: [] };
        const block = Math.floor(stratum.n / blockSize);
        (stratum.blocks[block] ??= []).push(a);
        stratum.n++;
        stratum.t += a;
        strata.set(key, stratum);
      });
      for (const stratum of strata.values()) {
        expect(Math.abs(stratum.t - stratum.n * share)).toBeLessThan(1);
        for (const block of stratum.blocks) {
          const t = block.reduce((s, x) => s + x, 0);
          expect(Math.abs(t - (block.length * stratum.t) / stratum.n)).toBeLessThan(1);
        }
      }
    },
  );

  it('stratified with blocks: empirical probabilities match the exact ones', () => {
    const design = designWith({ strata: ['group'], blockSize: 4, size: { kind: 'fixed', treated: 13, control: 30 } });
    const { frequency, exact } = frequencies(design, 5000);
    expect(exact.reduce((a, b) => a + b, 0)).toBeCloseTo(13, 10);
    expectWithinMonteCarlo(frequency, exact, 5000);
  });

  it('cluster: whole sites, round(sites × share) of them treated', () => {
    const design = designWith({
      randomisation: 'cluster',
      strata: [],
      sites: { count: 10, rateCV: 0.2 },
      size: { kind: 'ratio', total: 400, treatedShare: 0.5 },
    });
    const cohort = drawCohort(design, prepareModel(design), trialStream(1, 0));
    for (let t = 0; t < 20; t++) {
      const assignment = assign(design, cohort, trialStream(4, t));
      const siteArm = new Map<number, number>();
      assignment.forEach((a, i) => {
        expect(siteArm.get(cohort.site[i]) ?? a).toBe(a);
        siteArm.set(cohort.site[i], a);
      });
      expect([...siteArm.values()].filter((a) => a === 1).length).toBe(5);
    }
    const { frequency, exact } = frequencies(design, 3000);
    expect(exact.every((p) => p === 0.5)).toBe(true);
    expectWithinMonteCarlo(frequency, exact, 3000);
  });

  it('cluster: refuses a design without at least two sites', () => {
    const design = designWith({ randomisation: 'cluster', strata: [] });
    expect(() =>
      assign(design, drawCohort(design, prepareModel(design), trialStream(1, 0)), trialStream(1, 1)),
    ).toThrow(/2 sites/);
  });
});

describe('rerandomiser', () => {
  it('redraws by the same mechanism: stratified counts kept, a new assignment each call', () => {
    const design = designWith({});
    const cohort = drawCohort(design, prepareModel(design), trialStream(1, 0));
    const redraw = rerandomiser(design, cohort, null);
    const rng = trialStream(8, 0);
    const first = redraw(rng);
    const second = redraw(rng);
    expect(first).not.toEqual(second);
    for (const assignment of [first, second]) {
      let youth = 0;
      assignment.forEach((a, i) => (youth += cohort.group[i] === 0 ? a : 0));
      expect([youth, sum(assignment)]).toEqual([20, 45]);
    }
    // Same stream, same redraw: reproducible.
    expect(rerandomiser(design, cohort, null)(trialStream(8, 0))).toEqual(first);
  });

  it('returns the redrawn assignment of the given people only, in their order', () => {
    const design = designWith({ randomisation: 'complete', strata: [] });
    const cohort = drawCohort(design, prepareModel(design), trialStream(1, 0));
    const indices = Int32Array.of(164, 3, 50, 7);
    const full = rerandomiser(design, cohort, null)(trialStream(2, 0));
    const picked = rerandomiser(design, cohort, indices)(trialStream(2, 0));
    expect(Array.from(picked)).toEqual(Array.from(indices, (i) => full[i]));
  });
});
