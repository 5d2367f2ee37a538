/**
 * `diagnose` on its own: a tally built by hand from a few stated trials, every diagnosand and its
 * Monte Carlo SE checked against values worked out from those trials (in R, calls below), then a
 * simulated run to show the seed reaches the diagnosis.
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { ExactSum } from '../../../src/core/diagnosis/exact-sum.js';
import { emptyOutcomeTally, type OutcomeTally, type RunTally } from '../../../src/core/diagnosis/tally.js';
import { prepareDesign } from '../../../src/core/prepare-design.js';
import { simulateBlock } from '../../../src/core/simulate-block.js';
import { countOutcome, makeDesign } from '../model/fixtures.js';

// Two primary count outcomes, negative binomial, rate ratios 0.8 (crime) and 0.7 (knife) for
// everyone (engagement 1, no selection), so the estimands are exactly those ratios.
const design = makeDesign({
  outcomes: [
    countOutcome('crime', [2.2, 1.8], { rateRatio: { youth: 0.8, adult: 0.8 } }),
    countOutcome('knife', [0.6, 0.6], { rateRatio: { youth: 0.7, adult: 0.7 } }),
  ],
});
const prepared = prepareDesign(design);

const TRUTH = Math.log(0.8);
/**
 * Crime over 10 trials: 2 failed; the other 8 estimated these log ratios, of which −0.5, −0.6,
 * 0.2 (the wrong sign) and −0.4 were significant (3 of them after Holm's correction), and 6
 * intervals covered log 0.8.
 */
const CRIME_ESTIMATES = [-0.5, -0.3, -0.1, 0.2, -0.6, -0.25, 0.05, -0.4];
const CRIME_SIGNIFICANT = [-0.5, -0.6, 0.2, -0.4];

function sumOf(terms: readonly number[]): ExactSum {
  const sum = new ExactSum();
  for (const term of terms) sum.add(term);
  return sum;
}

function crimeTally(): OutcomeTally {
  return {
    ...emptyOutcomeTally(),
    trials: 10,
    failures: 2,
    rejections: 4,
    adjustedRejections: 3,
    sumLogEstimate: sumOf(CRIME_ESTIMATES),
    sumError: sumOf(CRIME_ESTIMATES.map((e) => e - TRUTH)),
    sumSquaredError: sumOf(CRIME_ESTIMATES.map((e) => (e - TRUTH) ** 2)),
    covered: 6,
    wrongSign: 1,
    significantWithTruth: 4,
    sumExaggeration: sumOf(CRIME_SIGNIFICANT.map((e) => Math.abs(e) / Math.abs(TRUTH))),
  };
}

/**
 * Knife estimated −0.3 in each of its 10 trials, all covering log 0.7 and 7 significant. The paired
 * null run: crime rejects 1 of 10 (1 failed), knife 6 of 10 — far above alpha.
 */
function handTally(): RunTally {
  const knifeTruth = Math.log(0.7);
  const knife: OutcomeTally = {
    ...emptyOutcomeTally(),
    trials: 10,
    rejections: 7,
    adjustedRejections: 7,
    sumLogEstimate: sumOf(Array(10).fill(-0.3)),
    sumError: sumOf(Array(10).fill(-0.3 - knifeTruth)),
    sumSquaredError: sumOf(Array(10).fill((-0.3 - knifeTruth) ** 2)),
    covered: 10,
    significantWithTruth: 7,
    sumExaggeration: sumOf(Array(7).fill(0.3 / -knifeTruth)),
  };
  return {
    trials: 10,
    outcomes: [crimeTally(), knife],
    anyPrimary: 7,
    allPrimary: 3,
    nullRun: {
      outcomes: [
        { ...emptyOutcomeTally(), trials: 10, failures: 1, rejections: 1 },
        { ...emptyOutcomeTally(), trials: 10, rejections: 6 },
      ],
      anyPrimary: 6,
    },
  };
}

// ExactSum rounds each term to a multiple of 2^-32 (≈ 2.3e-10): sums agree with R to about 1e-9.
const EXACT_SUM_DIGITS = 8;

describe('diagnose on a hand-built tally', () => {
  const { results, familywise, warnings } = diagnose(prepared, handTally());
  const crime = results[0];

  test('power, its Wilson interval and Monte Carlo SE, and the power after the multiplicity correction', () => {
    // R: prop.test(4, 10, correct = FALSE)$conf.int → 0.168180329706 0.687326230266; sqrt(0.4 * 0.6 / 10)
    expect(crime.power).toBe(0.4);
    expect(crime.powerCI[0]).toBeCloseTo(0.168180329706, 11);
    expect(crime.powerCI[1]).toBeCloseTo(0.687326230266, 11);
    expect(crime.mcse).toBeCloseTo(0.154919333848, 11);
    expect(crime.adjustedPower).toBe(0.3);
  });

  test('bias, its Monte Carlo SE, and RMSE of the log estimate over the 8 estimated trials', () => {
    // R: tau <- log(0.8); e <- c(-0.5, -0.3, -0.1, 0.2, -0.6, -0.25, 0.05, -0.4); err <- e - tau
    //    mean(err) → -0.0143564486858; sqrt(mean(err^2)) → 0.256271062781;
    //    sqrt((mean(err^2) - mean(err)^2) / 8) → 0.0904632176633
    expect(crime.bias).toBeCloseTo(-0.0143564486858, EXACT_SUM_DIGITS);
    expect(crime.rmse).toBeCloseTo(0.256271062781, EXACT_SUM_DIGITS);
    expect(crime.biasMcse).toBeCloseTo(0.0904632176633, EXACT_SUM_DIGITS);
  });

  test('coverage and its Monte Carlo SE, type S, exaggeration and the geometric mean estimate', () => {
    // coverage 6/8; R: sqrt(0.75 * 0.25 / 8) → 0.153093108924; type S 1 of 4 significant;
    // exaggeration R: sum(abs(c(-0.5, -0.6, 0.2, -0.4))) / abs(log(0.8)) / 4 → 1.90460355003;
    // mean estimate R: exp(mean(e)) → 0.788596890981
    expect(crime.coverage).toBe(0.75);
    expect(crime.coverageMcse).toBeCloseTo(0.153093108924, 11);
    expect(crime.typeS).toBe(0.25);
    expect(crime.exaggeration).toBeCloseTo(1.90460355003, EXACT_SUM_DIGITS);
    expect(crime.meanEstimate).toBeCloseTo(0.788596890981, EXACT_SUM_DIGITS);
  });

  test('the estimand, type I error with its interval, failures, and what the report says about them', () => {
    // R: prop.test(1, 10, correct = FALSE)$conf.int → 0.0178762130951 0.404150026795
    expect(crime.estimand).toBeCloseTo(0.8, 12);
    expect(crime.typeIError).toBe(0.1);
    expect(crime.typeIErrorCI![0]).toBeCloseTo(0.0178762130951, 11);
    expect(crime.typeIErrorCI![1]).toBeCloseTo(0.404150026795, 11);
    expect([crime.failures, crime.nullFailures]).toEqual([2, 1]);
    expect(crime.typeIErrorAboveAlpha).toBe(false);
    expect(crime.warnings).toEqual([
      'negative-binomial could not be computed for "crime" in 2 of 10 trials (e.g. no events in an arm); those trials count as no finding in power.',
    ]);
  });

  test('an outcome whose null run rejects far above alpha is flagged as not valid', () => {
    // R: prop.test(6, 10, correct = FALSE, conf.level = 0.99)$conf.int[1] → 0.248159740939 > 0.05
    const knife = results[1];
    expect(knife.estimand).toBeCloseTo(0.7, 12);
    expect(knife.typeIError).toBe(0.6);
    expect(knife.typeIErrorAboveAlpha).toBe(true);
    expect(knife.warnings.join(' ')).toMatch(/rejects 60\.0% of null trials at alpha 0\.05: the test is not valid/);
    // R: -0.3 - log(0.7) → 0.0566749439387; 0.3 / -log(0.7) → 0.841101975617; the same estimate every time: no spread.
    expect(knife.bias).toBeCloseTo(0.0566749439387, EXACT_SUM_DIGITS);
    expect(knife.rmse).toBeCloseTo(0.0566749439387, EXACT_SUM_DIGITS);
    expect(knife.biasMcse).toBeCloseTo(0, 4);
    expect([knife.coverage, knife.typeS]).toEqual([1, 0]);
    expect(knife.exaggeration).toBeCloseTo(0.841101975617, EXACT_SUM_DIGITS);
  });

  test('an outcome that failed in every trial has no estimate diagnosands (NaN or null), and says so', () => {
    const failed = { ...emptyOutcomeTally(), trials: 10, failures: 10 };
    const diagnosed = diagnose(prepared, { ...handTally(), outcomes: [failed, failed] }).results[0];
    expect(diagnosed.power).toBe(0);
    expect([diagnosed.bias, diagnosed.rmse, diagnosed.coverage, diagnosed.meanEstimate]).toEqual([NaN, NaN, NaN, NaN]);
    expect([diagnosed.typeS, diagnosed.exaggeration]).toEqual([null, null]);
    expect(diagnosed.warnings[0]).toMatch(/could not be computed for "crime" in 10 of 10 trials/);
  });

  test('family-wise rates over the primary outcomes, with a warning when the family-wise error is not controlled', () => {
    expect(familywise).toEqual({ anyPrimary: 0.7, allPrimary: 0.3, errorUnderNull: 0.6, multiplicity: 'holm' });
    expect(warnings).toEqual([
      'Across the 2 primary outcomes, at least one is significant in 60.0% of null trials (alpha 0.05, multiplicity holm): the family-wise error is not controlled.',
    ]);
  });

  test('without the null run, the null-run diagnosands are null', () => {
    const diagnosed = diagnose(prepared, { ...handTally(), nullRun: null });
    expect(diagnosed.results[0]).toMatchObject({
      typeIError: null,
      typeIErrorCI: null,
      nullFailures: null,
      typeIErrorAboveAlpha: null,
    });
    expect(diagnosed.familywise!.errorUnderNull).toBeNull();
  });
});

describe('diagnose on simulated trials', () => {
  function diagnosedRun(seed: number) {
    const seeded = prepareDesign({ ...design, simulation: { ...design.simulation, seed } });
    return diagnose(seeded, simulateBlock(seeded, 0, 60, { withNull: true }));
  }

  test('a different seed gives a different diagnosis; the same seed the same one', () => {
    const first = diagnosedRun(1);
    expect(diagnosedRun(1)).toEqual(first);
    const other = diagnosedRun(2);
    expect(other.results.map((r) => r.meanEstimate)).not.toEqual(first.results.map((r) => r.meanEstimate));
    expect(other.results.map((r) => r.rmse)).not.toEqual(first.results.map((r) => r.rmse));
  });
});
