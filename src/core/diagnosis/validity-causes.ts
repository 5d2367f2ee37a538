/**
 * Why an analysis's intervals miss the tolerance band, where the design says: the words the
 * diagnosis adds to its coverage warnings, and the verdict on designs with too few caseworkers
 * (or randomised sites) for any interval to be trusted. The measurements behind them are in
 * `docs/clustered-analysis.md`.
 */
import { planClusters } from '../analysis/planned-cluster-layout.js';
import { describeTooFewClusters, MINIMUM_CLUSTER_ROBUST_DF } from '../analysis/too-few-clusters.js';
import type { Design, Outcome } from '../design.js';

/** Analyses that account for clustering (the rest treat people as independent). */
const CLUSTER_AWARE = new Set(['cluster-robust', 'cluster-summary']);

/** True when treated people share caseworkers whose effectiveness differs, under individual randomisation. */
function caseworkersCluster(design: Design): boolean {
  const { plan } = design;
  return plan.randomisation !== 'cluster' && plan.caseworkers !== null && plan.caseworkers.icc > 0;
}

/**
 * The run-wide verdict on a design whose clusters are too few for any interval to be trusted
 * (planned CR2 degrees of freedom below 4), or null. Given when some outcome is analysed by
 * `cluster-robust`, or when caseworkers differ (icc > 0) — then the person-level analyses are not
 * valid either, and the cluster-robust one is no way out.
 *
 * Formula in words: `describeTooFewClusters(planClusters(design))` when it applies.
 * Reference: Tipton (2015) Psychol. Methods 20:375–393; `docs/clustered-analysis.md`.
 *
 * @example MK as written (45 treated dealt to 3 caseworkers, ν 3.8) → "With 3 caseworkers the
 *   variation between caseworkers can hardly be estimated: …"; 264 + 264 (12 caseworkers) → null
 */
export function describeTooFewClustersOf(design: Design): string | null {
  const robust = design.outcomes.some((o) => o.analysis === 'cluster-robust');
  if (!robust && !caseworkersCluster(design)) return null;
  const clusters = planClusters(design);
  return clusters === null ? null : describeTooFewClusters(clusters);
}

/**
 * True when an outcome is analysed by `cluster-robust` on a design with too few clusters for it
 * (planned CR2 degrees of freedom below 4): its intervals, p-values and their diagnosands cannot
 * be trusted, though its power is still counted.
 *
 * @example MK as written, crime by cluster-robust → true; by negative-binomial → false
 */
export function hasTooFewClusters(design: Design, outcome: Outcome): boolean {
  if (outcome.analysis !== 'cluster-robust') return false;
  const clusters = planClusters(design);
  return clusters !== null && !(clusters.plannedDegreesOfFreedom >= MINIMUM_CLUSTER_ROBUST_DF);
}

/**
 * The known causes of coverage below its band for one outcome, in words, with what to do; '' when
 * none of them applies. In the order they matter:
 * - treated people share caseworkers whose effectiveness differs (`design.caseworkers.icc` > 0)
 *   and the analysis treats people as independent — the paired null run is the sharp null
 *   (caseworker effects off), so type I error cannot show it and coverage is where it shows;
 * - whole sites were randomised, sites differ, and the analysis treats people as independent;
 * - partial engagement (negative binomial): the effect reaches only the engaged, so the treated
 *   arm mixes two rates, a variation the model-based standard error leaves out; the prior-count
 *   adjustment removes much of the other person-to-person variation, so it counts for more there.
 *   Measured on `milton-keynes` crime (4,000 trials each, caseworker ICC 0): coverage 91.8%
 *   prior-adjusted, 93.4% unadjusted, 94.6% adjusted with everyone engaged, 95.1% unadjusted with
 *   everyone engaged; the bias stays near 0 (−0.006 on the log scale), so it is the standard
 *   error, not a conditional-versus-marginal estimand, that falls short.
 * Reference: Roberts & Roberts (2005) Clin. Trials 2:152–162 (partially clustered trials);
 * `docs/clustered-analysis.md`.
 *
 * @example MK, crime by negative-binomial → "Treated people share 3 caseworkers (caseload 22,
 *   ICC 0.02) and negative-binomial treats them as independent; … Partial engagement …"
 */
export function describeCoverageShortfall(design: Design, outcome: Outcome, drawsEffects: boolean): string {
  const { plan } = design;
  const causes: string[] = [];
  const personLevel = !CLUSTER_AWARE.has(outcome.analysis);
  if (personLevel && caseworkersCluster(design)) {
    const clusters = planClusters(design);
    const count = clusters?.count ?? 0;
    const tooFew = clusters !== null && !(clusters.plannedDegreesOfFreedom >= MINIMUM_CLUSTER_ROBUST_DF);
    causes.push(
      `Treated people share ${count} caseworker${count === 1 ? '' : 's'} (caseload ${plan.caseworkers!.caseload}, ` +
        `ICC ${plan.caseworkers!.icc}) and ${outcome.analysis} treats them as independent; the paired null run switches ` +
        `caseworker effects off (the sharp null), so its type I error cannot show this, but coverage does. ` +
        (tooFew
          ? `With ${count} caseworkers no analysis can give an interval to trust (see the caseworker warning).`
          : 'Use analysis: cluster-robust, which clusters on the caseworker (docs/clustered-analysis.md).'),
    );
  }
  if (personLevel && plan.randomisation === 'cluster' && plan.sites !== null && plan.sites.rateCV > 0) {
    causes.push(
      `Whole sites were randomised and sites differ, but ${outcome.analysis} treats people as independent; ` +
        'use analysis: cluster-summary or cluster-robust, which analyse the randomised sites.',
    );
  }
  const engagementVaries = Object.values(plan.engagement).some((share) => share < 1);
  if (outcome.analysis === 'negative-binomial' && engagementVaries && !drawsEffects) {
    causes.push(
      'Partial engagement accounts for part of the rest: the effect reaches only the engaged, so the treated arm mixes ' +
        "two rates, a variation the negative binomial's model-based standard error leaves out" +
        (design.analysis.adjustForPrior
          ? ' (the prior-count adjustment, removing other variation, makes it count for more)'
          : '') +
        '; cluster-robust standard errors are computed from the data and include it.',
    );
  }
  return causes.join(' ');
}
