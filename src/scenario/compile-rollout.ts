/**
 * Compiles a scenario's `design.rollout` into the `Design`'s rollout plan: the clusters become the
 * design's sites, the ICC and cluster autocorrelation become the gamma variances of the cluster and
 * cluster-by-period rate multipliers, and the trend becomes one rate multiplier per period.
 */
import type { CountOutcome, DesignPlan, Outcome, Rollout } from '../core/design.js';
import { iccDispersion } from './icc-reference.js';
import type { ScenarioInput } from './schema.js';
import { siteRateCV } from './site-rate-cv.js';

type RolloutInput = NonNullable<ScenarioInput['design']['rollout']>;

/**
 * The rollout plan and the parts of the design plan it fixes (sites, follow-up, size, randomisation).
 *
 * Formula in words: a person's count in one period is Poisson with mean μ·C·G·P, where C is the
 * cluster multiplier (variance v_c), G the cluster-by-period multiplier (variance v_g) and P the
 * person's propensity and own noise (dispersion d), all gamma with mean 1. Two people of one
 * cluster-period share C·G, whose variance is w = (1 + v_c)(1 + v_g) − 1, so the ICC of one
 * period's counts fixes w exactly as a site ICC fixes a site's variance (`siteRateCV`, with μ the
 * control mean count in one period). Two periods of one cluster share only C, so the cluster
 * autocorrelation (of the cluster's true rates) is CAC = v_c / w: v_c = CAC·w and
 * v_g = (1 + w)/(1 + v_c) − 1. Period j's trend multiplier is trendPerPeriod^j. Defaults: ICC 0,
 * CAC 1 (no cluster-by-period variation), trend 1.
 * Reference: the parametrisation of Hooper et al. (2016) Stat Med 35:4718 and Girling & Hemming
 * (2016) Stat Med 35:2149, on the gamma–Poisson model of docs/architecture.md.
 *
 * @example icc 0.05, CAC 0.8, μ = 0.75, d = 0 → w = 0.05·(1/0.75)/0.95 = 0.0702, v_c = 0.0561,
 *   v_g = 1.0702/1.0561 − 1 = 0.0133
 */
export function compileRollout(
  scenario: ScenarioInput,
  input: RolloutInput,
  outcomes: readonly Outcome[],
  groups: readonly { id: string; share: number }[],
): { rollout: Rollout; plan: Pick<DesignPlan, 'sites' | 'followUpMonths' | 'size' | 'randomisation'> } {
  const periods = input.steps + 1;
  const total = 'total' in scenario.design.size ? scenario.design.size.total : 0;
  const peoplePerClusterPeriod =
    input.sampling === 'closed-cohort' ? total / input.clusters : total / (input.clusters * periods);
  const meanCount = controlMeanPerPeriod(outcomes, groups, input.periodMonths);
  const cv = siteRateCV(input.icc ?? 0, iccDispersion(scenario), meanCount);
  const shared = cv * cv;
  const clusterVariance = (input.clusterAutocorrelation ?? 1) * shared;
  const trend = input.trendPerPeriod ?? 1;
  // Share of cluster-periods treated: Σ over sequences of (periods after crossing) / (I·T).
  let treatedCells = 0;
  for (let sequence = 1; sequence <= input.steps; sequence++) {
    const inSequence = Math.floor(input.clusters / input.steps) + (sequence <= input.clusters % input.steps ? 1 : 0);
    treatedCells += inSequence * (periods - sequence);
  }
  return {
    rollout: {
      clusters: input.clusters,
      steps: input.steps,
      periodMonths: input.periodMonths,
      sampling: input.sampling,
      peoplePerClusterPeriod,
      periodTrend: Array.from({ length: periods }, (_, j) => trend ** j),
      clusterPeriodVariance: Math.max(0, (1 + shared) / (1 + clusterVariance) - 1),
    },
    plan: {
      sites: { count: input.clusters, rateCV: Math.sqrt(clusterVariance) },
      followUpMonths: input.periodMonths,
      size: { kind: 'ratio', total, treatedShare: treatedCells / (input.clusters * periods) },
      randomisation: 'cluster',
    },
  };
}

/** Control mean count in one period of the outcome an ICC refers to (share-weighted over groups), or null. */
function controlMeanPerPeriod(
  outcomes: readonly Outcome[],
  groups: readonly { id: string; share: number }[],
  periodMonths: number,
): number | null {
  const counts = outcomes.filter((outcome): outcome is CountOutcome => outcome.kind === 'count');
  const chosen = counts.find((outcome) => outcome.primary) ?? counts[0];
  if (chosen === undefined) return null;
  return groups.reduce((sum, group) => sum + group.share * chosen.ratePerYear[group.id], 0) * (periodMonths / 12);
}
