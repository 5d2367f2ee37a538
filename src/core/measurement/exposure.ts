import type { DesignPlan } from '../design.js';

/**
 * Exposure: every person is followed for the design's follow-up, so a count's mean over it is
 * the rate per person-year × these years (both forms, and the inquiry, use it).
 *
 * @example followUpMonths 18 → 1.5 years; a rate of 2 per year → a mean count of 3
 */
export function followUpYears(plan: DesignPlan): number {
  return plan.followUpMonths / 12;
}
