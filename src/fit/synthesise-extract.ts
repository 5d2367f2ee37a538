import type { Design } from '../core/design.js';
import { drawLognormal } from '../core/distributions/lognormal.js';
import { drawPoisson } from '../core/distributions/poisson.js';
import { integrateSelectedPopulation } from '../core/model/selected-population.js';
import { drawMeanOneGamma } from '../core/model/mean-one-gamma.js';
import { subStream } from '../core/rng/trial-stream.js';
import { DAYS_PER_YEAR, type Extract } from '../scenario/extract.js';

/** What to synthesise: how many people, from which seed, with which windows. */
export interface SynthesisOptions {
  readonly people: number;
  readonly seed: number;
  /** Length of the prior window in months. */
  readonly priorMonths: number;
  /**
   * Smallest share of each window a person is at risk (1: everyone all the time). Each person's
   * share in each window is uniform between this and 1, as if some time were spent in custody.
   */
  readonly minAtRiskShare: number;
}

/** Stream purpose of synthetic extracts, apart from every trial stream (see trial-stream.ts). */
const SYNTH_STREAM = 11;

/**
 * Draws a synthetic extract from a scenario's model under control conditions: people of the
 * population the cohort is drawn from (before any selection), each with a group, a prior and a
 * follow-up window of counts for every count outcome, days at risk, and the severity of each
 * follow-up event of the first harm outcome's source.
 *
 * Formula in words: person i (random stream from the seed and i alone, so the first people do not
 * depend on how many are drawn) falls in group g with probability p_g ∝ share_g / e_g, where e_g is
 * the share of group g's population that passes the eligibility rules (1 without rules), so that
 * selecting from this population gives the scenario's cohort shares; draws the shared
 * propensity u (gamma, mean 1, variance α = `propensity.dispersion`) and each count outcome's own
 * noise v_k (variance α_k), both kept for both windows; at-risk shares t_prior and t_followup
 * (uniform on [minAtRiskShare, 1]); then Poisson counts with mean u·v_k·ratePerYear_g,k·years at
 * risk, the prior window cut at every `withinMonths` of the scenario's eligibility rules (for the
 * `OUTCOME_prior_<months>m` columns); and a lognormal severity (median, sdLog) per follow-up event
 * of the harm's source. Sites, caseworkers, engagement and effects play no part (control
 * conditions, one area). Days at risk are rounded to 0.01 and severities to 6 significant digits,
 * and the counts are drawn from the rounded days, so the CSV holds exactly the data drawn.
 * Reference: docs/scenario-language.md, "The model in words"; Greenwood & Yule (1920) (gamma–Poisson).
 *
 * @example synthesiseExtract(milton-keynes, { people: 3, seed: 1, priorMonths: 24, minAtRiskShare: 1 })
 *   → 3 people with 730.5 prior and 365.25 follow-up days at risk
 */
export function synthesiseExtract(design: Design, options: SynthesisOptions): Extract {
  const counts = design.outcomes.flatMap((outcome, k) => (outcome.kind === 'count' ? [{ outcome, k }] : []));
  const harm = design.outcomes.find((outcome) => outcome.kind === 'harm');
  const harmSource = harm?.kind === 'harm' ? counts.findIndex(({ outcome }) => outcome.id === harm.from) : -1;
  const recent = recentWindows(design, options.priorMonths);
  const n = options.people;
  const populationShares = populationGroupShares(design);
  const group = new Uint16Array(n);
  const priorDays = new Float64Array(n);
  const followUpDays = new Float64Array(n);
  const priorCounts = counts.map(() => new Float64Array(n));
  const followUpCounts = counts.map(() => new Float64Array(n));
  const recentCounts = counts.map(({ outcome }) =>
    Object.fromEntries((recent[outcome.id] ?? []).map((months) => [months, new Float64Array(n)])),
  );
  const severities: number[] = [];
  const followUpMonths = design.plan.followUpMonths;
  for (let i = 0; i < n; i++) {
    const rng = subStream(options.seed, i, SYNTH_STREAM);
    group[i] = drawGroup(populationShares, rng.next());
    priorDays[i] = roundDays(atRiskShare(options.minAtRiskShare, rng.next()) * windowDays(options.priorMonths));
    followUpDays[i] = roundDays(atRiskShare(options.minAtRiskShare, rng.next()) * windowDays(followUpMonths));
    const u = drawMeanOneGamma(rng, design.propensityDispersion);
    const g = design.groups[group[i]].id;
    counts.forEach(({ outcome }, j) => {
      if (outcome.kind !== 'count') return;
      const perYear = u * drawMeanOneGamma(rng, outcome.dispersion) * outcome.ratePerYear[g];
      const priorShare = priorDays[i] / windowDays(options.priorMonths);
      let before = 0;
      let prior = 0;
      // Most recent segment first: each recent-window column adds up the segments inside it.
      for (const months of recent[outcome.id] ?? []) {
        prior += drawPoisson(rng, (perYear * priorShare * (months - before)) / 12);
        recentCounts[j][months][i] = prior;
        before = months;
      }
      prior += drawPoisson(rng, (perYear * priorShare * (options.priorMonths - before)) / 12);
      priorCounts[j][i] = prior;
      followUpCounts[j][i] = drawPoisson(rng, (perYear * followUpDays[i]) / DAYS_PER_YEAR);
    });
    if (harm?.kind === 'harm' && harmSource >= 0) {
      for (let e = 0; e < followUpCounts[harmSource][i]; e++)
        severities.push(Number(drawLognormal(rng, harm.severity.median, harm.severity.sdLog).toPrecision(6)));
    }
  }
  return {
    source: design.name,
    people: n,
    groups: design.groups.map(({ id }) => ({ id, label: id })),
    group,
    outcomes: counts.map(({ outcome }) => outcome.id),
    priorMonths: options.priorMonths,
    followUpMonths,
    priorCounts,
    followUpCounts,
    priorYears: Float64Array.from(priorDays, (days) => days / DAYS_PER_YEAR),
    followUpYears: Float64Array.from(followUpDays, (days) => days / DAYS_PER_YEAR),
    recentPriorCounts: Object.fromEntries(counts.map(({ outcome }, j) => [outcome.id, recentCounts[j]])),
    severities:
      harm?.kind === 'harm' && harmSource >= 0
        ? { from: harm.from, kind: 'events', values: Float64Array.from(severities) }
        : null,
  };
}

/** Days in a window of this many months (a month is 365.25/12 days). */
export function windowDays(months: number): number {
  return (months * DAYS_PER_YEAR) / 12;
}

/** Per outcome named in an eligibility rule, the rules' windows shorter than the prior window, ascending. */
function recentWindows(design: Design, priorMonths: number): Record<string, number[]> {
  const windows: Record<string, number[]> = {};
  for (const rule of design.selection?.require ?? []) {
    if (!(rule.withinMonths < priorMonths)) continue;
    for (const id of rule.outcomes) {
      const list = (windows[id] ??= []);
      if (!list.includes(rule.withinMonths)) list.push(rule.withinMonths);
    }
  }
  for (const list of Object.values(windows)) list.sort((a, b) => a - b);
  return windows;
}

/**
 * Each group's share of the population before selection: share_g / e_g normalised, e_g the
 * group's eligible share under the scenario's model (exact, from the inquiry). The scenario's
 * shares are those of the selected cohort.
 */
export function populationGroupShares(design: Design): Float64Array {
  const eligible = design.selection === null ? null : integrateSelectedPopulation(design);
  const weights = Float64Array.from(design.groups, (group, g) => group.share / (eligible?.[g].eligibleShare ?? 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

function drawGroup(shares: Float64Array, u: number): number {
  let cumulative = 0;
  for (let g = 0; g < shares.length - 1; g++) {
    cumulative += shares[g];
    if (u < cumulative) return g;
  }
  return shares.length - 1;
}

function atRiskShare(minimum: number, u: number): number {
  return minimum >= 1 ? 1 : minimum + (1 - minimum) * u;
}

function roundDays(days: number): number {
  return Math.round(days * 100) / 100;
}
