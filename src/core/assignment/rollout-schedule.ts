import type { Rollout } from '../design.js';
import { planRollout } from './rollout.js';

/** One period of a rollout's schedule. */
export interface RolloutPeriod {
  /** 0 for the baseline period (all control); step s starts period s. */
  readonly period: number;
  readonly fromMonth: number;
  readonly toMonth: number;
  /** Clusters crossing to treatment at the start of this period (0 in period 0). */
  readonly crossing: number;
  /** Clusters treated during this period (all of them in the last). */
  readonly treatedClusters: number;
  /** The period's secular-trend rate multiplier (1 in period 0). */
  readonly trend: number;
}

/** A rollout as the run document reports it (`rollout` in docs/json-output.md). */
export interface RolloutSummary {
  readonly clusters: number;
  readonly steps: number;
  readonly periods: number;
  readonly periodMonths: number;
  readonly sampling: Rollout['sampling'];
  readonly peoplePerClusterPeriod: number;
  readonly schedule: readonly RolloutPeriod[];
}

/**
 * The schedule of a rollout, period by period: when each period runs, how many clusters cross at
 * its start and how many are treated in it, and its secular trend (the randomisation decides
 * which clusters cross, never how many).
 *
 * @example 12 clusters, 4 steps of 6 months → periods 0–4 over months 0–30, crossing [0, 3, 3, 3, 3],
 *   treated [0, 3, 6, 9, 12]
 */
export function describeRollout(rollout: Rollout): RolloutSummary {
  const plan = planRollout(rollout.clusters, rollout.steps);
  let treated = 0;
  const schedule = Array.from({ length: plan.periods }, (_, period) => {
    let crossing = 0;
    for (const slot of plan.slotCrossover) if (slot === period) crossing++;
    treated += crossing;
    return {
      period,
      fromMonth: period * rollout.periodMonths,
      toMonth: (period + 1) * rollout.periodMonths,
      crossing,
      treatedClusters: treated,
      // Rounded to 12 significant digits so the document shows 0.9025, not 0.9025000000000001.
      trend: Number(rollout.periodTrend[period].toPrecision(12)),
    };
  });
  return {
    clusters: rollout.clusters,
    steps: rollout.steps,
    periods: plan.periods,
    periodMonths: rollout.periodMonths,
    sampling: rollout.sampling,
    peoplePerClusterPeriod: rollout.peoplePerClusterPeriod,
    schedule,
  };
}
