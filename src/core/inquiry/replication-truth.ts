/**
 * A replication's true effects: for every outcome with an original result, the design prior built
 * on it, and per simulated trial a draw from that prior turned into the ratio the trial applies to
 * engaged treated people — chosen so that the outcome's intention-to-treat estimand is the drawn
 * effect. See docs/replication-design.md.
 */
import type { Design, ReplicationPlan } from '../design.js';
import type { Rng } from '../rng/rng.js';
import { subStream } from '../rng/trial-stream.js';
import { designPrior, drawReplicationEffect, type DesignPrior } from './design-prior.js';
import { computeLogEstimand, type Inquiry } from './inquiry.js';
import { readOriginalResult, type OriginalEstimate } from './original-result.js';

// The sub-stream trial i's replication effects are drawn from: streams 1 and 2 are the
// permutation tests', 3 the assurance draws (draw-trial-ratios.ts), so nothing else's draws move.
const REPLICATION_PRIOR_STREAM = 6;

/** The smallest ratio a drawn effect is given: an intention-to-treat effect beyond what engagement allows is capped. */
const SMALLEST_RATIO = 1e-6;
/** The largest ratio a drawn effect is given. */
const LARGEST_RATIO = 1e6;

/** One outcome whose effect is drawn from a design prior. */
export interface ReplicatedOutcome {
  /** The outcome's index in the design. */
  readonly outcome: number;
  /** θ_o and σ_o read from the reported result. */
  readonly original: OriginalEstimate;
  /** The report said only "significant" and σ_o was set so that p = 0.05 exactly. */
  readonly assumedJustSignificant: boolean;
  readonly prior: DesignPrior;
}

/**
 * Reads every outcome's original result and builds its design prior under the plan.
 *
 * Formula in words: (θ_o, σ_o) = readOriginalResult(original); prior = designPrior((θ_o, σ_o),
 * plan.prior, plan.heterogeneity). Harm outcomes come after the others, because their ratio is
 * solved given the ratio of the count they weigh.
 *
 * @throws Error when an original cannot be read (the scenario layer refuses such files first)
 * @example an outcome with original { estimate: 0.602, p: 'significant' } and prior conditional →
 *   prior mean log 0.602, variance 0
 */
export function prepareReplicatedOutcomes(design: Design, plan: ReplicationPlan): ReplicatedOutcome[] {
  const replicated = design.outcomes.flatMap((outcome, k): ReplicatedOutcome[] => {
    if (outcome.original === undefined) return [];
    const reading = readOriginalResult(outcome.original);
    if (!reading.ok) throw new Error(`outcome ${outcome.id}: original ${reading.problems[0].message}`);
    return [
      {
        outcome: k,
        original: reading.original,
        assumedJustSignificant: reading.assumedJustSignificant,
        prior: designPrior(reading.original, plan.prior, plan.heterogeneity),
      },
    ];
  });
  const isHarm = (r: ReplicatedOutcome) => design.outcomes[r.outcome].kind === 'harm';
  return [...replicated.filter((r) => !isHarm(r)), ...replicated.filter(isHarm)];
}

/**
 * Trial i's ratios with every replicated outcome's effect drawn from its design prior, and the
 * drawn log effects in the order of `replicated`.
 *
 * Formula in words: from sub-stream 4 of trial i, θ_r = drawReplicationEffect(prior) for each
 * replicated outcome in turn (one standard normal each, whatever the prior); then the ratio r
 * applied to engaged treated people of every group is solved so that the outcome's
 * intention-to-treat log estimand equals θ_r (`ratioForLogEstimand`).
 *
 * @example conditional prior of 0.602, full engagement → the outcome's ratio is 0.602 in every group
 */
export function drawReplicationRatios(
  inquiry: Inquiry,
  replicated: readonly ReplicatedOutcome[],
  baseRatios: readonly (readonly number[])[],
  seed: number,
  trialIndex: number,
): { ratios: number[][]; drawnLogEffects: number[] } {
  const rng: Rng = subStream(seed, trialIndex, REPLICATION_PRIOR_STREAM);
  const drawnLogEffects = replicated.map((r) => drawReplicationEffect(r.prior, rng));
  const ratios = baseRatios.map((row) => [...row]);
  replicated.forEach((r, i) => setRatioForLogEstimand(inquiry, r.outcome, drawnLogEffects[i], ratios));
  return { ratios, drawnLogEffects };
}

/**
 * Sets outcome k's ratio, the same in every group, so that its intention-to-treat log estimand is
 * `targetLogEstimand`, given the other outcomes' ratios (a harm outcome's count).
 *
 * Formula in words: counts and harm are linear in r — Σ_g a_g(e_g·q_g·r + 1 − e_g) = R·Σ_g a_g with
 * R = e^target and q_g the product of the other ratios acting on the outcome — so
 * r = (R·Σa − Σa(1 − e)) / Σ a·e·q. Binaries are solved by bisection on log r (the estimand
 * increases with r). r is kept within [1e-6, 1e6]: a drawn effect larger than engagement allows
 * (an intention-to-treat ratio below the share not engaged) is capped, and the trial's truth is
 * then the estimand the capped ratio gives. With nobody engaged the ratio stays 1.
 *
 * @example one group, engagement 0.5, target log 0.7 → r = (0.7 − 0.5)/0.5 = 0.4
 */
export function setRatioForLogEstimand(
  inquiry: Inquiry,
  k: number,
  targetLogEstimand: number,
  ratios: number[][],
): void {
  const estimand = inquiry.estimands[k];
  const e = inquiry.engagement;
  const row = ratios[k];
  if (estimand.kind === 'linear') {
    let total = 0;
    let notEngaged = 0;
    let engaged = 0;
    for (let g = 0; g < row.length; g++) {
      const w = estimand.groupWeight[g];
      if (w === 0) continue;
      let others = 1;
      for (const j of estimand.ratioOutcomes) if (j !== k) others *= ratios[j][g];
      total += w;
      notEngaged += w * (1 - e[g]);
      engaged += w * e[g] * others;
    }
    const ratio = engaged > 0 ? (Math.exp(targetLogEstimand) * total - notEngaged) / engaged : 1;
    row.fill(Math.min(LARGEST_RATIO, Math.max(SMALLEST_RATIO, ratio)));
    return;
  }
  let low = Math.log(SMALLEST_RATIO);
  let high = Math.log(LARGEST_RATIO);
  for (let iteration = 0; iteration < 60; iteration++) {
    const middle = (low + high) / 2;
    row.fill(Math.exp(middle));
    if (computeLogEstimand(inquiry, k, ratios) < targetLogEstimand) low = middle;
    else high = middle;
  }
  row.fill(Math.exp((low + high) / 2));
}
