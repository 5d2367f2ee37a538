/**
 * Test support for the agreement tests: the same design simulated by both forms through the one
 * spine (`simulateTrial`), with summaries that carry their Monte Carlo errors.
 */
import type { Design } from '../../../src/core/design.js';
import { accumulateTrial } from '../../../src/core/diagnosis/accumulate-trial.js';
import { emptyRunTally, type RunTally } from '../../../src/core/diagnosis/tally.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateTrial } from '../../../src/core/trial.js';
import { designFrom } from '../../support/design-from.js';
import { expect } from 'vitest';

/** What one engine gave over many trials: the tallies, and each outcome's log estimates and p-values. */
export interface EngineRun {
  readonly tally: RunTally;
  readonly logEstimates: number[][];
  readonly pValues: number[][];
  readonly nullPValues: number[][];
}

/** Simulates trials [0, trials) of a design by one engine (through the one spine, `simulateTrial`), with the paired null run. */
export function runEngine(design: Design, engine: 'person' | 'aggregate', trials: number): EngineRun {
  const prepared = prepareDesign({ ...design, simulation: { ...design.simulation, engine } });
  const simulate = (i: number, nullRun: boolean) => simulateTrial(prepared, i, nullRun);
  const tally = emptyRunTally(design.outcomes.length, true);
  const logEstimates = design.outcomes.map((): number[] => []);
  const pValues = design.outcomes.map((): number[] => []);
  const nullPValues = design.outcomes.map((): number[] => []);
  for (let i = 0; i < trials; i++) {
    const record = simulate(i, false);
    const [any, all] = accumulateTrial(prepared, record, tally.outcomes);
    tally.trials += 1;
    if (any) tally.anyPrimary += 1;
    if (all) tally.allPrimary += 1;
    const nullRecord = simulate(i, true);
    const [nullAny] = accumulateTrial(prepared, nullRecord, tally.nullRun!.outcomes, true);
    if (nullAny) tally.nullRun!.anyPrimary += 1;
    record.results.forEach((result, k) => {
      if (result.failed) return;
      logEstimates[k].push(result.logEstimate);
      pValues[k].push(result.pValue);
    });
    nullRecord.results.forEach((result, k) => {
      if (!result.failed) nullPValues[k].push(result.pValue);
    });
  }
  return { tally, logEstimates, pValues, nullPValues };
}

/** A proportion and its Monte Carlo standard error. */
export function proportion(hits: number, trials: number): { value: number; se: number } {
  const value = hits / trials;
  return { value, se: Math.sqrt(Math.max(value * (1 - value), 1 / trials) / trials) };
}

/** A mean and its Monte Carlo standard error. */
export function meanOf(values: readonly number[]): { value: number; se: number } {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return { value: mean, se: Math.sqrt(variance / n) };
}

/** How many combined standard errors apart two estimates are. */
export function standardisedDifference(a: { value: number; se: number }, b: { value: number; se: number }): number {
  const se = Math.sqrt(a.se ** 2 + b.se ** 2);
  return se > 0 ? Math.abs(a.value - b.value) / se : a.value === b.value ? 0 : Infinity;
}

/**
 * The two-sample Kolmogorov–Smirnov test: D = sup |F₁ − F₂| and its asymptotic p-value
 * Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²), λ = (√nₑ + 0.12 + 0.11/√nₑ)·D, nₑ = n₁n₂/(n₁ + n₂)
 * (Numerical Recipes, 3rd ed., §14.3.3; Stephens 1970). On discrete data (counts, tied
 * p-values) it is conservative: it rejects less often than its level.
 */
export function kolmogorovSmirnov(first: readonly number[], second: readonly number[]): { d: number; pValue: number } {
  const a = [...first].sort((x, y) => x - y);
  const b = [...second].sort((x, y) => x - y);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const value = Math.min(a[i], b[j]);
    while (i < a.length && a[i] === value) i++;
    while (j < b.length && b[j] === value) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  const effective = (a.length * b.length) / (a.length + b.length);
  const lambda = (Math.sqrt(effective) + 0.12 + 0.11 / Math.sqrt(effective)) * d;
  let pValue = 0;
  for (let k = 1; k <= 100; k++) pValue += 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
  return { d, pValue: lambda < 0.2 ? 1 : Math.min(1, Math.max(0, pValue)) };
}

const TOLERANCE_SE = 4;
const KS_LEVEL = 0.001;

/** A design to compare, as scenario text, with the number of trials each engine runs. */
export interface AgreementCase {
  readonly name: string;
  readonly trials: number;
  readonly yaml: string;
}

/**
 * Runs a design on both engines (different seeds, so independent samples) and checks that they
 * agree: power, failures, type I error and family-wise rates within 4 combined MC SEs, mean log
 * estimate likewise, and two-sample KS tests on log estimates and p-values (effect and null runs)
 * that do not reject at 0.001.
 */
export async function checkAgreement(testCase: AgreementCase): Promise<void> {
  const personDesign = await designFrom(`${testCase.name}-person`, testCase.yaml, 101);
  const aggregateDesign = await designFrom(`${testCase.name}-aggregate`, testCase.yaml, 202);
  const person = runEngine(personDesign, 'person', testCase.trials);
  const aggregate = runEngine(aggregateDesign, 'aggregate', testCase.trials);
  const trials = testCase.trials;
  personDesign.outcomes.forEach((outcome, k) => {
    const label = `${testCase.name} / ${outcome.id}`;
    const p = person.tally.outcomes[k];
    const a = aggregate.tally.outcomes[k];
    expect(
      standardisedDifference(proportion(p.rejections, trials), proportion(a.rejections, trials)),
      `${label} power`,
    ).toBeLessThan(TOLERANCE_SE);
    expect(
      standardisedDifference(proportion(p.failures, trials), proportion(a.failures, trials)),
      `${label} failures`,
    ).toBeLessThan(TOLERANCE_SE);
    const pNull = person.tally.nullRun!.outcomes[k];
    const aNull = aggregate.tally.nullRun!.outcomes[k];
    expect(
      standardisedDifference(proportion(pNull.rejections, trials), proportion(aNull.rejections, trials)),
      `${label} type I error`,
    ).toBeLessThan(TOLERANCE_SE);
    expect(
      standardisedDifference(meanOf(person.logEstimates[k]), meanOf(aggregate.logEstimates[k])),
      `${label} mean estimate`,
    ).toBeLessThan(TOLERANCE_SE);
    expect(
      kolmogorovSmirnov(person.logEstimates[k], aggregate.logEstimates[k]).pValue,
      `${label} KS on log estimates`,
    ).toBeGreaterThan(KS_LEVEL);
    expect(
      kolmogorovSmirnov(person.pValues[k], aggregate.pValues[k]).pValue,
      `${label} KS on p-values`,
    ).toBeGreaterThan(KS_LEVEL);
    expect(
      kolmogorovSmirnov(person.nullPValues[k], aggregate.nullPValues[k]).pValue,
      `${label} KS on null p-values`,
    ).toBeGreaterThan(KS_LEVEL);
  });
  const anyPrimary = standardisedDifference(
    proportion(person.tally.anyPrimary, trials),
    proportion(aggregate.tally.anyPrimary, trials),
  );
  expect(anyPrimary, `${testCase.name} any-primary power`).toBeLessThan(TOLERANCE_SE);
  const allPrimary = standardisedDifference(
    proportion(person.tally.allPrimary, trials),
    proportion(aggregate.tally.allPrimary, trials),
  );
  expect(allPrimary, `${testCase.name} all-primary power`).toBeLessThan(TOLERANCE_SE);
  const nullAny = standardisedDifference(
    proportion(person.tally.nullRun!.anyPrimary, trials),
    proportion(aggregate.tally.nullRun!.anyPrimary, trials),
  );
  expect(nullAny, `${testCase.name} family-wise error under the null`).toBeLessThan(TOLERANCE_SE);
}
