import type { Selection } from '../core/design.js';
import { shareEstimate } from './clopper-pearson.js';
import { applySelection, type EligibleShare } from './eligible-share.js';
import type { Estimate } from './estimate.js';
import type { Extract } from '../scenario/extract.js';
import { fitCounts, type CountFit } from './fit-counts.js';
import { fitSeverity, type SeverityFit } from './fit-severity.js';

/** Everything `trialsim fit` learns from an extract. */
export interface ExtractFit {
  readonly extract: Extract;
  readonly counts: CountFit;
  /** People per group in the extract. */
  readonly peopleByGroup: Float64Array;
  /**
   * Each group's share of the trial cohort: of the eligible people when there is a selection,
   * of everyone otherwise.
   */
  readonly groupShares: readonly Estimate[];
  readonly severity: SeverityFit | null;
  readonly selection: { readonly rules: Selection; readonly share: EligibleShare } | null;
}

/**
 * Fits the scenario model to an extract: counts (rates, shared and own dispersion), group shares,
 * harm severity, and the eligible share under `selection` (its prior window must be the
 * extract's).
 *
 * Formula in words: see fitCounts, fitSeverity and applySelection; group shares are counts over
 * the total with exact (Clopper–Pearson) intervals.
 * Reference: as those functions.
 *
 * @example an extract of 3,000 people synthesised from milton-keynes → α ≈ 1.5, shares ≈ 0.44 / 0.56
 */
export function fitExtract(extract: Extract, selection: Selection | null): ExtractFit {
  const counts = fitCounts(extract);
  const peopleByGroup = new Float64Array(extract.groups.length);
  for (let i = 0; i < extract.people; i++) peopleByGroup[extract.group[i]]++;
  const share = selection === null ? null : applySelection(extract, selection.require);
  const groupShares =
    share === null
      ? Array.from(peopleByGroup, (people) => shareEstimate(people, extract.people))
      : Array.from(share.countByGroup, (count) => shareEstimate(count, share.count));
  const severity =
    extract.severities !== null && extract.severities.values.length >= 2 ? fitSeverity(extract.severities) : null;
  return {
    extract,
    counts,
    peopleByGroup,
    groupShares,
    severity,
    selection: selection === null || share === null ? null : { rules: selection, share },
  };
}
