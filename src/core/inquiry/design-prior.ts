/**
 * Design priors: what the replication's true effect may be, given the original's estimate θ_o,
 * its standard error σ_o and the between-study heterogeneity τ (all on the log-ratio scale).
 * See docs/replication-design.md.
 */
import { drawStandardNormal } from '../distributions/standard-normal.js';
import type { Rng } from '../rng/rng.js';
import type { OriginalEstimate } from './original-result.js';

/** How far the original is believed: at face value, with its uncertainty, or shrunk towards no effect. */
export type DesignPriorKind = 'conditional' | 'predictive' | 'eb';

/** The design priors, in the order the docs present them. */
export const DESIGN_PRIOR_KINDS: readonly DesignPriorKind[] = ['conditional', 'predictive', 'eb'];

/**
 * A normal design prior, for the overall effect θ and for the replication's own true effect
 * θ_r ~ N(θ, τ²) — the effect the replication's site and time actually have.
 */
export interface DesignPrior {
  readonly kind: DesignPriorKind;
  /** Mean of θ (and of θ_r), on the log-ratio scale. */
  readonly meanLogRatio: number;
  /** Variance of the overall effect θ. */
  readonly overallVariance: number;
  /** τ² added for the replication's own deviation from θ (0 under the conditional prior). */
  readonly heterogeneityVariance: number;
  /** Variance of θ_r: overallVariance + heterogeneityVariance. */
  readonly replicationVariance: number;
  /** The factor s multiplying θ_o in the mean: 1, 1, or the empirical-Bayes shrinkage factor. */
  readonly shrinkageFactor: number;
}

/**
 * Builds the design prior of a replication from the original's estimate.
 *
 * Formula in words (h = τ²/σ_o², z_o = θ_o/σ_o):
 * * conditional: θ_r = θ_o exactly (variance 0); τ is not used, as in ReplicationSuccess and
 *   BayesRepDesign, because the original's estimate is taken as the replication's truth.
 * * predictive: θ ~ N(θ_o, σ_o² + τ²) — the original's likelihood under a flat prior, its own
 *   study effect deviating from θ by τ — and θ_r ~ N(θ, τ²), so θ_r ~ N(θ_o, σ_o² + 2τ²).
 * * eb (empirical Bayes): the flat prior is replaced by N(0, g·(σ_o² + τ²)) with g estimated from
 *   the original, which shrinks θ_o by s = max(1 − (1 + h)/z_o², 0): θ ~ N(s·θ_o, s·(σ_o² + τ²))
 *   and θ_r ~ N(s·θ_o, s·(σ_o² + τ²) + τ²). An original with z_o² ≤ 1 + h is shrunk to no effect.
 * These are the priors of ReplicationSuccess (powerSignificance, powerReplicationSuccess: the
 * replication z-value's predictive variance is 1 + c(1 + 2h) and 1 + s·c(1 + h) + c·h with
 * c = σ_o²/σ_r²) and of BayesRepDesign's designPrior (dpMean, dpVar, then + τ² in pors).
 * Reference: Held (2020), JRSS A 183:431, §4; Pawel, Consonni & Held, "Bayesian approaches to
 * designing replication studies", Psychological Methods (2023), arXiv:2211.02552.
 *
 * @param original θ_o and σ_o
 * @param kind which prior
 * @param heterogeneity τ ≥ 0, the between-study standard deviation on the log-ratio scale (default 0)
 * @example
 * designPrior({ logEstimate: -0.5, standardError: 0.2 }, 'eb', 0.1)
 * // h = 0.25, z_o² = 6.25, s = 0.8: mean −0.4, overall variance 0.04, replication variance 0.05
 */
export function designPrior(original: OriginalEstimate, kind: DesignPriorKind, heterogeneity = 0): DesignPrior {
  const { logEstimate, standardError } = original;
  const tauSquared = heterogeneity * heterogeneity;
  if (kind === 'conditional') {
    return prior(kind, logEstimate, 0, 0, 1);
  }
  const originalVariance = standardError * standardError + tauSquared;
  if (kind === 'predictive') {
    return prior(kind, logEstimate, originalVariance, tauSquared, 1);
  }
  const zSquared = (logEstimate * logEstimate) / (standardError * standardError);
  const shrinkage = Math.max(1 - (1 + tauSquared / (standardError * standardError)) / zSquared, 0);
  return prior(kind, shrinkage * logEstimate, shrinkage * originalVariance, tauSquared, shrinkage);
}

function prior(
  kind: DesignPriorKind,
  meanLogRatio: number,
  overallVariance: number,
  heterogeneityVariance: number,
  shrinkageFactor: number,
): DesignPrior {
  return {
    kind,
    meanLogRatio,
    overallVariance,
    heterogeneityVariance,
    replicationVariance: overallVariance + heterogeneityVariance,
    shrinkageFactor,
  };
}

/**
 * Draws one replication's true log-ratio effect θ_r from its design prior.
 *
 * Formula in words: θ_r = mean + √(replication variance)·Z with Z standard normal. One normal
 * is drawn whatever the prior (under the conditional prior it is multiplied by 0), so the stream
 * moves on alike and two runs differing only in the prior stay paired draw for draw.
 * Reference: as `designPrior`.
 *
 * @example
 * // conditional prior of θ_o = −0.5: always −0.5; predictive with σ_o 0.2, τ 0: mean −0.5, SD 0.2
 */
export function drawReplicationEffect(prior: DesignPrior, rng: Rng): number {
  const z = drawStandardNormal(rng);
  return prior.meanLogRatio + Math.sqrt(prior.replicationVariance) * z;
}
