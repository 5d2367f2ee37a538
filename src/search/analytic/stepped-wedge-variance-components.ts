/**
 * The variance components of a normal outcome in a stepped-wedge trial, person-level:
 * y = period effect + treatment + cluster effect + cluster-by-period effect + person effect + residual.
 */
export interface SteppedWedgeVariance {
  /** τ²: variance of the cluster effect, shared by every period of a cluster. */
  readonly clusterVariance: number;
  /** γ²: variance of the cluster-by-period effect, fresh each period (0 in Hussey & Hughes). */
  readonly clusterPeriodVariance: number;
  /**
   * ζ²: variance of a person's own effect, carried across periods in a closed cohort (the same
   * people measured every period); 0 for cross-sectional sampling (new people each period).
   */
  readonly personVariance: number;
  /** σ²: residual variance of one person's outcome in one period. */
  readonly residualVariance: number;
}

/** Correlations that describe the same model on a total-variance scale. */
export interface SteppedWedgeCorrelations {
  /** Variance of one person's outcome in one period: τ² + γ² + ζ² + σ². */
  readonly totalVariance: number;
  /** Intra-cluster correlation: (τ² + γ²)/total, two people in the same cluster and period. */
  readonly icc: number;
  /** Cluster autocorrelation: τ²/(τ² + γ²), of a cluster's true means in two periods (1: none decays). */
  readonly cac: number;
  /** Individual autocorrelation: ζ²/(ζ² + σ²), of one person's own parts in two periods (0: cross-sectional). */
  readonly iac?: number;
}

/**
 * Variance components from an ICC, a cluster autocorrelation and (for a closed cohort) an
 * individual autocorrelation.
 *
 * Formula in words: the cluster part of the variance is ICC·total, split into τ² = CAC·ICC·total
 * and γ² = (1 − CAC)·ICC·total; the person part (1 − ICC)·total splits into ζ² = IAC·(1 − ICC)·total
 * and σ² = (1 − IAC)·(1 − ICC)·total.
 * Reference: Hooper, Teerenstra, de Hoop & Eldridge (2016) Stat Med 35:4718–4728; Girling & Hemming
 * (2016) Stat Med 35:2149–2166; the same parametrisation as swCRTdesign's swPwr (icc, cac, iac).
 *
 * @example varianceComponentsFromCorrelations({ totalVariance: 1, icc: 0.05, cac: 0.8, iac: 0.5 })
 *   // τ² 0.04, γ² 0.01, ζ² 0.475, σ² 0.475
 */
export function varianceComponentsFromCorrelations(correlations: SteppedWedgeCorrelations): SteppedWedgeVariance {
  const { totalVariance, icc, cac } = correlations;
  const iac = correlations.iac ?? 0;
  const clusterPart = icc * totalVariance;
  const personPart = (1 - icc) * totalVariance;
  return {
    clusterVariance: cac * clusterPart,
    clusterPeriodVariance: (1 - cac) * clusterPart,
    personVariance: iac * personPart,
    residualVariance: (1 - iac) * personPart,
  };
}
