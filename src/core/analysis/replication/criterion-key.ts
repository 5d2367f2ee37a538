import type { ReplicationSuccessCriterion } from '../../design.js';

/**
 * The name a success criterion is reported under (the keys of JSON `replicationSuccess`, the
 * rows of tables, `sample-size --success`): the criterion's own name, and for the sceptical
 * p-value its recalibration too, so a run may compare them side by side.
 *
 * @example criterionKey({ criterion: 'sceptical', recalibration: 'controlled' }) → 'sceptical-controlled';
 *   criterionKey({ criterion: 'two-trials' }) → 'two-trials'
 */
export function criterionKey(entry: ReplicationSuccessCriterion): string {
  return entry.criterion === 'sceptical' ? `sceptical-${entry.recalibration ?? 'golden'}` : entry.criterion;
}
