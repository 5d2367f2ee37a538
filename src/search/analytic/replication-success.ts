/**
 * Closed forms for designing a replication: the probability that it succeeds, by each criterion,
 * when the replication's estimate is normal with a known standard error σ_r and its true effect
 * is drawn from a design prior — and the relative sample size that gives a target probability.
 * They are ReplicationSuccess's (Held, Micheloud, Pawel, Gerber, Hofmann; R package 1.3.3) for
 * significance and the sceptical p-value, and derived here (docs/replication-design.md) for the
 * other criteria. The simulation checks itself against them in the normal limit.
 *
 * Everything is relative, as in ReplicationSuccess: z_o = θ_o/σ_o, c = σ_o²/σ_r² (about the
 * replication's sample size over the original's) and h = τ²/σ_o²; one-sided, in the original's
 * direction. Internally σ_r = 1, so σ_o = √c, θ_o = |z_o|·√c and τ = √(h·c).
 * One file because every function shares the predictive distribution of the replication's
 * z-value (`replicationZ`) and each is a few lines.
 */
import { normalCdf, normalQuantile } from '../../core/distributions/normal.js';
import {
  DEFAULT_REPLICATION_SETTINGS,
  type ReplicationCriterion,
  type ReplicationSettings,
  type ScepticalRecalibration,
} from '../../core/analysis/replication/replication-criterion.js';
import { scepticalCriticalZ } from '../../core/analysis/replication/sceptical-level.js';
import { smallTelescopeEffect } from '../../core/analysis/replication/small-telescopes.js';
import { designPrior, type DesignPriorKind } from '../../core/inquiry/design-prior.js';
import { findRoot } from '../../core/numerics/find-root.js';

/** A replication design in relative terms. */
export interface RelativeReplication {
  /** z_o = θ_o/σ_o (its sign does not matter: success is judged in the original's direction). */
  readonly zOriginal: number;
  /** c = σ_o²/σ_r² > 0. */
  readonly varianceRatio: number;
  readonly prior: DesignPriorKind;
  /** h = τ²/σ_o² ≥ 0 (default 0); not used by the conditional prior. */
  readonly relativeHeterogeneity?: number;
  /** One-sided level (default 0.025). */
  readonly level?: number;
}

/** A target for a sample size: everything but c, and the probability of success wanted. */
export type ReplicationTarget = Omit<RelativeReplication, 'varianceRatio'> & { readonly power: number };

/** Mean and standard deviation of a normal distribution. */
interface Normal {
  readonly mean: number;
  readonly sd: number;
}

/**
 * The predictive distribution of the replication's z-value z_r = θ̂_r/σ_r, oriented so that the
 * original's direction is positive: N(mean of the design prior, its replication variance + 1)
 * in units of σ_r — conditional N(|z_o|√c, 1); predictive N(|z_o|√c, 1 + c(1 + 2h));
 * EB N(s|z_o|√c, 1 + s·c(1 + h) + c·h), s = max(1 − (1 + h)/z_o², 0).
 */
function replicationZ(design: RelativeReplication): Normal {
  const { zOriginal, varianceRatio, prior } = design;
  const h = design.relativeHeterogeneity ?? 0;
  const originalSe = Math.sqrt(varianceRatio);
  const dp = designPrior(
    { logEstimate: Math.abs(zOriginal) * originalSe, standardError: originalSe },
    prior,
    Math.sqrt(h * varianceRatio),
  );
  return { mean: dp.meanLogRatio, sd: Math.sqrt(dp.replicationVariance + 1) };
}

// P(z_r ≥ threshold) under the design prior.
function probabilityAbove(threshold: number, z: Normal): number {
  return normalCdf((z.mean - threshold) / z.sd);
}

/**
 * Probability that the replication is significant (one-sided at the level, in the original's
 * direction): P(z_r ≥ Φ⁻¹(1 − α)) under the design prior.
 *
 * Formula in words: Φ((μ − Φ⁻¹(1 − α))/σ) with μ, σ the prior's predictive mean and SD of z_r:
 * conditional μ = |z_o|√c, σ = 1; predictive μ = |z_o|√c, σ = √(1 + c(1 + 2h)); EB μ = s|z_o|√c,
 * σ = √(1 + s·c(1 + h) + c·h), s = max(1 − (1 + h)/z_o², 0).
 * Reference: Held (2020), JRSS A 183:431, §4; R ReplicationSuccess powerSignificance.
 *
 * @example
 * powerSignificance({ zOriginal: 2.807034, varianceRatio: 1, prior: 'predictive' })
 * // ≈ 0.7254032 (R: powerSignificance(zo = p2z(0.005), c = 1, designPrior = "predictive"))
 */
export function powerSignificance(design: RelativeReplication): number {
  return probabilityAbove(normalQuantile(1 - (design.level ?? 0.025)), replicationZ(design));
}

/**
 * Probability of replication success by the two-trials rule: 0 when the original was not
 * significant at the level, else {@link powerSignificance}.
 *
 * @example powerTwoTrials({ zOriginal: 1.8, varianceRatio: 4, prior: 'conditional' }) // 0
 */
export function powerTwoTrials(design: RelativeReplication): number {
  // Within rounding, as the per-trial judge (two-trials.ts): a just-significant original counts.
  const critical = normalQuantile(1 - (design.level ?? 0.025));
  return Math.abs(design.zOriginal) >= critical * (1 - 1e-12) ? powerSignificance(design) : 0;
}

/**
 * Probability of replication success with the sceptical p-value, for each recalibration.
 *
 * Formula in words: with z_αS = scepticalCriticalZ(α, recalibration, c) and K = z_o²/z_αS²,
 * success needs z_r ≥ z_αS·√(1 + c/(K − 1)) (impossible when K ≤ 1), so the probability is
 * Φ((μ − z_αS·√(1 + c/(K − 1)))/σ) with μ, σ as in {@link powerSignificance}.
 * Reference: Held (2020), JRSS A 183:431, §4; Held, Micheloud & Pawel (2022), Ann Appl Stat
 * 16:706; Micheloud, Balabdaoui & Held (2023), Statistica Neerlandica, doi:10.1111/stan.12312;
 * R ReplicationSuccess powerReplicationSuccess(alternative = "one.sided").
 *
 * @example
 * powerReplicationSuccess({ zOriginal: 2.807034, varianceRatio: 2, prior: 'conditional' }, 'golden')
 * // ≈ 0.9690439 (R: powerReplicationSuccess(zo = p2z(0.005), c = 2, designPrior = "conditional"))
 */
export function powerReplicationSuccess(design: RelativeReplication, recalibration: ScepticalRecalibration): number {
  const critical = scepticalCriticalZ(design.level ?? 0.025, recalibration, design.varianceRatio);
  const k = (design.zOriginal * design.zOriginal) / (critical * critical);
  if (k <= 1) return 0;
  return probabilityAbove(critical * Math.sqrt(1 + design.varianceRatio / (k - 1)), replicationZ(design));
}

// The design prior in units of σ_o: s·|z_o| and the variance factor V (replication variance / σ_o²).
function priorPerOriginalSe(target: ReplicationTarget): { readonly mean: number; readonly variance: number } {
  const dp = designPrior(
    { logEstimate: Math.abs(target.zOriginal), standardError: 1 },
    target.prior,
    Math.sqrt(target.relativeHeterogeneity ?? 0),
  );
  return { mean: dp.meanLogRatio, variance: dp.replicationVariance };
}

// Roots of a·x² + b·x + c0 = 0 given √(b² − 4a·c0), which the callers know in closed form as
// 2|u|·√(…): computed from the coefficients it would lose half its digits near a double root
// (power ½). The second root comes from c0/q (Numerical Recipes §5.6), exact when a is near 0.
function quadraticRoots(a: number, b: number, c0: number, rootOfDiscriminant: number): [number, number] {
  const q = -(b + (b >= 0 ? rootOfDiscriminant : -rootOfDiscriminant)) / 2;
  return [q / a, c0 / q];
}

/**
 * The relative sample size c = σ_o²/σ_r² at which the replication is significant with the
 * target probability (NaN when no c reaches it: a non-conditional prior caps the probability
 * below Φ(s·|z_o|/√V)).
 *
 * Formula in words: with a = s·|z_o| and V the prior's variance over σ_o² (0, 1 + 2h, or
 * s(1 + h) + h), y = √c solves a·y − z_α = u·√(1 + V·y²), u = Φ⁻¹(power): the smallest positive
 * root of (a² − u²V)·y² − 2a·z_α·y + z_α² − u² = 0 for which a·y − z_α has the sign of u.
 * Reference: R ReplicationSuccess sampleSizeSignificance (one-sided).
 *
 * @example
 * sampleSizeSignificance({ zOriginal: 2.807034, power: 0.8, prior: 'conditional' }) // ≈ 0.9961217
 * // (R: sampleSizeSignificance(zo = p2z(0.005), power = 0.8) = ((qnorm(.8) + qnorm(.975))/p2z(.005))²)
 */
export function sampleSizeSignificance(target: ReplicationTarget): number {
  const zAlpha = normalQuantile(1 - (target.level ?? 0.025));
  const u = normalQuantile(target.power);
  const { mean: a, variance } = priorPerOriginalSe(target);
  // Discriminant: 4u²·(a² + V·(z_α² − u²)).
  const roots = quadraticRoots(
    a * a - u * u * variance,
    -2 * a * zAlpha,
    zAlpha * zAlpha - u * u,
    2 * Math.abs(u) * Math.sqrt(a * a + variance * (zAlpha * zAlpha - u * u)),
  );
  const valid = roots.filter((y) => y > 0 && Math.sign(a * y - zAlpha) * Math.sign(u) >= 0);
  return valid.length === 0 ? Number.NaN : Math.min(...valid) ** 2;
}

/**
 * The relative sample size c = σ_o²/σ_r² at which the replication succeeds by the sceptical
 * p-value with the target probability (NaN when unreachable or when the original is below the
 * critical value).
 *
 * Formula in words, for "nominal" and "golden" (z_αS fixed, K = z_o²/z_αS²): with a = s·|z_o|,
 * V the prior's variance over σ_o² and u = Φ⁻¹(power), x = √(1/c + 1/(K − 1)) solves
 * a − z_αS·x = u·√(x² − 1/(K − 1) + V), i.e. the quadratic
 * (z_αS² − u²)·x² − 2a·z_αS·x + a² − u²·(V − 1/(K − 1)) = 0, taking the largest root
 * x > 1/√(K − 1) (the smallest c) for which a − z_αS·x has the sign of u; then
 * c = 1/(x² − 1/(K − 1)). For "controlled" z_αS depends on c, so c is found numerically: the
 * smallest c on a logarithmic grid from 1e-4 to 1e4 at which the probability reaches the target,
 * refined by Brent's method. Unlike R's sampleSizeReplicationSuccess, whose controlled branch
 * leaves h out, h is used here as in every other branch.
 * Reference: Held (2020), JRSS A 183:431, §4; Micheloud, Balabdaoui & Held (2023); R
 * ReplicationSuccess sampleSizeReplicationSuccess (one-sided).
 *
 * @example
 * sampleSizeReplicationSuccess({ zOriginal: 3.023341, power: 0.8, prior: 'conditional' }, 'golden')
 * // ≈ 0.72048 (R: sampleSizeReplicationSuccess(zo = p2z(0.0025), power = 0.8, type = "golden"))
 */
export function sampleSizeReplicationSuccess(target: ReplicationTarget, recalibration: ScepticalRecalibration): number {
  if (recalibration === 'controlled') return smallestRelativeSize(target, recalibration);
  const critical = scepticalCriticalZ(target.level ?? 0.025, recalibration, 1);
  const k = (target.zOriginal * target.zOriginal) / (critical * critical);
  if (k <= 1) return Number.NaN;
  const u = normalQuantile(target.power);
  const { mean: a, variance } = priorPerOriginalSe(target);
  const floor = 1 / (k - 1);
  // Discriminant: 4u²·(a² + (V − 1/(K − 1))·(z_αS² − u²)).
  const roots = quadraticRoots(
    critical * critical - u * u,
    -2 * a * critical,
    a * a - u * u * (variance - floor),
    2 * Math.abs(u) * Math.sqrt(a * a + (variance - floor) * (critical * critical - u * u)),
  );
  const valid = roots.filter((x) => x * x > floor && Math.sign(a - critical * x) * Math.sign(u) >= 0);
  if (valid.length === 0) return Number.NaN;
  const relativeSize = 1 / (Math.max(...valid) ** 2 - floor);
  // At a power limit (e.g. K = φ for a just-significant original under golden, where the
  // conditional probability only tends to ½) the root sits on 1/(K − 1) and c blows up to
  // rounding noise (R returns 7.5e14 there): keep c only if it really gives the power.
  const reached = powerReplicationSuccess({ ...target, varianceRatio: relativeSize }, recalibration);
  return Math.abs(reached - target.power) < 1e-6 ? relativeSize : Number.NaN;
}

// The smallest c in [1e-4, 1e4] where the sceptical success probability reaches the target.
function smallestRelativeSize(target: ReplicationTarget, recalibration: ScepticalRecalibration): number {
  const gap = (logC: number): number =>
    powerReplicationSuccess({ ...target, varianceRatio: Math.exp(logC) }, recalibration) - target.power;
  const steps = 160;
  const from = Math.log(1e-4);
  const to = Math.log(1e4);
  if (gap(from) >= 0) return Math.exp(from);
  let previous = from;
  for (let i = 1; i <= steps; i += 1) {
    const logC = from + ((to - from) * i) / steps;
    if (gap(logC) >= 0) return Math.exp(findRoot(gap, previous, logC, 1e-10));
    previous = logC;
  }
  return Number.NaN;
}

/**
 * Probability that the fixed-effect meta-analysis of original and replication is significant
 * (one-sided at the level, in the original's direction), τ² added to each variance.
 *
 * Formula in words (σ_r = 1): w_o = 1/(c(1 + h)), w_r = 1/(1 + c·h); the pooled z-value
 * (w_o·|z_o|√c + w_r·z_r)/√(w_o + w_r) is linear in z_r, so success is
 * z_r ≥ t = (z_α·√(w_o + w_r) − w_o·|z_o|√c)/w_r and the probability is Φ((μ − t)/σ).
 * Derived in docs/replication-design.md.
 *
 * @example
 * powerMetaAnalysis({ zOriginal: 2, varianceRatio: 1, prior: 'conditional' })
 * // t = 1.959964·√2 − 2 = 0.771808 → Φ(2 − 0.771808) ≈ 0.8903126 (R: pnorm(2 - (qnorm(.975)*sqrt(2) - 2)))
 */
export function powerMetaAnalysis(design: RelativeReplication): number {
  const { varianceRatio: c } = design;
  const h = design.relativeHeterogeneity ?? 0;
  const originalWeight = 1 / (c * (1 + h));
  const replicationWeight = 1 / (1 + c * h);
  const zAlpha = normalQuantile(1 - (design.level ?? 0.025));
  const threshold =
    (zAlpha * Math.sqrt(originalWeight + replicationWeight) -
      originalWeight * Math.abs(design.zOriginal) * Math.sqrt(c)) /
    replicationWeight;
  return probabilityAbove(threshold, replicationZ(design));
}

/**
 * Probability that the replication's estimate falls inside the original's prediction interval
 * (Patil, Peng & Leek 2016), with the τ term: |θ̂_r − θ_o| ≤ q·S, q = Φ⁻¹((1 + coverage)/2).
 *
 * Formula in words (σ_r = 1): S = √(c + 1 + 2hc); the probability is
 * Φ((|z_o|√c + qS − μ)/σ) − Φ((|z_o|√c − qS − μ)/σ). Under the predictive prior μ = |z_o|√c and
 * σ = S, so it equals the coverage exactly — the interval is that prior's own prediction.
 * Derived in docs/replication-design.md.
 *
 * @example
 * powerPredictionInterval({ zOriginal: 2, varianceRatio: 1, prior: 'predictive' }) // 0.95
 */
export function powerPredictionInterval(design: RelativeReplication, coverage = 0.95): number {
  const { varianceRatio: c } = design;
  const h = design.relativeHeterogeneity ?? 0;
  const halfWidth = normalQuantile((1 + coverage) / 2) * Math.sqrt(c + 1 + 2 * h * c);
  const centre = Math.abs(design.zOriginal) * Math.sqrt(c);
  const z = replicationZ(design);
  return normalCdf((centre + halfWidth - z.mean) / z.sd) - normalCdf((centre - halfWidth - z.mean) / z.sd);
}

/**
 * Probability that the replication does not rule out d33 (Simonsohn 2015): success when
 * z_r ≥ d33 − Φ⁻¹(1 − telescopeLevel), d33 = smallTelescopeEffect(√c, power, alpha) in units of σ_r.
 *
 * Formula in words: Φ((μ − d33 + Φ⁻¹(1 − telescopeLevel))/σ). Under no effect (μ = 0, σ = 1)
 * with c = 2.5 this is Φ(−1.528569·√2.5 + 1.644854) ≈ 0.22: Simonsohn's rule that a replication
 * 2.5 times the original's size has about 80% power to rule d33 out.
 * Derived in docs/replication-design.md.
 *
 * @example
 * powerSmallTelescopes({ zOriginal: 2.5, varianceRatio: 1, prior: 'conditional' })
 * // Φ(2.5 − 1.528569 + 1.644854) ≈ 0.9955554
 */
export function powerSmallTelescopes(
  design: RelativeReplication,
  settings: Pick<
    ReplicationSettings,
    'telescopePower' | 'telescopeAlpha' | 'telescopeLevel'
  > = DEFAULT_REPLICATION_SETTINGS,
): number {
  const d33 = smallTelescopeEffect(Math.sqrt(design.varianceRatio), settings.telescopePower, settings.telescopeAlpha);
  return probabilityAbove(d33 - normalQuantile(1 - settings.telescopeLevel), replicationZ(design));
}

/**
 * The closed-form probability of replication success by any criterion: the dispatcher over the
 * functions above, with settings as in prepareReplicationCriterion (the design's level wins
 * over settings.level; settings.heterogeneity is not read — h is part of the design).
 *
 * @example
 * replicationSuccessProbability('sceptical', { zOriginal: 2.807034, varianceRatio: 2, prior: 'conditional' }) // ≈ 0.9690439
 */
export function replicationSuccessProbability(
  criterion: ReplicationCriterion,
  design: RelativeReplication,
  settings: Partial<ReplicationSettings> = {},
): number {
  const full: ReplicationSettings = { ...DEFAULT_REPLICATION_SETTINGS, ...settings };
  const withLevel: RelativeReplication = { ...design, level: design.level ?? full.level };
  switch (criterion) {
    case 'significance':
      return powerSignificance(withLevel);
    case 'two-trials':
      return powerTwoTrials(withLevel);
    case 'sceptical':
      return powerReplicationSuccess(withLevel, full.recalibration);
    case 'meta-analysis':
      return powerMetaAnalysis(withLevel);
    case 'prediction-interval':
      return powerPredictionInterval(withLevel, full.predictionCoverage);
    case 'small-telescopes':
      return powerSmallTelescopes(withLevel, full);
  }
}
