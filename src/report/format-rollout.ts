/**
 * A rollout's schedule in words, for the text and Markdown reports (the JSON document carries it
 * as `rollout`, docs/json-output.md).
 */
import type { RolloutSummary } from '../core/assignment/rollout-schedule.js';

/**
 * One line: how many clusters cross at which months, the periods and the sampling.
 *
 * @example 12 clusters, 4 steps of 6 months, cross-sectional, 40 per cluster-period →
 *   "rollout: 12 clusters, 3 + 3 + 3 + 3 crossing at months 6, 12, 18, 24 in random order ·
 *   5 periods of 6 months · cross-sectional (new people each period), 40 per cluster-period"
 */
export function formatRolloutLine(rollout: RolloutSummary): string {
  const steps = rollout.schedule.slice(1);
  const sampling =
    rollout.sampling === 'closed-cohort'
      ? `closed cohort (the same ${Number(rollout.peoplePerClusterPeriod.toPrecision(3))} people per cluster followed every period)`
      : `cross-sectional (new people each period), ${Number(rollout.peoplePerClusterPeriod.toPrecision(3))} per cluster-period`;
  return (
    `rollout: ${rollout.clusters} clusters, ${steps.map((s) => s.crossing).join(' + ')} crossing at months ` +
    `${steps.map((s) => s.fromMonth).join(', ')} in random order · ${rollout.periods} periods of ` +
    `${rollout.periodMonths} months · ${sampling}`
  );
}

/**
 * The schedule as rows for a table: period, months, clusters treated, trend.
 *
 * @example period 2 of the example above → ["2", "12–18", "6 of 12", "0.903"]
 */
export function rolloutScheduleRows(rollout: RolloutSummary): string[][] {
  return rollout.schedule.map((p) => [
    String(p.period),
    `${p.fromMonth}–${p.toMonth}`,
    `${p.treatedClusters} of ${rollout.clusters}`,
    Number(p.trend.toPrecision(3)).toString(),
  ]);
}
