import { describe, expect, test } from 'vitest';
import {
  drawFromTable,
  MAX_TABLE_LENGTH,
  negativeBinomialTable,
} from '../../../src/core/distributions/negative-binomial-table.js';
import { trialStream } from '../../../src/core/rng/trial-stream.js';
import { ALPHA, discreteFit, drawMany } from './goodness-of-fit.js';

// Exact laws from R 4 (dispersion α = 1/size in Var = μ + αμ²; α = 0 is the Poisson).
interface Law {
  readonly mean: number;
  readonly dispersion: number;
  /** P(X = k) for k = 0, 1, …, last. */
  readonly pmf: readonly number[];
  /** P(X > last). */
  readonly upperTail: number;
}
const LAWS: readonly Law[] = [
  {
    // REF's control arm. options(digits = 17); dnbinom(0:14, size = 0.8, mu = 1.2);
    // pnbinom(14, size = 0.8, mu = 1.2, lower.tail = FALSE)
    mean: 1.2,
    dispersion: 1.25,
    pmf: [
      0.48044977359257251548, 0.23061589132443474637, 0.12453258131519481799, 0.06973824553650914693,
      0.03975079995581017739, 0.02289646077454668416, 0.01327994724923707223, 0.00774031211098388794,
      0.00452808258492555949, 0.00265647511648967874, 0.00156200736849592997, 0.00092016434071395879,
      0.00054289696102123965, 0.00032072682004946959, 0.00018968700500068602,
    ],
    upperTail: 0.00027594794401451382,
  },
  {
    // A long tail. dnbinom(0:40, size = 0.5, mu = 12); pnbinom(40, size = 0.5, mu = 12, lower.tail = FALSE)
    mean: 12,
    dispersion: 2,
    pmf: [
      0.2000000000000000111, 0.0959999999999999881, 0.069119999999999987, 0.055295999999999991, 0.0464486399999999924,
      0.0401316249599999939, 0.0353158299647999968, 0.0314815398543360006, 0.0283333858689024005, 0.0256889365211381733,
      0.0234283101072780137, 0.0214688514437602167, 0.0197513433282593999, 0.0182320092260855986, 0.016877631397862098,
      0.0156624419372160296, 0.014566071001610904, 0.0135721508626774554, 0.0126673408051656243, 0.0118406301420916557,
      0.0110828298129977895, 0.0103861947961807876, 0.0097441391178714268, 0.0091510176063488192, 0.0086019565499678916,
      0.0080927207222097931, 0.0076196078184498335, 0.0071793638111616207, 0.0067691144505238141, 0.0063863093574597109,
      0.0060286760334419646, 0.0056941817502961529, 0.0053810017540298662, 0.005087492567446417, 0.0048121694402669651,
      0.0045536871960469112, 0.004310823878924409, 0.0040824667220949002, 0.0038676000525109575, 0.0036652948189950002,
      0.0034746994884072599,
    ],
    upperTail: 0.068145914833184093,
  },
  {
    // α = 0: the Poisson. dpois(0:12, 3); ppois(12, 3, lower.tail = FALSE)
    mean: 3,
    dispersion: 0,
    pmf: [
      4.9787068367863944e-2, 1.4936120510359185e-1, 2.2404180765538773e-1, 2.2404180765538778e-1, 1.6803135574154082e-1,
      1.0081881344492449e-1, 5.0409406722462247e-2, 2.1604031452483824e-2, 8.1015117946814322e-3, 2.7005039315604767e-3,
      8.101511794681432e-4, 2.2095032167312995e-4, 5.5237580418282487e-5,
    ],
    upperTail: 1.6149048555924117e-5,
  },
];

/** A stand-in stream walking the midpoints (j + ½)/M of a grid of M uniforms, in order. */
function gridStream(points: number): { next(): number } {
  let j = 0;
  return { next: () => (j++ + 0.5) / points };
}

describe('negativeBinomialTable', () => {
  test.each(LAWS)("mean $mean, α $dispersion: cumulative probabilities equal R's to 1e-13", (law) => {
    const table = negativeBinomialTable(law.mean, law.dispersion)!;
    let cumulative = 0;
    law.pmf.forEach((p, k) => {
      cumulative += p;
      expect(Math.abs(table.cumulative[k] - cumulative)).toBeLessThan(1e-13);
    });
    // R: pnbinom(c(0, 1, 5, 20, 60), size = 0.8, mu = 1.2), far into the tail.
    if (law.mean === 1.2) {
      const r = [0.48044977359257252, 0.71106566491700773, 0.96798375249906798, 0.99998789158137968];
      [0, 1, 5, 20].forEach((k, i) => expect(Math.abs(table.cumulative[k] - r[i])).toBeLessThan(1e-13));
      expect(Math.abs(1 - table.cumulative[60] - (1 - 0.99999999999998679))).toBeLessThan(1e-15);
    }
    expect(table.cumulative[table.last + 1]).toBe(Infinity);
  });

  test('gives no table for a law too long to tabulate, and one for mean 0 (always 0)', () => {
    expect(negativeBinomialTable(1e6, 1)).toBeNull();
    const zero = negativeBinomialTable(0, 1.25)!;
    expect(drawMany(100, () => drawFromTable(zero, trialStream(1, 0))).every((x) => x === 0)).toBe(true);
    expect(MAX_TABLE_LENGTH).toBeGreaterThan(1000);
    expect(() => negativeBinomialTable(-1, 1)).toThrow(RangeError);
    expect(() => negativeBinomialTable(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('drawFromTable', () => {
  // Inversion is exact when each value k takes the uniforms in [P(X < k), P(X ≤ k)): on a grid of
  // M evenly spaced uniforms, value k then takes M·P(X = k) of them, give or take one.
  test.each(LAWS)('mean $mean, α $dispersion: a grid of 10⁶ uniforms splits exactly by the R pmf', (law) => {
    const points = 1_000_000;
    const table = negativeBinomialTable(law.mean, law.dispersion)!;
    const rng = gridStream(points);
    const counts = new Float64Array(table.last + 2);
    for (let j = 0; j < points; j++) counts[Math.min(drawFromTable(table, rng), table.last + 1)]++;
    law.pmf.forEach((p, k) => expect(Math.abs(counts[k] - points * p)).toBeLessThanOrEqual(1));
    let beyond = 0;
    for (let k = law.pmf.length; k < counts.length; k++) beyond += counts[k];
    expect(Math.abs(beyond - points * law.upperTail)).toBeLessThanOrEqual(1);
  });

  test.each(LAWS)('mean $mean, α $dispersion: 200,000 draws fit the R pmf (chi-square, α = 0.001)', (law) => {
    const table = negativeBinomialTable(law.mean, law.dispersion)!;
    const rng = trialStream(303, Math.round(law.mean * 100 + law.dispersion));
    const draws = drawMany(200_000, () => drawFromTable(table, rng));
    const last = law.pmf.length - 1;
    const partial = (k: number): number => law.pmf.slice(0, k + 1).reduce((a, b) => a + b, 0);
    const fit = discreteFit(
      draws,
      (k) => law.pmf[k],
      (k) => (k === last ? 1 - law.upperTail : partial(k)),
      0,
      last,
    );
    expect(fit.degreesOfFreedom).toBeGreaterThan(5);
    expect(fit.pValue).toBeGreaterThan(ALPHA);
  });

  test('walks on past the table exactly: a table cut at 3 still splits a grid of 10⁶ uniforms by the R pmf', () => {
    const law = LAWS[0];
    const full = negativeBinomialTable(law.mean, law.dispersion)!;
    const last = 3;
    const cumulative = Float64Array.from([...full.cumulative.subarray(0, last + 1), Infinity]);
    const guide = Int32Array.from({ length: last + 1 }, (_, j) => cumulative.findIndex((c) => c > j / (last + 1)));
    const cut = { ...full, last, cumulative, guide, lastProbability: law.pmf[last] };
    const points = 1_000_000;
    const rng = gridStream(points);
    const counts = new Float64Array(law.pmf.length + 1);
    for (let j = 0; j < points; j++) counts[Math.min(drawFromTable(cut, rng), law.pmf.length)]++;
    law.pmf.forEach((p, k) => expect(Math.abs(counts[k] - points * p)).toBeLessThanOrEqual(1));
    expect(Math.abs(counts[law.pmf.length] - points * law.upperTail)).toBeLessThanOrEqual(1);
  });
});
