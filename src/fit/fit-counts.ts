import { collectCountPatterns, type CountPatterns } from './count-patterns.js';
import { logScaleEstimate, type Estimate } from './estimate.js';
import type { Extract } from '../scenario/extract.js';
import { boundaryLikelihoodRatioP, fitOwnDispersion, type OwnDispersionFit } from './fit-own-dispersion.js';
import { fitSharedDispersion, type SharedDispersionFit } from './fit-shared-dispersion.js';
import { rateIndex, sharedIndex } from './own-dispersion-likelihood.js';

/** The likelihood-ratio check of one outcome's own extra dispersion. */
export interface OwnDispersionTest {
  readonly outcome: string;
  /** Why the outcome was not tested, or null when it was. */
  readonly skipped: string | null;
  /** 2·(log-likelihood with α_d free − with α_d = 0). */
  readonly statistic: number;
  /** ½·P(χ²₁ > statistic) (1 at 0): the boundary likelihood-ratio test. */
  readonly pValue: number;
}

/** Everything fitted to the count outcomes of an extract. */
export interface CountFit {
  /** The shared propensity's α with its 95% interval. */
  readonly dispersion: Estimate;
  /** How α's interval was found. */
  readonly dispersionMethod: string;
  /** rates[k][g]: control rate per person-year of outcome k in group g. */
  readonly rates: readonly (readonly Estimate[])[];
  /** events[k][g] over both windows, and person-years at risk per group. */
  readonly events: readonly Float64Array[];
  readonly personYears: Float64Array;
  readonly tests: readonly OwnDispersionTest[];
  /** Own dispersion per outcome where the test called for it (null otherwise). */
  readonly ownDispersions: readonly (Estimate | null)[];
  /** Log-likelihood of the final model (without terms free of the parameters). */
  readonly logLikelihood: number;
}

/** Significance level of the own-dispersion likelihood-ratio tests. */
export const OWN_DISPERSION_LEVEL = 0.05;

/**
 * Fits the count part of the scenario model to an extract: control rates per group and outcome
 * (exposure as an offset), the shared propensity's dispersion α, and each outcome's own extra
 * dispersion where a likelihood-ratio test at level 0.05 calls for it.
 *
 * Formula in words: (1) the shared-propensity model by maximum likelihood on every person's total
 * over outcomes and windows (fitSharedDispersion), each outcome's rate then being its group's
 * summed rate times its share of the group's events (the multinomial split, whose estimate is free
 * of α); (2) for each outcome, the score for its own dispersion at 0; if positive, the model with
 * that α_d free is fitted and LR = 2·Δ log-likelihood is referred to the 50:50 χ²₀:χ²₁ mixture;
 * (3) the final model frees every α_d with p < 0.05 together. Rate intervals are Wald intervals on
 * the log scale with Var(log λ_gk) = Var(log Λ_g) + 1/S_gk − 1/S_g (S the events); α's is the
 * profile-likelihood interval without own dispersion, and a log-scale Wald interval otherwise.
 * Reference: see negative-binomial-totals.ts, own-dispersion-likelihood.ts and
 * fit-own-dispersion.ts; the split's variance: Agresti, Categorical Data Analysis (3rd ed., 2013),
 * §16.1 (multinomial delta method).
 *
 * @example an extract synthesised from milton-keynes recovers α ≈ 1.5 and each rate within its interval
 */
export function fitCounts(extract: Extract): CountFit {
  const groupCount = extract.groups.length;
  const outcomeCount = extract.outcomes.length;
  const events = extract.outcomes.map((_, k) => groupEvents(extract, k));
  const personYears = new Float64Array(groupCount);
  for (let i = 0; i < extract.people; i++)
    personYears[extract.group[i]] += extract.followUpYears[i] + (extract.priorYears?.[i] ?? 0);
  const shared = fitSharedDispersion(collectCountPatterns(extract), groupCount);
  const sharedLogLikelihood = shared.logLikelihood + splitLogLikelihood(events, allBut(outcomeCount, []));
  const tests: OwnDispersionTest[] = extract.outcomes.map((outcome, d) => ({
    outcome,
    skipped: untestable(extract, events, d),
    statistic: 0,
    pValue: 1,
  }));
  // Forward selection: each round tests every remaining outcome's own dispersion against the model
  // so far and adds the strongest significant one, so noise on one outcome is not mistaken for
  // noise on the others (which it makes look overdispersed under the shared-only model).
  const chosen: number[] = [];
  let current: { fit: OwnDispersionFit | null; logLikelihood: number } = {
    fit: null,
    logLikelihood: sharedLogLikelihood,
  };
  for (;;) {
    let best: { d: number; fit: OwnDispersionFit; logLikelihood: number; statistic: number } | null = null;
    for (let d = 0; d < outcomeCount; d++) {
      if (tests[d].skipped !== null || chosen.includes(d)) continue;
      if (chosen.length === 0 && boundaryScore(collectCountPatterns(extract, [d]), shared, events, d) <= 0) continue;
      const candidate = fitWithOwn(extract, shared, events, [...chosen, d], current.fit);
      // At the boundary the alternative's maximum is the null's: LR is (about) 0, a valid test.
      if (!candidate.fit.converged && !candidate.fit.atBoundary) {
        tests[d] = { ...tests[d], skipped: 'the fit with its own dispersion did not converge' };
        continue;
      }
      const statistic = Math.max(0, 2 * (candidate.logLikelihood - current.logLikelihood));
      tests[d] = { ...tests[d], statistic, pValue: boundaryLikelihoodRatioP(statistic) };
      if (
        !candidate.fit.atBoundary &&
        tests[d].pValue < OWN_DISPERSION_LEVEL &&
        (best === null || statistic > best.statistic)
      )
        best = { d, ...candidate, statistic };
    }
    if (best === null) break;
    chosen.push(best.d);
    current = best;
  }
  if (current.fit === null) {
    const everything = allBut(outcomeCount, []);
    const rates = events.map((perGroup) =>
      Array.from(perGroup, (count, g) =>
        splitRate(shared.groupRates[g], shared.groupLogRateErrors[g], count, groupTotal(events, g, everything)),
      ),
    );
    return {
      dispersion: { value: shared.dispersion, interval: shared.dispersionInterval },
      dispersionMethod: 'profile likelihood',
      rates,
      events,
      personYears,
      tests,
      ownDispersions: extract.outcomes.map(() => null),
      logLikelihood: sharedLogLikelihood,
    };
  }
  return {
    ...summariseOwnFit(current.fit, events, chosen, outcomeCount),
    events,
    personYears,
    tests,
    logLikelihood: current.logLikelihood,
  };
}

/** Why outcome d's own dispersion cannot be tested, or null when it can. */
function untestable(extract: Extract, events: readonly Float64Array[], d: number): string | null {
  const outcome = extract.outcomes[d];
  if (extract.outcomes.length === 1)
    return 'with one outcome its own noise cannot be told apart from the shared propensity';
  const others = allBut(extract.outcomes.length, [d]);
  for (let g = 0; g < extract.groups.length; g++) {
    if (events[d][g] === 0) return `no events of ${outcome} in group ${extract.groups[g].id}`;
    if (groupTotal(events, g, others) === 0) return `no events of the other outcomes in group ${extract.groups[g].id}`;
  }
  return null;
}

// The score for α_d at 0 under the shared-only fit: Σ E[½((Y_d − u·M_d)² − Y_d)] over each
// person's posterior propensity u ~ Gamma(Y + a, a + M).
function boundaryScore(
  patterns: CountPatterns,
  shared: SharedDispersionFit,
  events: readonly Float64Array[],
  d: number,
): number {
  const a = shared.dispersion > 0 ? 1 / shared.dispersion : Infinity;
  let score = 0;
  for (let p = 0; p < patterns.count; p++) {
    const g = patterns.group[p];
    const total = patterns.totals[p * 2] + patterns.totals[p * 2 + 1];
    const own = patterns.totals[p * 2 + 1];
    const mean = patterns.years[p] * shared.groupRates[g];
    const ownMean = (mean * events[d][g]) / groupTotal(events, g, allBut(events.length, []));
    const posteriorMean = a === Infinity ? 1 : (total + a) / (a + mean);
    const posteriorVariance = a === Infinity ? 0 : (total + a) / ((a + mean) * (a + mean));
    const residual = own - posteriorMean * ownMean;
    score += 0.5 * patterns.weight[p] * (residual * residual + posteriorVariance * ownMean * ownMean - own);
  }
  return score;
}

function fitWithOwn(
  extract: Extract,
  shared: SharedDispersionFit,
  events: readonly Float64Array[],
  own: readonly number[],
  previous: OwnDispersionFit | null,
): { fit: OwnDispersionFit; logLikelihood: number } {
  const outcomeCount = extract.outcomes.length;
  const base = allBut(outcomeCount, own);
  const share = (g: number, outcomes: readonly number[]) =>
    groupTotal(events, g, outcomes) / groupTotal(events, g, allBut(outcomeCount, []));
  const layout = { groupCount: extract.groups.length, ownCount: own.length, hasBase: base.length > 0 };
  // Outcomes already in the model start from their fitted dispersion, a new one from 0.1.
  const first = previous === null ? 0 : sharedIndex(previous.layout);
  const fit = fitOwnDispersion(collectCountPatterns(extract, own), layout, {
    baseRates: Float64Array.from(shared.groupRates, (rate, g) => rate * share(g, base)),
    ownRates: own.map((d) => Float64Array.from(shared.groupRates, (rate, g) => rate * share(g, [d]))),
    dispersion: previous === null ? shared.dispersion : previous.parameters[first],
    ownDispersions: own.map((_, j) =>
      previous !== null && j < own.length - 1 ? previous.parameters[first + 1 + j] : 0.1,
    ),
  });
  return { fit, logLikelihood: fit.logLikelihood + splitLogLikelihood(events, base) };
}

function summariseOwnFit(
  fit: OwnDispersionFit,
  events: readonly Float64Array[],
  own: readonly number[],
  outcomeCount: number,
): Pick<CountFit, 'dispersion' | 'dispersionMethod' | 'rates' | 'ownDispersions'> {
  const { layout, parameters, covariance } = fit;
  const n = parameters.length;
  const standardError = (i: number) => (covariance === null ? Number.NaN : Math.sqrt(covariance[i * n + i]));
  const base = allBut(outcomeCount, own);
  const rates = Array.from({ length: outcomeCount }, (_, k) => {
    const ownAt = own.indexOf(k);
    return Array.from({ length: layout.groupCount }, (_, g) => {
      if (ownAt >= 0) {
        const i = rateIndex(layout, g, 1 + ownAt);
        return logScaleEstimate(Math.exp(parameters[i]), standardError(i));
      }
      const i = rateIndex(layout, g, 0);
      return splitRate(Math.exp(parameters[i]), standardError(i), events[k][g], groupTotal(events, g, base));
    });
  });
  const shared = sharedIndex(layout);
  const ownDispersions: (Estimate | null)[] = Array.from({ length: outcomeCount }, () => null);
  // The dispersions are fitted as they are; their intervals are Wald intervals on the log scale,
  // SE(log α) = SE(α)/α.
  const dispersionEstimate = (i: number) => logScaleEstimate(parameters[i], standardError(i) / parameters[i]);
  own.forEach((k, d) => (ownDispersions[k] = dispersionEstimate(shared + 1 + d)));
  return {
    dispersion: dispersionEstimate(shared),
    dispersionMethod: 'Wald on the log scale',
    rates,
    ownDispersions,
  };
}

/** λ_gk = Λ·S_gk/S with Var(log λ) = Var(log Λ) + 1/S_gk − 1/S (0 events: [0, 0] interval end at the Poisson 97.5% bound). */
function splitRate(blockRate: number, blockLogError: number, outcomeEvents: number, blockEvents: number): Estimate {
  if (outcomeEvents === 0 || blockEvents === 0) {
    // No events: the estimate is 0; the upper end is the exact Poisson bound for 0 events
    // (−log 0.025 = 3.689) spread over the block's exposure, ignoring overdispersion.
    const exposure = blockEvents === 0 || blockRate === 0 ? Infinity : blockEvents / blockRate;
    return { value: 0, interval: [0, 3.6888794541139363 / exposure] };
  }
  const logError = Math.sqrt(blockLogError * blockLogError + 1 / outcomeEvents - 1 / blockEvents);
  return logScaleEstimate((blockRate * outcomeEvents) / blockEvents, logError);
}

/** Σ_g Σ_k S_gk·log(S_gk/S_g) over the outcomes of one block: the multinomial split's log-likelihood at its MLE. */
function splitLogLikelihood(events: readonly Float64Array[], outcomes: readonly number[]): number {
  let sum = 0;
  const groupCount = events[0]?.length ?? 0;
  for (let g = 0; g < groupCount; g++) {
    const total = groupTotal(events, g, outcomes);
    for (const k of outcomes) if (events[k][g] > 0) sum += events[k][g] * Math.log(events[k][g] / total);
  }
  return sum;
}

function groupEvents(extract: Extract, k: number): Float64Array {
  const perGroup = new Float64Array(extract.groups.length);
  for (let i = 0; i < extract.people; i++)
    perGroup[extract.group[i]] += extract.followUpCounts[k][i] + (extract.priorCounts?.[k][i] ?? 0);
  return perGroup;
}

function groupTotal(events: readonly Float64Array[], g: number, outcomes: readonly number[]): number {
  let sum = 0;
  for (const k of outcomes) sum += events[k][g];
  return sum;
}

function allBut(count: number, excluded: readonly number[]): number[] {
  return Array.from({ length: count }, (_, k) => k).filter((k) => !excluded.includes(k));
}
