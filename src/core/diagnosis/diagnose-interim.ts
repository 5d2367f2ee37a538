import type { InterimPlan } from '../analysis/group-sequential/interim-plan.js';
import type { SpendingFunction } from '../analysis/group-sequential/sequential-design.js';
import type { Design, Interim } from '../design.js';
import { excessOverAlpha } from './diagnose.js';
import type { InterimTally } from './interim-tally.js';
import type { LookDiagnosis, SequentialDiagnosis } from './sequential-diagnosis.js';
import { wilsonInterval } from './wilson-interval.js';

/**
 * The diagnosands of a group-sequential design from its interim tallies: per look the share of
 * trials stopping there for efficacy and for futility (and under the null run), and overall the
 * power, the real type I error, the expected people followed up, recruited and the expected
 * duration, and the bias and exaggeration of the estimate at stopping.
 *
 * Formula in words: P̂(stop at k) = stops at k / trials; E[t] = Σ_k t_k·P̂(stop at k), whose Monte
 * Carlo SE is √(Var(t_stop)/trials) with Var(t_stop) = Σ t_k²·P̂_k − E[t]²; people N·E[t]; recruited
 * N·Σ_k min(1, t_k + F/R)·P̂_k; duration F + R·E[t] (docs/sequential-and-stepped-wedge.md, "Looks and
 * calendar time"); bias = mean(log estimate at stopping − log truth); exaggeration = mean
 * |log estimate|/|log truth| over efficacy stops.
 * Reference: Jennison & Turnbull (2000) ch. 8; Hampson & Jennison (2013) (people in the pipeline).
 *
 * @example 2,000 trials stopping 356, 792 and 418 times for efficacy and 157, 147 for futility at
 *   looks 0.5, 0.75, 1 → power 0.783, P(stop at look 1) = 0.2565, E[t] ≈ 0.7857
 */
export function diagnoseInterim(
  design: Design,
  plan: InterimPlan,
  effect: InterimTally,
  nullTally: InterimTally | null,
  logEstimand: number,
): SequentialDiagnosis {
  const interim = design.plan.interim!;
  const { boundaries, peopleAtLook, cohortSize } = plan;
  const fractions = boundaries.informationFractions;
  const followUp = design.plan.followUpMonths;
  const recruitment = interim.recruitmentMonths;
  const trials = effect.trials;
  const stopsAt = (tally: InterimTally, k: number): number =>
    tally.efficacyBenefit[k] +
    tally.efficacyHarm[k] +
    tally.futility[k] +
    (k === fractions.length - 1 ? finalStops(tally) : 0);
  const expectation = (tally: InterimTally, f: (k: number) => number): number =>
    fractions.reduce((sum, _, k) => sum + f(k) * ratio(stopsAt(tally, k), tally.trials), 0);
  const meanT = expectation(effect, (k) => fractions[k]);
  const meanT2 = expectation(effect, (k) => fractions[k] ** 2);
  const nullMeanT = nullTally ? expectation(nullTally, (k) => fractions[k]) : null;
  const rejections = sum(effect.efficacyBenefit) + sum(effect.efficacyHarm);
  const power = ratio(rejections, trials);
  const nullRejections = nullTally ? sum(nullTally.efficacyIgnoringFutility) : null;
  const estimated = trials - effect.failures;
  const meanError = ratio(effect.sumError.value(), estimated);
  const meanSquaredError = ratio(effect.sumSquaredError.value(), estimated);
  const efficacyWithTruth = sum(effect.efficacyWithTruth);
  const months = (t: number | null): number | null =>
    recruitment === null || t === null ? null : followUp + recruitment * t;
  const looks: LookDiagnosis[] = fractions.map((t, k) => {
    const futilityZ = boundaries.futility?.z[k];
    const last = k === fractions.length - 1;
    return {
      look: k + 1,
      informationFraction: t,
      people: peopleAtLook[k],
      month: months(t),
      efficacyZ: boundaries.efficacyZ[k],
      futilityZ:
        futilityZ === undefined || last || !Number.isFinite(futilityZ)
          ? null
          : Math.min(futilityZ, boundaries.efficacyZ[k]),
      alphaSpent: boundaries.alphaSpent[k],
      stopEfficacy: ratio(effect.efficacyBenefit[k] + effect.efficacyHarm[k], trials),
      stopEfficacyHarm: ratio(effect.efficacyHarm[k], trials),
      stopFutility: ratio(effect.futility[k], trials),
      stopEfficacyIgnoringFutility: ratio(effect.efficacyIgnoringFutility[k], trials),
      nullStopEfficacy: nullTally
        ? ratio(nullTally.efficacyBenefit[k] + nullTally.efficacyHarm[k], nullTally.trials)
        : null,
      nullStopFutility: nullTally ? ratio(nullTally.futility[k], nullTally.trials) : null,
      nullStopEfficacyIgnoringFutility: nullTally
        ? ratio(nullTally.efficacyIgnoringFutility[k], nullTally.trials)
        : null,
      exaggeration:
        effect.efficacyWithTruth[k] > 0 ? effect.sumExaggeration[k].value() / effect.efficacyWithTruth[k] : null,
    };
  });
  return {
    outcome: design.outcomes[plan.outcome].id,
    analysis: design.outcomes[plan.outcome].analysis,
    estimand: Math.exp(logEstimand),
    sides: design.analysis.sides,
    boundaries: describeEfficacy(interim),
    futility:
      interim.futility === null
        ? null
        : { beta: interim.futility.beta, spending: describeSpending(interim.futility.spending, 'β'), nonBinding: true },
    maximumPeople: cohortSize,
    followUpMonths: followUp,
    recruitmentMonths: recruitment,
    looks,
    power,
    powerCI: wilsonInterval(rejections, trials),
    mcse: Math.sqrt((power * (1 - power)) / Math.max(1, trials)),
    powerIgnoringFutility: ratio(sum(effect.efficacyIgnoringFutility), trials),
    typeIError: nullTally ? ratio(nullRejections!, nullTally.trials) : null,
    typeIErrorCI: nullTally ? wilsonInterval(nullRejections!, nullTally.trials) : null,
    typeIErrorFutilityObeyed: nullTally
      ? ratio(sum(nullTally.efficacyBenefit) + sum(nullTally.efficacyHarm), nullTally.trials)
      : null,
    typeIErrorAboveAlpha: nullTally ? excessOverAlpha(nullRejections!, nullTally.trials, design.analysis.alpha) : null,
    expectedPeople: cohortSize * meanT,
    expectedPeopleMcse: cohortSize * Math.sqrt(Math.max(0, meanT2 - meanT * meanT) / Math.max(1, trials)),
    expectedPeopleUnderNull: nullMeanT === null ? null : cohortSize * nullMeanT,
    expectedRecruited:
      recruitment === null
        ? null
        : cohortSize * expectation(effect, (k) => Math.min(1, fractions[k] + followUp / recruitment)),
    expectedMonths: months(meanT),
    expectedMonthsUnderNull: months(nullMeanT),
    bias: meanError,
    biasMcse: Math.sqrt(Math.max(0, meanSquaredError - meanError * meanError) / Math.max(1, estimated)),
    rmse: Math.sqrt(meanSquaredError),
    exaggeration:
      efficacyWithTruth > 0
        ? effect.sumExaggeration.reduce((total, s) => total + s.value(), 0) / efficacyWithTruth
        : null,
    failures: effect.failures,
  };
}

/** Trials that reached the last look without stopping early or crossing there (they stop at the end too). */
function finalStops(tally: InterimTally): number {
  return tally.trials - sum(tally.efficacyBenefit) - sum(tally.efficacyHarm) - sum(tally.futility);
}

/** The efficacy boundaries in words. */
export function describeEfficacy(interim: Interim): string {
  const rule = interim.efficacy;
  if (rule.kind === 'classic') {
    return rule.shape === 'pocock' ? 'classic Pocock (equal z at every look)' : "classic O'Brien–Fleming (z = c/√t)";
  }
  return describeSpending(rule.spending, 'α');
}

/** A spending function in words. */
function describeSpending(spending: SpendingFunction, what: 'α' | 'β'): string {
  if (spending.family === 'obrien-fleming') return `Lan–DeMets O'Brien–Fleming-type ${what}-spending`;
  if (spending.family === 'pocock') return `Lan–DeMets Pocock-type ${what}-spending`;
  return `Hwang–Shih–DeCani ${what}-spending (γ = ${spending.gamma})`;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}
