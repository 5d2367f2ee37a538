/**
 * Below this many Satterthwaite degrees of freedom a cluster-robust test cannot be relied on
 * (Tipton 2015, Psychol. Methods 20:375–393; R's robumeta prints "If df < 4, do not trust the
 * results"). The simulations in `docs/clustered-analysis.md` agree: with 2 caseworkers (ν ≈ 1.9)
 * CR2 falls far outside the tolerance bands, with 3 (ν ≈ 3.8) it sits at their conservative edge.
 */
export const MINIMUM_CLUSTER_ROBUST_DF = 4;

/** Caseworkers a replication should plan for: CR2 then stays within a point of nominal coverage. */
export const RECOMMENDED_CASEWORKERS = 10;

/** What the judgement needs to know about a design's treated clusters. */
export interface TreatedClusters {
  /** The CR2 degrees of freedom planned for the design (`plannedClusterRobustDegreesOfFreedom`). */
  readonly plannedDegreesOfFreedom: number;
  /** How many caseworkers (or randomised sites) serve the treated arm. */
  readonly count: number;
  /** 'caseworker' for a partially clustered trial, 'site' under cluster randomisation. */
  readonly unit: 'caseworker' | 'site';
  /** People per caseworker, to say how many treated people the recommended count means. */
  readonly caseload: number;
}

/**
 * The plain-words verdict on a design whose clusters are too few for any interval to be trusted,
 * or null when the planned degrees of freedom reach {@link MINIMUM_CLUSTER_ROBUST_DF}. Said
 * instead of printing an interval: what is wrong, why neither a person-level nor a cluster-level
 * analysis can help, and what a replication needs.
 *
 * Formula in words: too few when the planned Satterthwaite ν < 4.
 * Reference: Tipton (2015); Pustejovsky & Tipton (2018) J. Bus. Econ. Stat. 36:672–683;
 * `docs/clustered-analysis.md`.
 *
 * @example { plannedDegreesOfFreedom: 1.89, count: 2, unit: 'caseworker', caseload: 22 } →
 *   "With 2 caseworkers the variation between caseworkers can hardly be estimated: … at least
 *   10 caseworkers (about 220 treated people at caseloads of 22), or randomise caseworkers …";
 *   12 caseworkers (ν 42) → null
 */
export function describeTooFewClusters(clusters: TreatedClusters): string | null {
  const { plannedDegreesOfFreedom: df, count, unit, caseload } = clusters;
  if (df >= MINIMUM_CLUSTER_ROBUST_DF) return null;
  const units = count === 1 ? unit : `${unit}s`;
  const rests = Number.isFinite(df) ? `would rest on about ${df.toFixed(1)} degrees of freedom` : 'cannot be computed';
  const why =
    unit === 'caseworker'
      ? `a person-level analysis treats the treated people as independent when they share ${count} ${units}, and a caseworker-level analysis has almost nothing to go on`
      : `a person-level analysis treats people as independent when whole sites were randomised, and ${count} ${units} give a site-level analysis almost nothing to go on`;
  const needs =
    unit === 'caseworker'
      ? `at least ${RECOMMENDED_CASEWORKERS} caseworkers (about ${RECOMMENDED_CASEWORKERS * caseload} treated people at caseloads of ${caseload}), or randomise caseworkers rather than people`
      : 'more randomised sites in each arm';
  return (
    `With ${count} ${units} the variation between ${unit}s can hardly be estimated: the cluster-robust test ${rests} ` +
    `(at least ${MINIMUM_CLUSTER_ROBUST_DF} are needed), so no interval or p-value from this design can be trusted — ${why}. ` +
    `A replication needs ${needs}.`
  );
}
