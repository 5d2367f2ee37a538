/**
 * Both forms give the replication's success: the person form and the cell form draw each trial's
 * true effect from the same design prior (sub-stream 4, so trial i has the same truth in both) and
 * judge the same criteria, so their probabilities of success agree within Monte Carlo error.
 * Tolerance: 4.5 SEs of the difference of two independent binomial shares (the forms draw people
 * differently, so their outcomes are independent given the truths).
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { simulateTrial } from '../../../src/core/trial.js';
import { designFrom } from '../../support/design-from.js';

const TRIALS = 3000;

describe('replication success: person form and cell form agree', () => {
  test('count outcome, predictive prior with τ, engagement 0.8: every criterion', async () => {
    const yaml = (engine: string) => `
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.2, dispersion: 0.5, analysis: negative-binomial, original: { estimate: 0.7, ci: [0.52, 0.94] } }
design: { followUpMonths: 12, size: { treated: 120, control: 120 }, engagement: 0.8 }
replication:
  prior: predictive
  heterogeneity: 0.1
  success: [significance, sceptical, { sceptical: controlled }, meta-analysis, prediction-interval, small-telescopes]
simulation: { engine: ${engine} }
`;
    const person = prepareDesign(await designFrom('replication-person', yaml('person'), 21));
    const cells = prepareDesign(await designFrom('replication-cells', yaml('aggregate'), 21));
    expect(person.engine.kind).toBe('person');
    expect(cells.engine.kind).toBe('aggregate');
    // The same drawn truth for trial i in both forms.
    for (const trial of [0, 1, 7]) {
      expect(simulateTrial(person, trial, false).logEstimands[0]).toBe(
        simulateTrial(cells, trial, false).logEstimands[0],
      );
    }
    const successOf = (prepared: typeof person) =>
      diagnose(prepared, simulateBlock(prepared, 0, TRIALS, { withNull: false })).results[0].replicationSuccess!;
    const a = successOf(person);
    const b = successOf(cells);
    for (const key of Object.keys(a)) {
      const p = (a[key].probability + b[key].probability) / 2;
      const se = Math.sqrt((2 * p * (1 - p)) / TRIALS);
      expect(Math.abs(a[key].probability - b[key].probability), key).toBeLessThanOrEqual(4.5 * se + 1e-12);
    }
  }, 300_000);
});
