import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  assignmentProbabilities,
  drawAssignment,
  planAssignment,
  type AssignmentPlan,
} from '../../../src/core/assignment/assign.js';
import { rerandomisePeople, type Redrawn } from '../../../src/core/assignment/rerandomise.js';
import type { Design, DesignPlan } from '../../../src/core/design.js';
import { prepareModel } from '../../../src/core/model/model-constants.js';
import type { Rng } from '../../../src/core/rng/rng.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { makeDesign } from '../model/fixtures.js';

function designWith(plan: Partial<DesignPlan>): Design {
  return makeDesign({ propensityDispersion: 0, design: plan });
}

/** The design's assignment plan, and each person's group and site (the same in every trial). */
function planOf(design: Design): { plan: AssignmentPlan; group: Uint16Array; site: Uint16Array } {
  const model = prepareModel(design);
  return { plan: planAssignment(design, model), group: model.shared.group, site: model.shared.site };
}

/** One assignment of the design's cohort. */
function assign(design: Design, rng: Rng): Uint8Array {
  return drawAssignment(planOf(design).plan, rng);
}

/** Empirical assignment frequency of every person over `draws` assignments of one cohort. */
function frequencies(design: Design, draws: number): { frequency: Float64Array; exact: Float64Array } {
  const { plan } = planOf(design);
  const exact = assignmentProbabilities(plan);
  const frequency = new Float64Array(exact.length);
  for (let t = 0; t < draws; t++)
    drawAssignment(plan, trialStream(9, t)).forEach((a, i) => (frequency[i] += a / draws));
  return { frequency, exact };
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
      const assignment = assign(design, trialStream(seed, 1));
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
    const { plan, group } = planOf(design);
    for (let t = 0; t < 50; t++) {
      const assignment = drawAssignment(plan, trialStream(2, t));
      let youth = 0,
        adult = 0;
      assignment.forEach((a, i) => (group[i] === 0 ? (youth += a) : (adult += a)));
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
      const { plan, group, site } = planOf(design);
      const assignment = drawAssignment(plan, trialStream(seed, 1));
      expect(sum(assignment)).toBe(37);
      const share = 37 / 117;
      const strata = new Map<number, { n: number; t: number; blocks: number[][] }>();
      assignment.forEach((a, i) => {
        const key = group[i] * 3 + site[i];
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
    const { plan, site } = planOf(design);
    for (let t = 0; t < 20; t++) {
      const assignment = drawAssignment(plan, trialStream(4, t));
      const siteArm = new Map<number, number>();
      assignment.forEach((a, i) => {
        expect(siteArm.get(site[i]) ?? a).toBe(a);
        siteArm.set(site[i], a);
      });
      expect([...siteArm.values()].filter((a) => a === 1).length).toBe(5);
    }
    const { frequency, exact } = frequencies(design, 3000);
    expect(exact.every((p) => p === 0.5)).toBe(true);
    expectWithinMonteCarlo(frequency, exact, 3000);
  });

  it('cluster: refuses a design without at least two sites', () => {
    const design = designWith({ randomisation: 'cluster', strata: [] });
    expect(() => planOf(design)).toThrow(/2 sites/);
  });
});

describe('rerandomisePeople', () => {
  /** One redraw's analysed treated count and total. */
  function redraw(rerandomiser: ReturnType<typeof rerandomisePeople>, rng: Rng): Redrawn {
    const into = { n: 0, total: 0 };
    rerandomiser.redraw(rng, into);
    return into;
  }

  it('redraws by the same mechanism: stratified counts kept, a new assignment each call', () => {
    const design = designWith({});
    const { plan, group } = planOf(design);
    // Value 1 for the youth, so the total is the number of youth treated.
    const youth = Float64Array.from(group, (g) => (g === 0 ? 1 : 0));
    const rng = trialStream(8, 0);
    expect(redraw(rerandomisePeople(plan, null, youth), rng)).toEqual({ n: 45, total: 20 });
    // Distinct values: two redraws on one stream treat different people.
    const index = Float64Array.from(group, (_, i) => i);
    const counting = rerandomisePeople(plan, null, index);
    const stream = trialStream(8, 1);
    const first = redraw(counting, stream);
    expect(redraw(counting, stream).total).not.toBe(first.total);
    // Same stream, same redraw: reproducible.
    expect(redraw(rerandomisePeople(plan, null, index), trialStream(8, 1))).toEqual(first);
  });

  it('redraws the whole cohort and sums the given people only, in their order', () => {
    const design = designWith({ randomisation: 'complete', strata: [] });
    const { plan } = planOf(design);
    const indices = Int32Array.of(164, 3, 50, 7);
    const values = Float64Array.of(1, 10, 100, 1000);
    const full = drawAssignment(plan, trialStream(2, 0));
    const expected = { n: 0, total: 0 };
    indices.forEach((i, j) => {
      expected.n += full[i];
      expected.total += full[i] * values[j];
    });
    expect(redraw(rerandomisePeople(plan, indices, values), trialStream(2, 0))).toEqual(expected);
  });
});
