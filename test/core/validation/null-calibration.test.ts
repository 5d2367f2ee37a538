/**
 * Null calibration (issue 3, validation.md): with no effect, a valid test rejects at rate alpha and
 * its intervals cover the truth at 1 − alpha, within Monte Carlo error, on a grid of sizes, rates
 * and dispersions; the known-invalid combination (Poisson Wald on overdispersed counts) rejects far
 * more often, and the diagnosis says so in a warning.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisName } from '../../../src/core/design.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { countOn, oneGroupDesign } from '../../support/one-group-design.js';

const ALPHA = 0.05;
const TRIALS = 1500;
/** 4 Monte Carlo standard errors of a rate near alpha (or 1 − alpha) over TRIALS trials. */
const TOLERANCE = 4 * Math.sqrt((ALPHA * (1 - ALPHA)) / TRIALS);

function nullRun(
  analysis: AnalysisName,
  treated: number,
  control: number,
  rate: number,
  dispersion: number,
  trials = TRIALS,
) {
  const design = oneGroupDesign({
    treated,
    control,
    propensityDispersion: dispersion,
    outcomes: [countOn('count', rate, 1, analysis)],
    permutations: 99,
  });
  const tally = simulateBlock(prepareDesign(design), 0, trials, { withNull: false });
  const result = diagnose(prepareDesign(design), tally).results[0];
  return { design, tally, result };
}

describe('valid tests hold their size under no effect', () => {
  it.each([
    ['quasi-poisson', 200, 200, 1.2, 1.25],
    ['quasi-poisson', 300, 150, 0.5, 0],
    ['negative-binomial', 250, 250, 1.5, 2],
    ['negative-binomial', 300, 150, 0.8, 0.5],
    ['welch-t', 200, 200, 1.2, 1],
    ['mann-whitney', 45, 120, 1.2, 1.5],
    ['mann-whitney', 20, 20, 2, 0],
  ] as const)(
    '%s, %i vs %i, rate %f, dispersion %f: rejects ≈ alpha and covers ≈ 95 percent',
    (analysis, treated, control, rate, dispersion) => {
      const { result } = nullRun(analysis, treated, control, rate, dispersion);
      expect(result.failures).toBe(0);
      expect(Math.abs(result.power - ALPHA)).toBeLessThan(TOLERANCE);
      if (analysis !== 'mann-whitney') expect(Math.abs(result.coverage - (1 - ALPHA))).toBeLessThan(TOLERANCE);
    },
  );

  it('randomisation inference is valid even at 10 vs 40 with heavy overdispersion', () => {
    const { result } = nullRun('permutation', 10, 40, 1, 3, 600);
    const tolerance = 4 * Math.sqrt((ALPHA * (1 - ALPHA)) / 600);
    expect(Math.abs(result.power - ALPHA)).toBeLessThan(tolerance);
  });
});

describe('known-invalid tests are detected', () => {
  it('Poisson Wald on overdispersed counts rejects far above alpha, and the report warns', () => {
    const { design, result } = nullRun('poisson-wald', 200, 200, 1.2, 1.25, 500);
    // Var = μ + kμ² inflates the log-rate-ratio variance by about 1 + kμ = 2.5 here, so the Wald
    // test's real size is about 2·Φ(−1.96/√2.5) ≈ 0.22.
    expect(result.power).toBeGreaterThan(0.15);
    const withNull = simulateBlock(prepareDesign(design), 0, 500, { withNull: true });
    const diagnosed = diagnose(prepareDesign(design), withNull).results[0];
    expect(diagnosed.typeIError).toBeGreaterThan(0.15);
    expect(diagnosed.warnings.join(' ')).toMatch(/not valid for these data/);
  });

  it('a valid test gets no invalid-test warning', () => {
    const design = oneGroupDesign({
      treated: 200,
      control: 200,
      propensityDispersion: 1.25,
      outcomes: [countOn('count', 1.2, 0.8, 'quasi-poisson')],
    });
    const tally = simulateBlock(prepareDesign(design), 0, 800, { withNull: true });
    const diagnosed = diagnose(prepareDesign(design), tally).results[0];
    expect(diagnosed.warnings.join(' ')).not.toMatch(/not valid|anti-conservative/);
  });
});
