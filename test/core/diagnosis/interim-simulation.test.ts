/**
 * Simulated group-sequential designs against their normal theory: with an analysis whose
 * statistic is close to normal at the size used (a Poisson Wald test on 4,000 people with about
 * 1.5 events each, so some 3,000 events per arm at the end), the simulated type I error of each
 * design is its nominal α, and the simulated power, stopping probabilities and expected sample
 * size are the exact exit probabilities (`computeExitProbabilities`) at the design's drift.
 *
 * Tolerances are 4 Monte Carlo standard errors of the simulated quantity, computed from the
 * nominal or closed-form value: √(p(1 − p)/trials) for a share, √(Var(t_stop)/trials) for E[t].
 * No tolerance is tuned: a failure means the simulation and the theory disagree by more than
 * chance (about 1 in 16,000 per comparison).
 */
import { describe, expect, test } from 'vitest';
import { computeExitProbabilities } from '../../../src/core/analysis/group-sequential/exit-probabilities.js';
import { diagnoseInterim } from '../../../src/core/diagnosis/diagnose-interim.js';
import { emptyRunTally, mergeRunTally, runTallyFromJSON, runTallyToJSON } from '../../../src/core/diagnosis/tally.js';
import { prepareDesign, type PreparedDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { designFrom } from '../../support/design-from.js';

const PEOPLE = 4000;
const RATE = 1.5;

/** A large two-arm Poisson trial with interim looks `interim` (YAML), the analysis α and sides given. */
async function largeTrial(name: string, interim: string, rateRatio: number, analysis: string, engine = 'aggregate') {
  const yaml = `
outcomes:
  - { id: crime, kind: count, ratePerYear: ${RATE}, effect: { rateRatio: ${rateRatio} }, analysis: poisson-wald }
design: { followUpMonths: 12, size: { total: ${PEOPLE} }, interim: ${interim} }
analysis: ${analysis}
simulation: { engine: ${engine} }
`;
  return prepareDesign(await designFrom(name, yaml, 11));
}

/**
 * The drift θ = E[Z_K]: |log RR| over the standard error of the log rate ratio at the end,
 * √(1/(n₁μ₁) + 1/(n₀μ₀)) with μ the expected events per person (the Poisson Wald test's variance).
 */
function driftOf(prepared: PreparedDesign): number {
  const logRatio = prepared.statedLogEstimands[0];
  const perArm = PEOPLE / 2;
  const control = perArm * RATE;
  const treated = perArm * RATE * Math.exp(logRatio);
  return Math.abs(logRatio) / Math.sqrt(1 / treated + 1 / control);
}

/** Within `sds` Monte Carlo SEs of a share p over `trials`. */
function expectShare(simulated: number, p: number, trials: number, sds = 4): void {
  const se = Math.sqrt((p * (1 - p)) / trials);
  expect(Math.abs(simulated - p)).toBeLessThanOrEqual(sds * se);
}

describe('the simulated type I error of a sequential design is its nominal α (paired null run)', () => {
  const TRIALS = 12_000;
  const designs: [string, string, string, number][] = [
    ['two-sided O’Brien–Fleming spending', '{ looks: [0.5, 0.75, 1] }', '{ alpha: 0.05, sides: two }', 0.05],
    [
      'one-sided classic Pocock',
      '{ looks: [0.33, 0.67, 1], spending: classic-pocock }',
      '{ alpha: 0.025, sides: one }',
      0.025,
    ],
    [
      'one-sided Hwang–Shih–DeCani(−4) with non-binding futility',
      '{ looks: [0.4, 0.7, 1], spending: { hwang-shih-decani: -4 }, futility: { beta: 0.2 } }',
      '{ alpha: 0.025, sides: one }',
      0.025,
    ],
    [
      'two-sided classic O’Brien–Fleming, four looks',
      '{ looks: [0.25, 0.5, 0.75, 1], spending: classic-obrien-fleming }',
      '{ alpha: 0.05, sides: two }',
      0.05,
    ],
  ];
  test.each(designs)(
    '%s',
    async (label, interim, analysis, alpha) => {
      const prepared = await largeTrial(`type-i-${label.length}-${alpha}`, interim, 0.9, analysis);
      const tally = simulateBlock(prepared, 0, TRIALS, { withNull: true });
      const nullTally = tally.interim!.nullRun!;
      const rejections = nullTally.efficacyIgnoringFutility.reduce((a, b) => a + b, 0);
      expectShare(rejections / TRIALS, alpha, TRIALS);
      // Non-binding: obeying futility can only lower it.
      const obeyed = [...nullTally.efficacyBenefit, ...nullTally.efficacyHarm].reduce((a, b) => a + b, 0);
      expect(obeyed).toBeLessThanOrEqual(rejections);
      // Each look spends what the boundaries say it spends (alphaSpent is cumulative), within 4 SEs.
      const spent = prepared.interim!.boundaries.alphaSpent;
      let cumulative = 0;
      nullTally.efficacyIgnoringFutility.forEach((count, k) => {
        cumulative += count;
        expectShare(cumulative / TRIALS, spent[k], TRIALS);
      });
    },
    120_000,
  );
});

describe('simulated power and expected sample size match the exit probabilities in the normal limit', () => {
  const TRIALS = 8_000;
  test.each([
    ['aggregate', 0.925, '{ looks: [0.5, 0.75, 1], futility: { beta: 0.2 } }', '{ alpha: 0.05, sides: two }'],
    ['aggregate', 0.93, '{ looks: [0.3, 0.6, 1], spending: pocock }', '{ alpha: 0.025, sides: one }'],
    ['person', 0.925, '{ looks: [0.5, 1], spending: classic-pocock }', '{ alpha: 0.05, sides: two }'],
  ])(
    '%s form, rate ratio %s, looks %s',
    async (engine, rateRatio, interim, analysis) => {
      const trials = engine === 'person' ? 2_000 : TRIALS;
      const prepared = await largeTrial(`power-${engine}-${rateRatio}`, interim, rateRatio, analysis, engine);
      const plan = prepared.interim!;
      const exits = computeExitProbabilities(plan.boundaries, driftOf(prepared));
      const tally = simulateBlock(prepared, 0, trials, { withNull: false });
      const summary = diagnoseInterim(
        prepared.design,
        plan,
        tally.interim!.effect,
        null,
        prepared.statedLogEstimands[0],
      );
      expectShare(summary.power, exits.rejectUpper + exits.rejectLower, trials);
      exits.looks.forEach((look, k) => {
        expectShare(summary.looks[k].stopEfficacy, look.efficacyUpper + look.efficacyLower, trials);
        if (k < exits.looks.length - 1) expectShare(summary.looks[k].stopFutility, look.futility, trials);
      });
      // E[t] and its spread from the closed form: Var(t_stop) = Σ t_k² P_k − E[t]².
      const stop = exits.looks.map((look) => look.efficacyUpper + look.efficacyLower + look.futility);
      stop[stop.length - 1] = 1 - stop.slice(0, -1).reduce((a, b) => a + b, 0);
      const fractions = plan.boundaries.informationFractions;
      const meanT = exits.expectedInformationFraction;
      const varianceT = fractions.reduce((sum, t, k) => sum + t * t * stop[k], 0) - meanT * meanT;
      const simulatedT = summary.expectedPeople / PEOPLE;
      expect(Math.abs(simulatedT - meanT)).toBeLessThanOrEqual(4 * Math.sqrt(varianceT / trials) + 1 / PEOPLE);
    },
    120_000,
  );
});

describe('stopping early for benefit overstates the effect', () => {
  test('trials stopping at the first look exaggerate more than those reaching the end', async () => {
    const prepared = await largeTrial('winner', '{ looks: [0.5, 0.75, 1] }', 0.925, '{ alpha: 0.05, sides: two }');
    const tally = simulateBlock(prepared, 0, 3_000, { withNull: false });
    const summary = diagnoseInterim(
      prepared.design,
      prepared.interim!,
      tally.interim!.effect,
      null,
      prepared.statedLogEstimands[0],
    );
    // A trial stopping at look 1 has |Z_1| ≥ 2.96 at half the information, so its |log estimate| is
    // at least 2.96·SE₁ = 2.96·√2·SE = 4.19/θ·|log RR| ≈ 1.42·|log RR| at θ ≈ 2.94: exaggeration ≥ 1.42.
    expect(summary.looks[0].exaggeration!).toBeGreaterThan(1.4);
    expect(summary.exaggeration!).toBeGreaterThan(1);
    expect(summary.bias).toBeLessThan(0); // a reduction, overstated: the log estimate is too negative
  }, 60_000);
});

describe('interim tallies are reproducible whatever the split', () => {
  test('two blocks merge, and survive the JSON of worker messages and shard files, to the tally of the whole', async () => {
    const prepared = await largeTrial(
      'split',
      '{ looks: [0.5, 0.75, 1], futility: { beta: 0.2 } }',
      0.925,
      '{ alpha: 0.05, sides: two }',
    );
    const whole = simulateBlock(prepared, 0, 120, { withNull: true });
    const first = runTallyFromJSON(runTallyToJSON(simulateBlock(prepared, 0, 47, { withNull: true })));
    const second = runTallyFromJSON(runTallyToJSON(simulateBlock(prepared, 47, 120, { withNull: true })));
    // The runner begins with a tally that knows nothing of the looks (emptyRunTally without them).
    const merged = emptyRunTally(1, true);
    mergeRunTally(merged, first);
    mergeRunTally(merged, second);
    expect(runTallyToJSON(merged)).toEqual(runTallyToJSON(whole));
    expect(whole.interim!.effect.trials).toBe(120);
  }, 60_000);
});
