/**
 * Designs that run but are probably not what was meant, questioned in every report rather than
 * simulated silently: too few trials for the Monte Carlo error to be small, and sites holding
 * very few people each. (More sites than people is refused outright by the scenario's rules.)
 */
import { armSizes, type Design } from '../core/design.js';

/** Below this many trials a run's Monte Carlo error is large enough to say so. */
export const FEW_TRIALS = 100;

/**
 * Below this many people per site on average, a site's effect rests on a handful of people. People
 * are spread over sites round-robin, so at 4.5 per site half the sites hold 4 people and half 5.
 */
export const FEW_PEOPLE_PER_SITE = 5;

/**
 * The warnings about `design` run with `trials` trials, in words with the numbers and the fix.
 *
 * The trial-count warning gives the widest 95% Monte Carlo half-width of a power estimate,
 * 1.96·√(0.25/trials) (at power 50%), in percentage points.
 *
 * Example: 50 trials → "Only 50 trials: the Monte Carlo error is large (a power estimate is
 * uncertain by up to ±13.9 percentage points); use --trials 1000 or more before relying on these
 * numbers."; 600 people over 200 sites → a warning naming 3.0 people per site.
 */
export function designWarnings(design: Design, trials: number): string[] {
  const warnings: string[] = [];
  if (trials < FEW_TRIALS) {
    const halfWidth = 100 * 1.959964 * Math.sqrt(0.25 / Math.max(trials, 1));
    warnings.push(
      `Only ${trials} trial${trials === 1 ? '' : 's'}: the Monte Carlo error is large (a power estimate is uncertain by up to ±${halfWidth.toFixed(1)} percentage points); use --trials 1000 or more before relying on these numbers.`,
    );
  }
  const sites = design.plan.sites;
  if (sites !== null) {
    const { total } = armSizes(design.plan.size);
    const perSite = total / sites.count;
    if (perSite < FEW_PEOPLE_PER_SITE)
      warnings.push(
        `${total} people over ${sites.count} sites is ${perSite.toFixed(1)} people per site on average (under ${FEW_PEOPLE_PER_SITE}): check that design.sites.count counts sites (local partnerships), not people.`,
      );
  }
  return warnings;
}
