/**
 * A first guess of the total number of people a design needs, from the normal-approximation
 * formulas: the stochastic search may start its grid there. Only a starting bracket — it takes
 * the selected cohort's control rates when given them but not how selection reshapes the
 * propensity, ignores site clustering and treats caseworker clustering by a rough design effect,
 * and it knows nothing of the exact test — so it is never reported as the answer.
 */
import { armSizes, type Design, type Outcome } from '../core/design.js';
import { sampleSizeNegativeBinomialRates } from './analytic/negative-binomial-rates.js';
import { sampleSizeTwoProportionsUnpooled } from './analytic/two-proportions.js';
import { prepareInterimPlan } from '../core/analysis/group-sequential/interim-plan.js';
import { maximumInformationInflation } from '../core/analysis/group-sequential/maximum-information-inflation.js';
import { isMonitored, type PowerTarget } from './power-target.js';

/**
 * Total people for `power` on the target by the analytic formulas, or null when none applies
 * (e.g. a binary outcome derived from a count, or no effect).
 *
 * Count outcomes use Zhu & Lakkis method 2 with the share-weighted control rate (the selected
 * cohort's follow-up rate from `cohortRatePerYear` when given, else the scenario's `ratePerYear`), the
 * intention-to-treat ratio Σ rate·share·(1 − engagement·(1 − ratio)) / Σ rate·share, dispersion
 * = propensity + own, and α divided by the number of primaries when a correction applies; binary
 * outcomes with their own prevalence use the unpooled two-proportion formula; harm uses its count
 * with the severity ratio and the severity's squared CV added to the dispersion. The total is
 * divided by (1 − attrition) and by the analysed group's share, and multiplied by the caseworker
 * design effect 1 + (caseload − 1)·icc. A group-sequential design's monitored outcome needs its
 * maximum size: the fixed total times the inflation factor (θ/θ_fixed)² of its boundaries
 * (`maximumInformationInflation`, docs/sequential-and-stepped-wedge.md).
 *
 * Example: teaching-two-arm (50% vs 40%, 1:1) at 80% → 2 × 384.6 → 770.
 */
export function analyticTotal(
  design: Design,
  target: PowerTarget,
  power: number,
  cohortRatePerYear?: (outcomeId: string, groupId: string) => number | undefined,
): number | null {
  // A replication's success has its own closed forms (analytic/replication-success.ts) but needs
  // σ_r at each size; the search starts from a simulated probe instead.
  if (target.kind === 'replication') return null;
  const ids = target.kind === 'all-primary' ? target.ids : [target.id];
  const primaryCount = design.outcomes.filter((o) => o.primary).length;
  const corrected = design.analysis.multiplicity !== 'none' && primaryCount > 1;
  const totals = ids.map((id) => {
    const outcome = design.outcomes.find((o) => o.id === id)!;
    const alpha = corrected && outcome.primary ? design.analysis.alpha / primaryCount : design.analysis.alpha;
    return outcomeTotal(design, outcome, alpha, power, cohortRatePerYear);
  });
  if (totals.some((total) => total === null || !Number.isFinite(total) || total <= 0)) return null;
  return Math.ceil(Math.max(...(totals as number[])) * sequentialInflation(design, target, power));
}

/** The inflation factor of a group-sequential design's maximum size for the monitored outcome, else 1. */
function sequentialInflation(design: Design, target: PowerTarget, power: number): number {
  const plan = isMonitored(design, target) ? prepareInterimPlan(design) : null;
  if (plan === null || !(power > plan.boundaries.alpha && power < 1)) return 1;
  return maximumInformationInflation(plan.boundaries, power).inflationFactor;
}

function outcomeTotal(
  design: Design,
  outcome: Outcome,
  alpha: number,
  power: number,
  cohortRatePerYear?: (outcomeId: string, groupId: string) => number | undefined,
): number | null {
  const sizes = armSizes(design.plan.size);
  const ratio = sizes.control > 0 ? sizes.treated / sizes.control : 1;
  const groups = design.groups.filter((group) => outcome.within === null || group.id === outcome.within);
  const groupShare = groups.reduce((sum, group) => sum + group.share, 0);
  const exposure = design.plan.followUpMonths / 12;
  const engagementOf = (groupId: string) => design.plan.engagement[groupId] ?? 1;
  const median = (value: number) =>
    outcome.effectDistribution?.kind === 'lognormal' ? outcome.effectDistribution.median : value;
  let perControl: number | null = null;
  if (outcome.kind === 'binary') {
    if (outcome.prevalence === null) return null;
    const control = groups.reduce((sum, g) => sum + g.share * outcome.prevalence![g.id], 0) / groupShare;
    const treated =
      groups.reduce(
        (sum, g) =>
          sum + g.share * outcome.prevalence![g.id] * (1 - engagementOf(g.id) * (1 - median(outcome.riskRatio[g.id]))),
        0,
      ) / groupShare;
    if (control === treated) return null;
    perControl = sampleSizeTwoProportionsUnpooled({ p1: treated, p2: control, alpha, power, ratio });
  } else {
    const count = outcome.kind === 'count' ? outcome : design.outcomes.find((o) => o.id === outcome.from);
    if (!count || count.kind !== 'count') return null;
    const severityCv2 = outcome.kind === 'harm' ? Math.exp(outcome.severity.sdLog ** 2) - 1 : 0;
    const ratioOf = (groupId: string) =>
      outcome.kind === 'harm'
        ? median(count.rateRatio[groupId]) * median(outcome.severityRatio[groupId])
        : median(count.rateRatio[groupId]);
    const rate = (groupId: string) => cohortRatePerYear?.(count.id, groupId) ?? count.ratePerYear[groupId];
    const controlRate = groups.reduce((sum, g) => sum + g.share * rate(g.id), 0) / groupShare;
    const treatedRate =
      groups.reduce((sum, g) => sum + g.share * rate(g.id) * (1 - engagementOf(g.id) * (1 - ratioOf(g.id))), 0) /
      groupShare;
    if (controlRate <= 0 || treatedRate === controlRate) return null;
    perControl = sampleSizeNegativeBinomialRates({
      controlRate,
      rateRatio: treatedRate / controlRate,
      dispersion: design.propensityDispersion + count.dispersion + severityCv2,
      exposure,
      ratio,
      alpha,
      power,
      method: 2,
    });
  }
  const caseworkers = design.plan.caseworkers;
  const designEffect = caseworkers ? 1 + (caseworkers.caseload - 1) * caseworkers.icc : 1;
  return (perControl * (1 + ratio) * designEffect) / (1 - design.plan.attrition) / groupShare;
}
