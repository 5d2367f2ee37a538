/**
 * Assembles the commissioner outputs for a design at the size a plan chose: control rates from
 * the scenario, intention-to-treat effects from the run at that size.
 */
import { armSizes, type Design } from '../core/design.js';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import type { TrialCost } from '../report/trial-cost.js';
import { commissionerOutputs, type AvertableOutcome, type CommissionerOutputs } from './commissioner-outputs.js';
import { trialCost } from './plan-text.js';

/**
 * The outputs, or null when the scenario has no `costs`. `estimands` are the intention-to-treat
 * ratios by outcome id (e.g. the run's `results[].estimand`). `controlRatesPerYear` are the
 * control-arm rates per person-year of count outcomes in the trial's cohort (e.g. from the run's
 * `cohort`, which accounts for selection); without them the scenario's `ratePerYear` averaged
 * over group shares is used — the population's rate, which understates a selected cohort's. Harm
 * per person-year is its count's rate times the mean severity, median·exp(sdLog²/2).
 *
 * Example: milton-keynes-scale-up at 600 people → 14 caseworkers for its 300 treated people.
 */
export function commissionerPlan(
  design: Design,
  estimands: Readonly<Record<string, number>>,
  controlRatesPerYear: Readonly<Record<string, number>> = {},
): CommissionerOutputs | null {
  if (!design.costs) return null;
  const sizes = armSizes(design.plan.size);
  const rateOf = (count: { id: string; ratePerYear: Readonly<Record<string, number>> }) =>
    controlRatesPerYear[count.id] ??
    design.groups.reduce((sum, group) => sum + group.share * count.ratePerYear[group.id], 0);
  const outcomes: AvertableOutcome[] = [];
  for (const outcome of design.outcomes) {
    if (outcome.within !== null || estimands[outcome.id] === undefined) continue;
    if (outcome.kind === 'count') {
      outcomes.push({
        id: outcome.id,
        label: outcome.label,
        kind: 'count',
        controlPerPersonYear: rateOf(outcome),
        estimand: estimands[outcome.id],
      });
    } else if (outcome.kind === 'harm') {
      const count = design.outcomes.find((o) => o.id === outcome.from);
      if (count?.kind !== 'count') continue;
      const meanSeverity = outcome.severity.median * Math.exp(outcome.severity.sdLog ** 2 / 2);
      outcomes.push({
        id: outcome.id,
        label: outcome.label,
        kind: 'harm',
        controlPerPersonYear: rateOf(count) * meanSeverity,
        estimand: estimands[outcome.id],
      });
    }
  }
  return commissionerOutputs({
    costs: design.costs,
    supportMonths: design.plan.followUpMonths,
    treated: sizes.treated,
    total: sizes.total,
    areas: design.plan.sites?.count ?? 1,
    outcomes,
  });
}

/**
 * Count outcomes' control rates per person-year in the simulated cohort (after selection), from
 * the run's `cohort` section, averaged over group shares; empty when the run has none.
 *
 * Example: two groups with shares 0.44 and 0.56 whose simulated crime control rates are 2.0 and
 * 1.5 per person-year → { crime: 0.44 × 2.0 + 0.56 × 1.5 = 1.72 }.
 */
export function cohortControlRates(design: Design, summary: RunSummary): Record<string, number> {
  const rates: Record<string, number> = {};
  if (!summary.cohort) return rates;
  for (const outcome of design.outcomes) {
    if (outcome.kind !== 'count') continue;
    let total = 0;
    for (const group of design.groups) {
      const entry = summary.cohort.find((g) => g.group === group.id)?.outcomes.find((o) => o.outcome === outcome.id);
      if (entry === undefined) return {};
      total += group.share * entry.controlFollowUp;
    }
    rates[outcome.id] = total;
  }
  return rates;
}

/**
 * The costs a report of `run` prints for `design`, from its run `summary`: the commissioner
 * outputs at the run's intention-to-treat ratios and the simulated cohort's control rates, with
 * their lines; null when the scenario has no `costs`.
 *
 * Example: milton-keynes-scale-up as run (300 treated, caseload 22) → 14 caseworkers and a
 * delivery cost of 14 × £45,000 + 300 × £500 = £780,000.
 */
export function runCost(design: Design, summary: RunSummary): TrialCost | null {
  return trialCost(design, commissionerPlanForRun(design, summary));
}

/**
 * The commissioner outputs for a design as a run simulated it: at the run's intention-to-treat
 * ratios (`results[].estimand`) and its simulated cohort's control rates (after selection); null
 * when the scenario has no `costs`.
 *
 * Example: milton-keynes-scale-up as run (300 treated, caseload 22) → 14 caseworkers.
 */
export function commissionerPlanForRun(design: Design, summary: RunSummary): CommissionerOutputs | null {
  const estimands = Object.fromEntries(summary.results.map((r) => [r.outcome, r.estimand]));
  return commissionerPlan(design, estimands, cohortControlRates(design, summary));
}
