import { describe, expect, it } from 'vitest';
import { designGroupSequential } from '../../../../src/core/analysis/group-sequential/design-group-sequential.js';
import { computeExitProbabilities } from '../../../../src/core/analysis/group-sequential/exit-probabilities.js';
import type { SequentialBoundaries } from '../../../../src/core/analysis/group-sequential/sequential-design.js';
import { drawStandardNormal } from '../../../../src/core/distributions/standard-normal.js';
import { trialStream } from '../../../../src/core/rng/trial-stream.js';

/** Hand-set boundaries (α and the spending bookkeeping play no part in exit probabilities). */
function boundaries(
  informationFractions: number[],
  sides: 1 | 2,
  efficacyZ: number[],
  futilityZ: number[],
): SequentialBoundaries {
  return {
    informationFractions,
    alpha: 0.05,
    sides,
    efficacyZ,
    alphaSpent: [],
    futility: { z: futilityZ, betaSpent: [], drift: 0, beta: 0.2 },
  };
}

describe('exit probabilities against exact integrals (mpmath, 20 digits)', () => {
  // Looks at t = 0.3, 0.6, 1; stop for efficacy when Z ≥ 3, 2.5, 2; for futility when Z ≤ 0, 1.
  // mpmath (mp.dps = 20), with Z_k = S(t_k)/√t_k and independent increments:
  //   look 1: 1 − ncdf(3 − θ√0.3), ncdf(0 − θ√0.3);
  //   look 2: quad(f1(z1)·P(Z2 ≥ 2.5 | z1), [0, 3]) and the same for Z2 ≤ 1;
  //   look 3: 2-D quad over z1 ∈ [0, 3], z2 ∈ [1, 2.5] of f1·f(z2 | z1)·P(Z3 ≥ 2 | z2),
  // where P(Z_k ≥ b | z) = 1 − ncdf((b√t_k − z√t_{k−1} − θΔ)/√Δ), Δ = t_k − t_{k−1}.
  const design = boundaries([0.3, 0.6, 1], 1, [3, 2.5, 2], [0, 1, 2]);
  // Grid error: a few 1e-7 per probability (integration-grid.test.ts), so 1e-6.
  const tolerance = 1e-6;

  it('matches at drift 2.5', () => {
    const exits = computeExitProbabilities(design, 2.5);
    const upper = [0.0514774931924082, 0.240632662667243, 0.358473057960559];
    const futility = [0.0854517601153987, 0.116589825861166, 0];
    exits.looks.forEach((look, k) => {
      expect(Math.abs(look.efficacyUpper - upper[k])).toBeLessThan(tolerance);
      expect(Math.abs(look.futility - futility[k])).toBeLessThan(tolerance);
    });
  });

  it('matches under the null (drift 0)', () => {
    const exits = computeExitProbabilities(design, 0);
    const upper = [0.00134989803163009, 0.00564797628747002, 0.0155226104624622];
    const futility = [0.5, 0.353883714786763, 0];
    exits.looks.forEach((look, k) => {
      expect(Math.abs(look.efficacyUpper - upper[k])).toBeLessThan(tolerance);
      expect(Math.abs(look.futility - futility[k])).toBeLessThan(tolerance);
    });
  });

  it('matches a two-sided design with an inner futility wedge', () => {
    // Looks at 0.4, 1; reject when |Z| ≥ 2.8, 2; stop for futility when |Z_1| < 0.5; drift 1.
    // mpmath: look 1 as above; look 2 integrates over z1 ∈ [−2.8, −0.5] ∪ [0.5, 2.8].
    const exits = computeExitProbabilities(boundaries([0.4, 1], 2, [2.8, 2], [0.5, 2]), 1);
    const [first, second] = exits.looks;
    expect(Math.abs(first.efficacyUpper - 0.0150966814196149)).toBeLessThan(tolerance);
    expect(Math.abs(first.efficacyLower - 0.000299070980815401)).toBeLessThan(tolerance);
    expect(Math.abs(first.futility - 0.31859051194623)).toBeLessThan(tolerance);
    expect(Math.abs(second.efficacyUpper - 0.133466293284981)).toBeLessThan(tolerance);
    expect(Math.abs(second.efficacyLower - 0.00114248220819867)).toBeLessThan(tolerance);
  });
});

describe('exit probabilities against a large simulation of the canonical process', () => {
  it('match 200,000 simulated Brownian paths within 4 Monte Carlo SEs (two-sided, futility)', () => {
    const design = designGroupSequential({
      informationFractions: [0.2, 0.45, 0.7, 1],
      alpha: 0.05,
      sides: 2,
      efficacy: { kind: 'spending', spending: { family: 'hwang-shih-decani', gamma: -2 } },
      futility: { beta: 0.2, spending: { family: 'pocock' } },
    });
    const drift = 2.2;
    const exact = computeExitProbabilities(design, drift);
    const paths = 200_000;
    const fractions = design.informationFractions;
    const counts = fractions.map(() => ({ upper: 0, lower: 0, futility: 0 }));
    let informationSum = 0;
    let informationSquares = 0;
    const rng = trialStream(20261127, 0);
    for (let path = 0; path < paths; path++) {
      let score = 0;
      let previous = 0;
      for (let k = 0; k < fractions.length; k++) {
        const step = fractions[k] - previous;
        score += drift * step + Math.sqrt(step) * drawStandardNormal(rng);
        previous = fractions[k];
        const z = score / Math.sqrt(fractions[k]);
        const last = k + 1 === fractions.length;
        let stop = true;
        if (z >= design.efficacyZ[k]) counts[k].upper++;
        else if (z <= -design.efficacyZ[k]) counts[k].lower++;
        else if (!last && Math.abs(z) < design.futility!.z[k]) counts[k].futility++;
        else stop = last;
        if (stop) {
          informationSum += fractions[k];
          informationSquares += fractions[k] ** 2;
          break;
        }
      }
    }
    const within = (simulated: number, probability: number): void => {
      const se = Math.sqrt((probability * (1 - probability)) / paths);
      expect(Math.abs(simulated / paths - probability)).toBeLessThanOrEqual(4 * se + 1e-12);
    };
    exact.looks.forEach((look, k) => {
      within(counts[k].upper, look.efficacyUpper);
      within(counts[k].lower, look.efficacyLower);
      within(counts[k].futility, look.futility);
    });
    const mean = informationSum / paths;
    const se = Math.sqrt((informationSquares / paths - mean * mean) / paths);
    expect(Math.abs(mean - exact.expectedInformationFraction)).toBeLessThanOrEqual(4 * se);
  });
});

describe('exit probabilities: structure', () => {
  it('are symmetric under the null for a two-sided design, and add up to 1', () => {
    const design = designGroupSequential({
      informationFractions: [0.25, 0.5, 0.75, 1],
      alpha: 0.05,
      sides: 2,
      efficacy: { kind: 'classic', shape: 'pocock' },
    });
    const exits = computeExitProbabilities(design, 0);
    exits.looks.forEach((look) => expect(look.efficacyUpper).toBeCloseTo(look.efficacyLower, 12));
    expect(exits.rejectUpper + exits.rejectLower).toBeCloseTo(0.05, 9);
    const stopped = exits.looks.reduce((total, look) => total + look.efficacyUpper + look.efficacyLower, 0);
    expect(stopped + exits.looks.at(-1)!.continuing).toBeLessThanOrEqual(1);
  });

  it('give power 1 − β at the drift the β-spending found, with classic efficacy boundaries too', () => {
    const design = designGroupSequential({
      informationFractions: [0.4, 0.7, 1],
      alpha: 0.025,
      sides: 1,
      efficacy: { kind: 'classic', shape: 'obrien-fleming' },
      futility: { beta: 0.1, spending: { family: 'hwang-shih-decani', gamma: -1 } },
    });
    const exits = computeExitProbabilities(design, design.futility!.drift);
    // Every path either rejects or stops for futility (at the last look Z < b_K = a_K), and the
    // β-spending puts exactly β on futility: power = 1 − β up to the grid's error in the total
    // mass (a few 1e-7, integration-grid.test.ts).
    expect(Math.abs(exits.rejectUpper - 0.9)).toBeLessThan(1e-6);
    expect(exits.futility).toBeCloseTo(design.futility!.betaSpent.at(-2)!, 9);
  });
});
