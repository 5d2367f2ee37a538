import type { ReplicationPlan } from '../../design.js';
import type { OriginalEstimate } from '../../inquiry/original-result.js';
import { prepareReplicationCriterion } from './prepare-replication-criterion.js';
import type { ReplicationJudge } from './replication-criterion.js';

/**
 * The judges of one original under a replication plan, one per success criterion in the plan's
 * order: each with the plan's level and heterogeneity τ, and the sceptical p-value with its
 * recalibration. Prepared once per run; a simulated trial calls `succeeds(θ̂_r, σ̂_r)` with its
 * own estimate and estimated standard error.
 *
 * Formula in words: see prepareReplicationCriterion and docs/replication-design.md.
 *
 * @example plan { level 0.025, τ 0, success [significance, sceptical golden] } →
 *   [significance judge, sceptical judge (golden)]
 */
export function prepareReplicationJudges(plan: ReplicationPlan, original: OriginalEstimate): ReplicationJudge[] {
  return plan.success.map((entry) =>
    prepareReplicationCriterion(entry.criterion, original, {
      level: plan.level,
      heterogeneity: plan.heterogeneity,
      ...(entry.recalibration === undefined ? {} : { recalibration: entry.recalibration }),
    }),
  );
}
