/**
 * A one-line summary of a compiled Design, for `trialsim validate` and `trialsim scenarios`.
 */
import { armSizes, type Design } from '../core/design.js';

/**
 * What the scenario sets up, in one line.
 * Example: the built-in milton-keynes gives "8 outcomes (2 primary), 45 treated + 120 control,
 * stratified randomisation, 12 months' follow-up, 2000 trials".
 */
export function describeDesign(design: Design): string {
  const outcomes = design.outcomes.length;
  const primary = design.outcomes.filter((outcome) => outcome.primary).length;
  const { treated, control } = armSizes(design.plan.size);
  const sites = design.plan.sites === null ? '' : ` across ${design.plan.sites.count} sites`;
  return [
    `${outcomes} outcome${outcomes === 1 ? '' : 's'} (${primary} primary)`,
    `${treated} treated + ${control} control${sites}`,
    `${design.plan.randomisation} randomisation`,
    `${design.plan.followUpMonths} months' follow-up`,
    `${design.simulation.trials} trials`,
  ].join(', ');
}
