/**
 * The published sample-size cases of validation.md that concern a simulated test: at the published
 * sample size the simulated power of the matching test should be the published target power. The
 * formulas are large-sample approximations (Tang, Zhu & Gu 2020 show the NB ones slightly
 * underestimate n), so each check allows 4 Monte Carlo standard errors plus the stated
 * approximation margin, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { binaryOn, countOn, oneGroupDesign } from '../../support/one-group-design.js';

/** Power over `trials` simulated trials of a one-outcome design. */
function simulatedPower(design: ReturnType<typeof oneGroupDesign>, trials: number): number {
  return simulateBlock(prepareDesign(design), 0, trials, { withNull: false }).outcomes[0].rejections / trials;
}

const monteCarloMargin = (power: number, trials: number) => 4 * Math.sqrt((power * (1 - power)) / trials);

describe('published cases', () => {
  it('Chow, Shao & Wang Example 4.2.4: p 0.65 vs 0.85 needs 70 per group for 80% power', () => {
    const trials = 3000;
    const design = oneGroupDesign({
      treated: 70,
      control: 70,
      outcomes: [binaryOn('any', 0.85, 0.65 / 0.85, 'two-proportion-z')],
    });
    // Margin: the example rounds 69.66 up to 70, and the pooled test differs from the unpooled
    // formula; exact enumeration of the pooled test at 70 per group gives 0.7969 (scipy.stats.binom).
    expect(Math.abs(simulatedPower(design, trials) - 0.8)).toBeLessThan(monteCarloMargin(0.8, trials) + 0.01);
  });

  it('Keene et al. 2007: r0 1.0, RR 0.6, k 1, t 1 needs 140.37 per arm for 80% power (NB Wald)', () => {
    const trials = 1500;
    const design = oneGroupDesign({
      treated: 141,
      control: 141,
      propensityDispersion: 1,
      outcomes: [countOn('count', 1, 0.6, 'negative-binomial')],
    });
    // Approximation margin 0.02: the formula treats k as known; the simulated test estimates it.
    expect(Math.abs(simulatedPower(design, trials) - 0.8)).toBeLessThan(monteCarloMargin(0.8, trials) + 0.02);
  });

  it('Zhu & Lakkis 2014 Table I: r0 0.8, RR 0.85, k 0.4, t 0.75 needs n0 = 1310.7 (method 3) for 80% power', () => {
    const trials = 500;
    const design = oneGroupDesign({
      treated: 1311,
      control: 1311,
      propensityDispersion: 0.4,
      followUpMonths: 9,
      outcomes: [countOn('count', 0.8, 0.85, 'negative-binomial')],
    });
    expect(Math.abs(simulatedPower(design, trials) - 0.8)).toBeLessThan(monteCarloMargin(0.8, trials) + 0.02);
  });
});
