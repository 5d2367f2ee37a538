/**
 * Why an analysis's intervals miss the tolerance band, where the design says: the words the
 * diagnosis adds to its coverage warnings and the too-few-clusters verdict of the cluster-robust
 * analysis. The measurements behind them are in `docs/clustered-analysis.md`.
 */
import { planClusters } from '../analysis/planned-cluster-layout.js';
import { describeTooFewClusters } from '../analysis/too-few-clusters.js';
import type { Design, Outcome } from '../design.js';

/** Analyses that account for clustering (the rest treat people as independent). */
const CLUSTER_AWARE = new Set(['cluster-robust', 'cluster-summary']);

/**
 * The plain-words verdict for an outcome analysed by `cluster-robust` on a design with too few
 * clusters for it (planned CR2 degrees of freedom below 4), or null (another analysis, or enough
 * clusters). Said instead of the interval's diagnosands, which cannot be trusted there.
 *
 * Formula in words: `describeTooFewClusters(planClusters(design))` for cluster-robust outcomes.
 * Reference: Tipton (2015) Psychol. Methods 20:375–393; `docs/clustered-analysis.md`.
 *
 * @example MK with caseload 23 (2 caseworkers, ν 1.9), crime by cluster-robust → "With 2
 *   caseworkers the variation between caseworkers can hardly be estimated: …"; negative-binomial → null
 */
export function describeTooFewForClusterRobust(design: Design, outcome: Outcome): string | null {
  if (outcome.analysis !== 'cluster-robust') return null;
  const clusters = planClusters(design);
  return clusters === null ? null : describeTooFewClusters(clusters);
}

/**
 * The known causes of coverage below its band for one outcome, in words, with what to do; '' when
 * none of them applies. In the order they matter:
 * - treated people share caseworkers whose effectiveness differs (`design.caseworkers.icc` > 0)
 *   and the analysis treats people as independent — the paired null run is the sharp null
 *   (caseworker effects off), so type I error cannot show it and coverage is where it shows;
 * - whole sites were randomised, sites differ, and the analysis treats people as independent;
 * - partial engagement: the effect reaches only the engaged, so the treated arm mixes two rates,
 *   a variation the model-based standard errors of the person-level analyses leave out; the
 *   prior-count adjustment removes much of the other person-to-person variation, so it counts for
 *   more there. Measured on `milton-keynes` crime (4,000 trials, caseworker ICC 0): 91.8% coverage
 *   prior-adjusted, 93.4% unadjusted, 94.6% adjusted with everyone engaged; the bias stays near 0
 *   (−0.006 on the log scale), so it is the standard error, not a conditional-versus-marginal
 *   estimand, that falls short.
 * Reference: Roberts & Roberts (2005) Clin. Trials 2:152–162 (partially clustered trials);
 * `docs/clustered-analysis.md`, `docs/statistical-methods.md`.
 *
 * @example MK, crime by negative-binomial → "Treated people share 3 caseworkers (caseload 22,
 *   ICC 0.02) and negative-binomial treats them as independent … use analysis: cluster-robust …"
 */
export function describeCoverageShortfall(design: Design, outcome: Outcome, drawsEffects: boolean): string {
  const { plan } = design;
  const causes: string[] = [];
  const personLevel = !CLUSTER_AWARE.has(outcome.analysis);
  const clusters = planClusters(design);
  if (personLevel && plan.randomisation !== 'cluster' && plan.caseworkers !== null && plan.caseworkers.icc > 0) {
    const count = clusters?.count ?? 0;
    const tooFew = clusters === null ? null : describeTooFewClusters(clusters);
    causes.push(
      `Treated people share ${count} caseworker${count === 1 ? '' : 's'} (caseload ${plan.caseworkers.caseload}, ` +
        `ICC ${plan.caseworkers.icc}) and ${outcome.analysis} treats them as independent; the paired null run switches ` +
        `caseworker effects off (the sharp null), so its type I error cannot show this, but coverage does. ` +
        (tooFew === null
          ? 'Use analysis: cluster-robust, which clusters on the caseworker (docs/clustered-analysis.md).'
          : tooFew),
    );
  }
  if (personLevel && plan.randomisation === 'cluster' && plan.sites !== null && plan.sites.rateCV > 0) {
    causes.push(
      `Whole sites were randomised and sites differ, but ${outcome.analysis} treats people as independent; ` +
        'use analysis: cluster-summary or cluster-robust, which analyse the randomised sites.',
    );
  }
  const engagementVaries = Object.values(plan.engagement).some((share) => share < 1);
  if (personLevel && engagementVaries && !drawsEffects && outcome.kind !== 'binary') {
    causes.push(
      'Partial engagement accounts for part of the rest: the effect reaches only the engaged, so the treated arm mixes ' +
        `two rates, variation ${outcome.analysis}'s model-based standard error leaves out` +
        (design.analysis.adjustForPrior && outcome.analysis === 'negative-binomial'
          ? ' (and the prior-count adjustment, by removing much of the other variation, makes it count for more)'
          : '') +
        '; cluster-robust standard errors are computed from the data and include it.',
    );
  }
  return causes.join(' ');
}
