/**
 * Closed-form variance and power of the treatment effect in a stepped-wedge cluster-randomised
 * trial with a normal outcome, analysed by generalised least squares with period fixed effects
 * (Hussey & Hughes 2007), extended to a cluster-by-period effect and to a closed cohort.
 */
import { normalCdf, normalQuantile } from '../../core/distributions/normal.js';
import type { SteppedWedgeVariance } from './stepped-wedge-variance-components.js';

/**
 * The treatment matrix X of a standard stepped-wedge design: `clusters` rows, `steps` + 1 periods;
 * X[i][j] = 1 when cluster i is treated in period j. Every cluster starts in control for the
 * first period; sequence s (1 … steps) crosses over at the start of period s + 1, so all are
 * treated in the last. Clusters are spread over the sequences as evenly as possible (equal when
 * `steps` divides `clusters`; otherwise the earlier sequences get one more).
 * Reference: Hussey & Hughes (2007) Contemp Clin Trials 28:182–191, Figure 1.
 *
 * @example steppedWedgeTreatment(4, 2) // [[0,1,1], [0,1,1], [0,0,1], [0,0,1]]
 */
export function steppedWedgeTreatment(clusters: number, steps: number): number[][] {
  const rows: number[][] = [];
  for (let sequence = 1; sequence <= steps; sequence++) {
    const inSequence = Math.floor(clusters / steps) + (sequence <= clusters % steps ? 1 : 0);
    for (let c = 0; c < inSequence; c++) {
      rows.push(Array.from({ length: steps + 1 }, (_, period) => (period >= sequence ? 1 : 0)));
    }
  }
  return rows;
}

/**
 * Variance of the GLS estimate of the treatment effect θ, given the treatment matrix X (I clusters
 * × T periods), m people per cluster-period and the variance components.
 *
 * Formula in words: each cluster's T cluster-period means have an exchangeable covariance
 * a·I + b·J, with a = γ² + σ²/m on the diagonal only and b = τ² + ζ²/m shared by every pair of
 * periods. Hussey & Hughes' closed form of [(Dᵀ V⁻¹ D)⁻¹]_θθ for period fixed effects and θ holds
 * for any such covariance, so
 *   Var(θ̂) = I·a·(a + T·b) / [(I·U − W)·a + (U² + I·T·U − T·W − I·V)·b],
 * where U = Σ X_ij (treated cluster-periods), W = Σ_j (Σ_i X_ij)² (over periods) and
 * V = Σ_i (Σ_j X_ij)² (over clusters). Which model it covers:
 * * Hussey & Hughes (cross-sectional, cluster random intercept): γ² = ζ² = 0, a = σ²/m, b = τ².
 * * Hooper et al. / Girling & Hemming (cluster-by-period effect, cluster autocorrelation
 *   CAC = τ²/(τ² + γ²) < 1), cross-sectional: ζ² = 0.
 * * Closed cohort (the same m people every period, person effect ζ²): b gains ζ²/m. This assumes
 *   the cluster and person correlations do not decay with the distance between periods; decaying
 *   (e.g. exponential) correlation has no such closed form and needs the full GLS.
 * Reference: Hussey & Hughes (2007) Contemp Clin Trials 28:182–191, eq. 8; Hooper, Teerenstra,
 * de Hoop & Eldridge (2016) Stat Med 35:4718–4728; Girling & Hemming (2016) Stat Med 35:2149–2166.
 *
 * @example steppedWedgeEffectVariance(steppedWedgeTreatment(24, 4), 120, { clusterVariance: 1e-4,
 *   clusterPeriodVariance: 0, personVariance: 0, residualVariance: 0.0425 · 0.9575 })
 *   // ≈ 2.96823e-5 (R: solve(t(D) %*% solve(V) %*% D), see the test)
 */
export function steppedWedgeEffectVariance(
  treatment: readonly (readonly number[])[],
  peoplePerClusterPeriod: number,
  variance: SteppedWedgeVariance,
): number {
  const { clusters, periods, u, v, w } = treatmentSums(treatment);
  const m = peoplePerClusterPeriod;
  const a = variance.clusterPeriodVariance + variance.residualVariance / m;
  const b = variance.clusterVariance + variance.personVariance / m;
  const numerator = clusters * a * (a + periods * b);
  const denominator = (clusters * u - w) * a + (u * u + clusters * periods * u - periods * w - clusters * v) * b;
  return numerator / denominator;
}

/**
 * Variance of the treatment effect from the within-cluster analysis: least squares on the
 * cluster-period means with cluster and period fixed effects, which needs no estimate of the
 * between-cluster variance (so its t test, on I·T − I − T degrees of freedom, is exact for a normal
 * outcome however few the clusters).
 *
 * Formula in words: it is the limit of the GLS variance as the shared part b grows without bound
 * (cluster effects then carry no information, as fixed effects): Var(θ̂) = I·T·a/(U² + I·T·U −
 * T·W − I·V) with a = γ² + σ²/m and U, V, W as for `steppedWedgeEffectVariance`; the shared part
 * b = τ² + ζ²/m does not enter.
 * Reference: Hussey & Hughes (2007) eq. 8 as τ² → ∞; checked against R's
 * lm(mean ~ factor(cluster) + factor(period) + treat) in the test.
 *
 * @example steppedWedgeWithinClusterVariance(steppedWedgeTreatment(12, 4), 20, { clusterVariance: 0,
 *   clusterPeriodVariance: 0.01, personVariance: 0, residualVariance: 1 }) // ≈ 0.0133333
 */
export function steppedWedgeWithinClusterVariance(
  treatment: readonly (readonly number[])[],
  peoplePerClusterPeriod: number,
  variance: SteppedWedgeVariance,
): number {
  const { clusters, periods, u, v, w } = treatmentSums(treatment);
  const a = variance.clusterPeriodVariance + variance.residualVariance / peoplePerClusterPeriod;
  return (clusters * periods * a) / (u * u + clusters * periods * u - periods * w - clusters * v);
}

/** U = Σ X_ij, V = Σ_i (Σ_j X_ij)², W = Σ_j (Σ_i X_ij)² of a treatment matrix, with its size. */
function treatmentSums(treatment: readonly (readonly number[])[]): {
  clusters: number;
  periods: number;
  u: number;
  v: number;
  w: number;
} {
  const periods = treatment[0].length;
  let u = 0;
  let v = 0;
  const periodTotals = new Array<number>(periods).fill(0);
  for (const row of treatment) {
    let clusterTotal = 0;
    row.forEach((x, j) => {
      clusterTotal += x;
      periodTotals[j] += x;
    });
    u += clusterTotal;
    v += clusterTotal * clusterTotal;
  }
  const w = periodTotals.reduce((total, x) => total + x * x, 0);
  return { clusters: treatment.length, periods, u, v, w };
}

/** A standard stepped-wedge design with a normal outcome, for `powerSteppedWedge`. */
export interface SteppedWedgeInput {
  readonly clusters: number;
  readonly steps: number;
  readonly peoplePerClusterPeriod: number;
  readonly variance: SteppedWedgeVariance;
  /** θ: the difference in means the treatment makes, on the outcome's scale. */
  readonly effect: number;
  /** Two-sided significance level. */
  readonly alpha: number;
}

/**
 * Power of the two-sided Wald test of θ in a standard stepped-wedge design (equal allocation,
 * `steps` + 1 periods), by the closed-form GLS variance.
 *
 * Formula in words: with se = √Var(θ̂) from `steppedWedgeEffectVariance`,
 * power = Φ(|θ|/se − z_{1−α/2}) + Φ(−|θ|/se − z_{1−α/2}) — both tails, as swCRTdesign's swPwr
 * (Hussey & Hughes keep the first term only; the second is below α/2).
 * Reference: Hussey & Hughes (2007) eq. 9.
 *
 * @example powerSteppedWedge({ clusters: 24, steps: 4, peoplePerClusterPeriod: 120, effect: 0.015,
 *   alpha: 0.05, variance: { clusterVariance: 1e-4, clusterPeriodVariance: 0, personVariance: 0,
 *   residualVariance: 0.0425 · 0.9575 } }) // ≈ 0.7861896 (swCRTdesign README: swPwr(swDsn(c(6,6,6,6)),
 *   "binomial", n = 120, mu0 = 0.05, mu1 = 0.035, tau = 0.01))
 */
export function powerSteppedWedge(input: SteppedWedgeInput): number {
  const treatment = steppedWedgeTreatment(input.clusters, input.steps);
  const standardError = Math.sqrt(steppedWedgeEffectVariance(treatment, input.peoplePerClusterPeriod, input.variance));
  const shift = Math.abs(input.effect) / standardError;
  const critical = normalQuantile(1 - input.alpha / 2);
  return normalCdf(shift - critical) + normalCdf(-shift - critical);
}
