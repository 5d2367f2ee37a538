/**
 * The plain reading of exaggeration — the mean ratio a significant trial reports when it finds the
 * true direction (`meanSignificantRatio`) — and Gelman & Carlin's exaggeration, against exact
 * enumeration of the two-proportion z test over both binomial distributions. The enumeration is
 * written here, independently of src/: for every pair of event counts (x1, x0) it decides
 * significance by the pooled z statistic and takes the estimate q1/q0, the risk ratio.
 *
 * Tolerance: the simulated value is a mean over the K significant right-sign trials, so its Monte
 * Carlo SE is the conditional SD (also enumerated) over √K, K ≈ trials × P(significant, right
 * sign); the check allows 4 SE.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { binaryOn, oneGroupDesign } from '../../support/one-group-design.js';

const Z = 1.959963984540054; // qnorm(0.975), R 4.x

function binomialProbabilities(n: number, p: number): number[] {
  const logs: number[] = [n * Math.log1p(-p)];
  for (let k = 1; k <= n; k++) logs.push(logs[k - 1] + Math.log((n - k + 1) / k) + Math.log(p / (1 - p)));
  return logs.map(Math.exp);
}

interface Enumerated {
  /** P(significant and the estimate on the truth's side of 1). */
  readonly rightShare: number;
  /** E(q1/q0 | significant, right side) and its conditional SD. */
  readonly meanRatio: number;
  readonly sdRatio: number;
  /** E(|log(q1/q0)| / |log truth| | significant) and its conditional SD; P(significant). */
  readonly exaggeration: number;
  readonly sdExaggeration: number;
  readonly power: number;
}

/** Both arms' counts with no empty cell (the Haldane correction never enters: P(x = 0) < 1e-20 here). */
function enumerate(n1: number, p1: number, n0: number, p0: number): Enumerated {
  const b1 = binomialProbabilities(n1, p1);
  const b0 = binomialProbabilities(n0, p0);
  const logTruth = Math.log(p1 / p0);
  let power = 0;
  let right = 0;
  let sumRatio = 0;
  let sumRatio2 = 0;
  let sumExaggeration = 0;
  let sumExaggeration2 = 0;
  for (let x1 = 1; x1 < n1; x1++) {
    for (let x0 = 1; x0 < n0; x0++) {
      const pooled = (x1 + x0) / (n1 + n0);
      const z = (x1 / n1 - x0 / n0) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
      if (Math.abs(z) <= Z) continue;
      const probability = b1[x1] * b0[x0];
      const ratio = x1 / n1 / (x0 / n0);
      const exaggeration = Math.abs(Math.log(ratio)) / Math.abs(logTruth);
      power += probability;
      sumExaggeration += probability * exaggeration;
      sumExaggeration2 += probability * exaggeration * exaggeration;
      if (Math.sign(Math.log(ratio)) === Math.sign(logTruth)) {
        right += probability;
        sumRatio += probability * ratio;
        sumRatio2 += probability * ratio * ratio;
      }
    }
  }
  const meanRatio = sumRatio / right;
  const exaggeration = sumExaggeration / power;
  return {
    rightShare: right,
    meanRatio,
    sdRatio: Math.sqrt(sumRatio2 / right - meanRatio ** 2),
    exaggeration,
    sdExaggeration: Math.sqrt(sumExaggeration2 / power - exaggeration ** 2),
    power,
  };
}

describe('the mean ratio of significant right-sign trials equals exact enumeration', () => {
  const trials = 20000;

  it.each([
    [100, 100, 0.5, 0.8],
    [45, 120, 0.6, 0.85],
    [150, 150, 0.4, 1.3],
  ])('two-proportion z: %i treated vs %i control, control prevalence %f, risk ratio %f', (n1, n0, p0, riskRatio) => {
    const design = oneGroupDesign({
      treated: n1,
      control: n0,
      outcomes: [binaryOn('any', p0, riskRatio, 'two-proportion-z')],
    });
    const prepared = prepareDesign(design);
    const tally = simulateBlock(prepared, 0, trials, { withNull: false });
    const [result] = diagnose(prepared, tally).results;
    const exact = enumerate(n1, p0 * riskRatio, n0, p0);
    const significantRight = trials * exact.rightShare;
    expect(result.meanSignificantRatio).not.toBeNull();
    expect(Math.abs(result.meanSignificantRatio! - exact.meanRatio)).toBeLessThan(
      (4 * exact.sdRatio) / Math.sqrt(significantRight),
    );
    expect(Math.abs(result.exaggeration! - exact.exaggeration)).toBeLessThan(
      (4 * exact.sdExaggeration) / Math.sqrt(trials * exact.power),
    );
    // The plain reading is on the ratio's own side of 1: a reduction for a reduction.
    expect(Math.sign(Math.log(result.meanSignificantRatio!))).toBe(Math.sign(Math.log(riskRatio)));
  });

  it('is null when no trial is significant in the true direction', () => {
    const design = oneGroupDesign({
      treated: 5,
      control: 5,
      outcomes: [binaryOn('any', 0.5, 0.9, 'two-proportion-z')],
    });
    const prepared = prepareDesign(design);
    const tally = simulateBlock(prepared, 0, 20, { withNull: false });
    tally.outcomes[0].significantWithTruth = tally.outcomes[0].wrongSign;
    expect(diagnose(prepared, tally).results[0].meanSignificantRatio).toBeNull();
  });
});
