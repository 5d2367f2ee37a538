/**
 * The histogram draw is exact: over many draws, each value's mean count is n × P(Y = y), including
 * values in the far tail, within Monte Carlo error (4 SE), with P from SciPy.
 */
import { describe, expect, test } from 'vitest';
import { CountHazards, eagerHazards } from '../../../src/core/model/count-hazards.js';
import { CountHazardWalk } from '../../../src/core/model/count-hazard-walk.js';
import { drawCountHistogram, drawCountHistogramWalking } from '../../../src/core/model/draw-count-histogram.js';
import { Histogram } from '../../../src/core/model/histogram.js';
import { chiSquareSurvival } from '../../../src/core/distributions/chi-square.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';

// SciPy 1.17: stats.nbinom(0.8, 0.4).pmf(range(16)) (mean 1.2, dispersion 1.25) and .sf(15).
const NB_PMF = [
  0.4804497735925725, 0.2306158913244349, 0.12453258131519485, 0.0697382455365091, 0.039750799955810205,
  0.02289646077454665, 0.01327994724923708, 0.007740312110983899, 0.0045280825849255794, 0.002656475116489671,
  0.0015620073684959248, 0.0009201643407139635, 0.0005428969610212392, 0.0003207268200494708, 0.00018968700500068684,
  0.0001122947069604066,
];
const NB_SF_15 = 0.0001636532370541076;

/** Counts-of-counts summed over `draws` histograms of `people` each, cut at `top` (the rest pooled in the last cell). */
function drawMany(hazards: CountHazards, people: number, draws: number, top: number, seed: number): Float64Array {
  const rng = trialStream(seed, 0);
  const histogram = new Histogram();
  const totals = new Float64Array(top + 2);
  for (let d = 0; d < draws; d++) {
    histogram.clear();
    drawCountHistogram(rng, people, hazards, histogram);
    let n = 0;
    for (let v = 0; v < histogram.length; v++) {
      totals[Math.min(v, top + 1)] += histogram.counts[v];
      n += histogram.counts[v];
    }
    expect(n).toBe(people);
  }
  return totals;
}

describe('drawCountHistogram', () => {
  test('each value, and the tail beyond 15, gets n × P(Y = y) people on average (NB mean 1.2, dispersion 1.25)', () => {
    const people = 200;
    const draws = 4000;
    const totals = drawMany(eagerHazards(1.2, 1.25), people, draws, 15, 7);
    const probabilities = [...NB_PMF, NB_SF_15];
    let chiSquare = 0;
    probabilities.forEach((probability, y) => {
      const expected = people * draws * probability;
      // Each draw's count at y is Binomial(people, P): SE of the total = √(draws · people · P(1 − P)).
      const se = Math.sqrt(draws * people * probability * (1 - probability));
      expect(Math.abs(totals[y] - expected), `value ${y}`).toBeLessThan(4 * se);
      chiSquare += (totals[y] - expected) ** 2 / expected;
    });
    // Totals over independent multinomials are multinomial: Pearson's statistic on 16 df.
    expect(chiSquareSurvival(chiSquare, probabilities.length - 1)).toBeGreaterThan(0.001);
  });

  test('a heavy tail is carried exactly: P(Y ≥ 40) of people land there (NB mean 3, dispersion 6)', () => {
    // SciPy: stats.nbinom(1/6, (1/6)/(1/6 + 3)).sf(39) and .pmf(0)
    const tail = 0.008623458170998547;
    const zero = 0.6121733225029616;
    const people = 100;
    const draws = 4000;
    const totals = drawMany(new CountHazards(3, 6), people, draws, 39, 11);
    for (const [count, probability] of [
      [totals[40], tail],
      [totals[0], zero],
    ]) {
      const se = Math.sqrt(draws * people * probability * (1 - probability));
      expect(Math.abs(count - people * draws * probability)).toBeLessThan(4 * se);
    }
  });

  test('the same stream gives the same histogram; another stream another', () => {
    const hazards = eagerHazards(1.2, 1.25);
    const draw = (index: number) => {
      const histogram = new Histogram();
      drawCountHistogram(trialStream(3, index), 1000, hazards, histogram);
      return Array.from(histogram.counts.subarray(0, histogram.length));
    };
    expect(draw(0)).toEqual(draw(0));
    expect(draw(0)).not.toEqual(draw(1));
  });
});

describe('drawCountHistogramWalking', () => {
  test.each([
    [1.2, 1.25, 1000],
    [3, 6, 5000], // heavy tail: the walk reaches the tail series
    [0.4, 0, 20], // Poisson, few people (one-by-one binomials)
    [0, 1.25, 50], // everyone at 0
  ])(
    'mean %f, dispersion %f, %i people: the same histogram and uniforms as the kept table',
    (mean, dispersion, people) => {
      const walk = new CountHazardWalk();
      const walked = trialStream(5, 0);
      const tabled = trialStream(5, 0);
      for (let d = 0; d < 200; d++) {
        // CountHazards computes its values with a walk too: this checks the draw (drawBinomialOnce
        // against drawBinomialStep) and the reused walk's restart; the values are checked against
        // SciPy in count-hazards.test.ts.
        const byWalk = new Histogram();
        const byTable = new Histogram();
        walk.start(mean, dispersion);
        drawCountHistogramWalking(walked, people, walk, byWalk);
        drawCountHistogram(tabled, people, new CountHazards(mean, dispersion), byTable);
        expect(Array.from(byWalk.counts.subarray(0, byWalk.length))).toEqual(
          Array.from(byTable.counts.subarray(0, byTable.length)),
        );
      }
      expect(walked.next()).toBe(tabled.next());
    },
  );
});
