import { armSizes, type Size } from '../design.js';

/**
 * The treated share a design's randomisation uses — the one rule for both forms: a ratio size's
 * stated share, else treated / total (0 for an empty cohort). Simple randomisation treats each
 * person with this chance; cluster randomisation treats round(sites × share) whole sites.
 *
 * @example { kind: 'ratio', total: 101, treatedShare: 0.5 } → 0.5 (not 51/101);
 *   { kind: 'fixed', treated: 45, control: 120 } → 45/165 = 0.2727
 */
export function treatedShare(size: Size): number {
  if (size.kind === 'ratio') return size.treatedShare;
  const { treated, total } = armSizes(size);
  return total > 0 ? treated / total : 0;
}
