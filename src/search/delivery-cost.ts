/**
 * What a design costs to deliver, as `run` and `sample-size` report it: the commissioner outputs'
 * delivery cost, so that the cost minimiser ranks designs by the very figure their reports print.
 */
import type { Design } from '../core/design.js';
import { commissionerPlan } from './commissioner-plan.js';
import { PlanningOptionError } from './planning-option-error.js';

/**
 * Pounds to deliver the support to the design's treated arm: whole caseworkers
 * ⌈treated / caseload⌉ × caseworkerAnnualCost × followUpMonths / 12, plus perPersonCost × treated
 * (`commissionerOutputs`). It depends on the design only (not on any simulated result). Throws a
 * `PlanningOptionError` naming the block to add when the scenario has no `costs`.
 *
 * Example: milton-keynes-scale-up as written (300 treated, caseload 22, £45,000 a year, £500 a
 * person, 12 months) → ⌈300 / 22⌉ = 14 caseworkers × £45,000 + 300 × £500 = £780,000.
 */
export function deliveryCost(design: Design): number {
  const plan = commissionerPlan(design, {});
  if (plan === null) throw missingCosts(design.name);
  return plan.deliveryCost;
}

/** The user error of a cost search on a scenario without `costs`, naming what to add. */
export function missingCosts(scenarioName: string): PlanningOptionError {
  return new PlanningOptionError(
    `--minimise cost: the scenario ${scenarioName} has no costs block, so there is nothing to minimise`,
    'add to the scenario `costs: { caseworkerAnnualCost: 45000, caseload: 22, perPersonCost: 500, eligiblePerAreaPerYear: 80 }` ' +
      'with your own figures (docs/scenario-language.md#costs), or --set them',
  );
}
