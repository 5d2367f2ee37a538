import type { OriginalEstimate } from '../../inquiry/original-result.js';
import { prepareMetaAnalysis } from './meta-analysis.js';
import { preparePredictionInterval } from './prediction-interval.js';
import {
  DEFAULT_REPLICATION_SETTINGS,
  type ReplicationCriterion,
  type ReplicationJudge,
  type ReplicationSettings,
} from './replication-criterion.js';
import { prepareSceptical } from './sceptical.js';
import { prepareSignificance } from './significance.js';
import { prepareSmallTelescopes } from './small-telescopes.js';
import { prepareTwoTrials } from './two-trials.js';

/**
 * Prepares one success criterion for one original: the dispatcher from a criterion's name to its
 * judge, with unset settings taken from DEFAULT_REPLICATION_SETTINGS (level 0.025 one-sided,
 * golden recalibration, τ 0, 95% prediction interval, Simonsohn's d33 at power 1/3 of a two-sided
 * 5% test, ruled out one-sided at 5%). Call it once per run; the judge's `succeeds` and
 * `statistic` are then called per simulated trial with (θ_r, σ̂_r) and allocate nothing.
 *
 * Formula in words: see each criterion — significance.ts, two-trials.ts, sceptical.ts,
 * meta-analysis.ts, prediction-interval.ts, small-telescopes.ts — and docs/replication-design.md.
 *
 * @example
 * const judge = prepareReplicationCriterion('sceptical', { logEstimate: -0.6, standardError: 0.2 });
 * judge.succeeds(-0.45, 0.15) // true (golden, level 0.025)
 */
export function prepareReplicationCriterion(
  criterion: ReplicationCriterion,
  original: OriginalEstimate,
  settings: Partial<ReplicationSettings> = {},
): ReplicationJudge {
  const full: ReplicationSettings = { ...DEFAULT_REPLICATION_SETTINGS, ...settings };
  switch (criterion) {
    case 'significance':
      return prepareSignificance(original, full);
    case 'two-trials':
      return prepareTwoTrials(original, full);
    case 'sceptical':
      return prepareSceptical(original, full);
    case 'meta-analysis':
      return prepareMetaAnalysis(original, full);
    case 'prediction-interval':
      return preparePredictionInterval(original, full);
    case 'small-telescopes':
      return prepareSmallTelescopes(original, full);
  }
}
