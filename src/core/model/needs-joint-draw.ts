import type { Design } from '../design.js';

/**
 * True when the propensity (dispersion > 0) ties sources together in a way the results depend on:
 * selection on the prior window (follow-up depends on the prior total), or two or more primary
 * outcomes on different random sources (count outcomes, or own-prevalence binaries; the
 * family-wise results need their joint law). The cell form then draws the sources jointly
 * (`drawJointHistograms`) rather than one by one.
 *
 * @example MK's crime and knife, both primary, propensity 1.5 → true; REF → false
 */
export function needsJointDraw(design: Design): boolean {
  if (!(design.propensityDispersion > 0)) return false;
  if (design.selection !== null) return true;
  const sourceOf = (k: number): string => {
    const outcome = design.outcomes[k];
    return outcome.kind === 'binary' && outcome.from !== null ? outcome.from : outcome.id;
  };
  return new Set(design.outcomes.flatMap((o, k) => (o.primary ? [sourceOf(k)] : []))).size > 1;
}
