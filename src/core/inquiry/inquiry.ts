import type { CountOutcome, Design } from '../design.js';
import { COARSE_GAMMA_RULE, FINE_GAMMA_RULE, meanOneGammaRule } from '../model/gamma-quadrature.js';
import type { ModelConstants } from '../model/model-constants.js';
import type { SelectedGroup } from '../model/selected-population.js';
import { expectedPrevalence, type BinaryGroupNodes, type BinaryMechanism } from './binary-prevalence.js';
import { compressNodes } from './compress-nodes.js';

/**
 * Counts and harm: the intention-to-treat ratio is linear in each group's ratio,
 * Σ_g a_g·(e_g·Π r + 1 − e_g) / Σ_g a_g.
 */
export interface LinearEstimand {
  readonly kind: 'linear';
  /** a_g: group share × expected control follow-up mean of a selected person (0 outside `within`). */
  readonly groupWeight: Float64Array;
  /** Outcomes (design indices) whose ratio multiplies an engaged person's mean: [count] or [from-count, harm]. */
  readonly ratioOutcomes: readonly number[];
}

/** Binaries: prevalences integrated over the selected cohort's event rates, per group. */
export interface BinaryEstimand {
  readonly kind: 'binary';
  /** Group share (0 outside `within`). */
  readonly groupWeight: Float64Array;
  /** The outcome whose ratio acts: the binary itself (own prevalence) or its count (`from`). */
  readonly ratioOutcome: number;
  readonly mechanism: BinaryMechanism;
  readonly groups: readonly BinaryGroupNodes[];
  /** Control prevalence per group. */
  readonly controlPrevalence: Float64Array;
  /** Prevalence of treated people who do not engage (ratio 1, caseworker multiplier only), per group. */
  readonly unengagedPrevalence: Float64Array;
}

/** One group's cohort facts for users (docs/json-output.md, "cohort"). */
export interface GroupCohortFacts {
  readonly id: string;
  /** Share of the group's population that passes the selection (1 without selection). */
  readonly eligibleShare: number;
  /** Per design outcome: the selected cohort's prior-window rate per person-year (counts with selection; NaN otherwise). */
  readonly priorRatePerYear: Float64Array;
  /** Per design outcome: the expected control follow-up rate per person-year (counts), or prevalence (binaries), or mean harm. */
  readonly controlFollowUp: Float64Array;
}

/** The true intention-to-treat estimands of a design, as plain data computed once. */
export interface Inquiry {
  readonly outcomeIds: readonly string[];
  readonly groupIds: readonly string[];
  readonly engagement: Float64Array;
  readonly estimands: readonly (LinearEstimand | BinaryEstimand)[];
  readonly cohort: readonly GroupCohortFacts[];
}

/**
 * Computes everything the exact intention-to-treat estimands need: for each group the selected
 * cohort's expected control follow-up mean of every count (and harm), and the distribution of
 * each binary's event rate, integrated over the propensity, own noise and site multiplier given
 * selection (see `integrateSelectedPopulation`). Not estimated: exact up to quadrature — about
 * 1e-9 with the propensity alone, about 1e-6 when sites or noisy selection outcomes add grid
 * dimensions (and for binaries, whose rate nodes are compressed to at most 1,024).
 *
 * Formula in words: m_g = ratePerYear_g × followUpMonths/12 × E[propensity × noise × site |
 * selected, g]; a harm outcome's a_g also carries the mean severity median·e^(sdLog²/2).
 * `constants` are the design's model constants (`prepareModel`), selected population included.
 * Reference: DeclareDesign's inquiry (Blair, Cooper, Coppock & Humphreys 2019, APSR 113(3)).
 *
 * @example no selection, one group, rate 1.2 per year, 12 months → a count's a = 1.2
 */
export function prepareInquiry(design: Design, constants: ModelConstants): Inquiry {
  const selected = constants.selected;
  const years = design.plan.followUpMonths / 12;
  const indexOf = new Map(design.outcomes.map((o, k) => [o.id, k]));
  const groupIndex = (id: string | null): number => (id === null ? -1 : design.groups.findIndex((g) => g.id === id));
  const caseworkerRule = meanOneGammaRule(constants.caseworkerVariance, FINE_GAMMA_RULE);

  // Expected control follow-up count per group, for each count outcome.
  const countMean = design.outcomes.map((outcome, k) =>
    outcome.kind !== 'count'
      ? null
      : Float64Array.from(
          design.groups,
          (g, gi) => outcome.ratePerYear[g.id] * years * meanMultiplier(selected[gi], k),
        ),
  );
  const facts = design.groups.map((group, gi) => ({
    id: group.id,
    eligibleShare: selected[gi].eligibleShare,
    priorRatePerYear: Float64Array.from(selected[gi].priorMean, (mean) =>
      design.selection === null ? NaN : (mean * 12) / design.selection.priorMonths,
    ),
    controlFollowUp: new Float64Array(design.outcomes.length).fill(NaN),
  }));

  const estimands = design.outcomes.map((outcome, k): LinearEstimand | BinaryEstimand => {
    const within = groupIndex(outcome.within);
    const share = Float64Array.from(design.groups, (g, gi) => (within < 0 || within === gi ? g.share : 0));
    if (outcome.kind === 'count') {
      countMean[k]!.forEach((mean, gi) => (facts[gi].controlFollowUp[k] = mean / years));
      return { kind: 'linear', groupWeight: share.map((w, gi) => w * countMean[k]![gi]), ratioOutcomes: [k] };
    }
    if (outcome.kind === 'harm') {
      const from = indexOf.get(outcome.from)!;
      const severity = outcome.severity.median * Math.exp((outcome.severity.sdLog * outcome.severity.sdLog) / 2);
      countMean[from]!.forEach((mean, gi) => (facts[gi].controlFollowUp[k] = mean * severity));
      return {
        kind: 'linear',
        groupWeight: share.map((w, gi) => w * countMean[from]![gi] * severity),
        ratioOutcomes: [from, k],
      };
    }
    const from = outcome.from === null ? -1 : indexOf.get(outcome.from)!;
    const mechanism: BinaryMechanism = {
      ownPrevalence: from < 0,
      caseworkerVariance: constants.caseworkerVariance,
      caseworkerNodes: caseworkerRule.nodes,
      caseworkerWeights: caseworkerRule.weights,
    };
    const groups = design.groups.map((g, gi) => {
      if (from < 0) return binaryNodes(selected[gi], constants.groupRates[k][gi], null, 0);
      const source = design.outcomes[from] as CountOutcome;
      return binaryNodes(selected[gi], source.ratePerYear[g.id] * years, selected[gi].noise[from], source.dispersion);
    });
    const controlPrevalence = Float64Array.from(groups, (nodes) => expectedPrevalence(nodes, mechanism, false, 1));
    const unengagedPrevalence = Float64Array.from(groups, (nodes) => expectedPrevalence(nodes, mechanism, true, 1));
    controlPrevalence.forEach((p, gi) => (facts[gi].controlFollowUp[k] = p));
    return {
      kind: 'binary',
      groupWeight: share,
      ratioOutcome: from < 0 ? k : from,
      mechanism,
      groups,
      controlPrevalence,
      unengagedPrevalence,
    };
  });

  return {
    outcomeIds: design.outcomes.map((o) => o.id),
    groupIds: design.groups.map((g) => g.id),
    engagement: Float64Array.from(constants.engagement),
    estimands,
    cohort: facts,
  };
}

/** E[propensity × site × own noise | selected] for outcome k in one group. */
function meanMultiplier(population: SelectedGroup, k: number): number {
  const noise = population.noise[k];
  let sum = 0;
  for (let n = 0; n < population.weight.length; n++) {
    sum += population.weight[n] * population.propensity[n] * population.site[n] * (noise === null ? 1 : noise[n]);
  }
  return sum;
}

/**
 * The event-rate nodes of a binary: rate × propensity × site (× own noise, taken from the selected
 * population when selection tilts it, else integrated with its own gamma rule).
 */
function binaryNodes(
  population: SelectedGroup,
  rate: number,
  tiltedNoise: Float64Array | null,
  noiseVariance: number,
): BinaryGroupNodes {
  const noiseRule = tiltedNoise === null ? meanOneGammaRule(noiseVariance, COARSE_GAMMA_RULE) : meanOneGammaRule(0);
  const size = population.weight.length * noiseRule.nodes.length;
  const rates = new Float64Array(size);
  const weights = new Float64Array(size);
  let node = 0;
  for (let n = 0; n < population.weight.length; n++) {
    const base = rate * population.propensity[n] * population.site[n] * (tiltedNoise === null ? 1 : tiltedNoise[n]);
    for (let j = 0; j < noiseRule.nodes.length; j++, node++) {
      rates[node] = base * noiseRule.nodes[j];
      weights[node] = population.weight[n] * noiseRule.weights[j];
    }
  }
  return compressNodes({ rate: rates, weight: weights });
}

/**
 * The log intention-to-treat ratio of every outcome (design order) when engaged treated people of
 * group g have ratio `ratios[k][g]` on outcome k — cheap, so it can follow each trial's drawn
 * effects under assurance.
 *
 * Formula in words: counts and harm, log Σ_g a_g(e_g·Π r + 1 − e_g) / Σ_g a_g (engagement
 * dilution 1 − e(1 − r) for one group); binaries, log of the treated over the control prevalence,
 * Σ_g w_g(e_g·P_g(r_g) + (1 − e_g)·P_g(1)) / Σ_g w_g·P⁰_g, where the treated P include the
 * caseworker multiplier (so with caseworkers a binary's ratio is not exactly 1 even when r = 1:
 * caseworker variation lowers the chance of any event, Jensen's inequality).
 * Reference: engagement dilution, e.g. Angrist, Imbens & Rubin (1996), JASA 91 (ITT = compliance
 * share × effect on compliers).
 *
 * @example one group, engagement 0.6, rateRatio 0.5 → log(1 − 0.6 × 0.5) = log 0.7 = −0.35667
 */
export function computeLogEstimands(inquiry: Inquiry, ratios: readonly (readonly number[])[]): number[] {
  return inquiry.estimands.map((_, k) => computeLogEstimand(inquiry, k, ratios));
}

/**
 * The log intention-to-treat ratio of outcome k alone (as `computeLogEstimands`), for solving the
 * ratio that gives a drawn estimand (a replication's design prior, inquiry/replication-truth.ts).
 *
 * @example one group, engagement 0.6, rateRatio 0.5 → log 0.7
 */
export function computeLogEstimand(inquiry: Inquiry, k: number, ratios: readonly (readonly number[])[]): number {
  const e = inquiry.engagement;
  const estimand = inquiry.estimands[k];
  let treatedSum = 0;
  let controlSum = 0;
  const w = estimand.groupWeight;
  if (estimand.kind === 'linear') {
    for (let g = 0; g < w.length; g++) {
      if (w[g] === 0) continue;
      let ratio = 1;
      for (const j of estimand.ratioOutcomes) ratio *= ratios[j][g];
      treatedSum += w[g] * (e[g] * ratio + 1 - e[g]);
      controlSum += w[g];
    }
  } else {
    for (let g = 0; g < w.length; g++) {
      if (w[g] === 0) continue;
      const nodes = estimand.groups[g];
      const r = ratios[estimand.ratioOutcome][g];
      const notEngaged = estimand.unengagedPrevalence[g];
      const engagedPrevalence =
        e[g] > 0 ? (r === 1 ? notEngaged : expectedPrevalence(nodes, estimand.mechanism, true, r)) : 0;
      treatedSum += w[g] * (e[g] * engagedPrevalence + (1 - e[g]) * notEngaged);
      controlSum += w[g] * estimand.controlPrevalence[g];
    }
  }
  return Math.log(treatedSum / controlSum);
}
