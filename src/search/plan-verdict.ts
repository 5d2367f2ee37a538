/**
 * The plain-language verdict a `sample-size` or `mde` report opens with, for a commissioner who
 * reads one sentence: what the trial would detect, how often, and what it needs (people,
 * caseworkers, money) — the planning counterpart of the run's verdict (`runVerdict`).
 */
import { armSizes, type Design } from '../core/design.js';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { describeChange } from '../report/describe-change.js';
import { formatCount, formatMoney, formatRatio } from '../report/format-numbers.js';
import { labelInSentence, timesIn100 } from '../report/run-verdict.js';
import type { CommissionerOutputs } from './commissioner-outputs.js';
import type { MinimumDetectableEffectPlan } from './plan-minimum-detectable-effect.js';
import type { SampleSizePlan } from './plan-sample-size.js';

/** "a true 40% reduction in crime and a true 37% reduction in knife offending", from the run's estimands. */
function trueEffects(summary: RunSummary, ids: readonly string[] | null): string {
  const shown = summary.results.filter((r) => (ids === null ? r.primary : ids.includes(r.outcome)));
  const results = shown.length > 0 ? shown : summary.results.slice(0, 1);
  const parts = results.map(
    (r) => `a true ${describeChange(r.estimand).replace(/^an? /, '')} in ${labelInSentence(r.label)}`,
  );
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
}

/** " (≈ 14 caseworkers, delivery about £780,000)", or "" without costs. */
function costClause(commissioner: CommissionerOutputs | null): string {
  if (!commissioner) return '';
  return `; ≈ ${formatCount(commissioner.caseworkers)} caseworker${commissioner.caseworkers === 1 ? '' : 's'}, delivery about ${formatMoney(commissioner.deliveryCost)}`;
}

/** The outcome ids the target is about: one outcome, or null for all primary outcomes. */
function targetIds(target: SampleSizePlan['powerTarget']): readonly string[] | null {
  return target.kind === 'all-primary' ? null : [target.id];
}

/**
 * The sample-size verdict. Found: "To detect a true 40% reduction in crime … 80 times in 100 (crime
 * and knife all significant (holm correction)), a trial needs about 290 people randomised (79
 * treated and 211 control; ≈ 4 caseworkers, delivery about £X); intention to treat." Without an
 * answer, why not (`noSizeVerdict`), or null when the search stopped before it could tell.
 *
 * Example: teaching-two-arm, target 0.8, answer 771 → "To detect a true 20% reduction in
 * reoffended within 12 months 80 times in 100 (reoffend significant), a trial needs about 771
 * people randomised (386 treated and 385 control); intention to treat. As written (200 people
 * randomised) it would detect it 35 times in 100 (200 simulated trials)."
 */
export function sampleSizeVerdict(
  plan: SampleSizePlan,
  design: Design,
  summary: RunSummary,
  commissioner: CommissionerOutputs | null,
): string | null {
  const { search, parameter } = plan;
  if (search.status !== 'found' || search.value === null) return noSizeVerdict(plan, summary);
  const value = parameter.integer ? formatCount(search.value) : String(Number(search.value.toFixed(2)));
  const sizes = armSizes(design.plan.size);
  const often =
    plan.measure === 'assurance' ? `with assurance ${timesIn100(search.target)}` : timesIn100(search.target);
  // Where the search simulated the scenario's own value, say how often that size detects it.
  const own = parameter.current === null ? undefined : search.points.find((p) => p.value === parameter.current);
  const several = plan.powerTarget.kind === 'all-primary' && summary.results.filter((r) => r.primary).length > 1;
  const today =
    own === undefined
      ? ''
      : ` As written (${formatCount(own.value)} ${parameter.label}) it would detect ${several ? 'them' : 'it'} ${timesIn100(own.power)} (${formatCount(own.trials)} simulated trials).`;
  return (
    `To detect ${trueEffects(summary, targetIds(plan.powerTarget))} ${often} (${plan.targetDescription}), ` +
    `a trial needs about ${value} ${parameter.label} (${formatCount(sizes.treated)} treated and ${formatCount(sizes.control)} control` +
    `${costClause(commissioner)}); intention to treat.${today}`
  );
}

/**
 * The verdict when no value reaches the target: changing the parameter cannot (power levels off),
 * or not within --max; null when the search stopped before it could tell.
 *
 * Example: milton-keynes-scale-up at 4,000 people varying the sites → "Changing the number of sites
 * cannot bring a true 11% reduction in knife offending as a suspect to 80 times in 100 (knife
 * significant): at best about 49 times in 100 (at 2,000 sites). Change something else: the
 * total size, the analysis, or the effect a realistic programme can expect."
 */
function noSizeVerdict(plan: SampleSizePlan, summary: RunSummary): string | null {
  const { search, parameter } = plan;
  if (search.plateau === null || (search.status !== 'impossible' && search.status !== 'above-max')) return null;
  const value = parameter.integer ? formatCount(search.plateau.value) : String(Number(search.plateau.value.toFixed(2)));
  const effects = trueEffects(summary, targetIds(plan.powerTarget));
  const goal = `${timesIn100(search.target)} (${plan.targetDescription})`;
  return search.status === 'impossible'
    ? `Changing the ${parameter.label} cannot bring ${effects} to ${goal}: at best about ${timesIn100(search.plateau.power)} (at ${value} ${parameter.label}). Change something else: the total size, the analysis, or the effect a realistic programme can expect.`
    : `Up to ${value} ${parameter.label}, the largest the search tries, ${effects} is detected at most ${timesIn100(search.plateau.power)}, short of ${goal} and still rising: the target is not reached within that bound; a larger --max searches further.`;
}

/**
 * The mde verdict: the trial's size (and costs), the minimum detectable ratio for engaged treated
 * people as a percentage change, its intention-to-treat counterpart from the run at that ratio,
 * and how often it is detected; null when nothing was found (the search's own first line says why).
 *
 * Example: teaching-two-arm (100 per arm), target 0.8, risk ratio 0.62 → "A trial of 100 treated
 * and 100 control (200 people) would detect a true 38% reduction for engaged treated people (risk
 * ratio 0.62; by intention to treat a 38% reduction in reoffended within 12 months) 80 times in
 * 100 (reoffend significant); weaker effects are missed more often."
 */
export function mdeVerdict(
  plan: MinimumDetectableEffectPlan,
  design: Design,
  summary: RunSummary,
  commissioner: CommissionerOutputs | null,
  ratioName: string,
): string | null {
  if (plan.mde === null) return null;
  const sizes = armSizes(design.plan.size);
  const ids = targetIds(plan.powerTarget);
  const itt = summary.results.find((r) => (ids === null ? r.primary : ids.includes(r.outcome))) ?? summary.results[0];
  const costs = commissioner
    ? `; ${formatCount(commissioner.caseworkers)} caseworker${commissioner.caseworkers === 1 ? '' : 's'}, delivery about ${formatMoney(commissioner.deliveryCost)}`
    : '';
  return (
    `A trial of ${formatCount(sizes.treated)} treated and ${formatCount(sizes.control)} control (${formatCount(sizes.total)} people${costs}) ` +
    `would detect a true ${describeChange(plan.mde).replace(/^an? /, '')} for engaged treated people (${ratioName} ${formatRatio(plan.mde)}; ` +
    `by intention to treat ${describeChange(itt.estimand)} in ${labelInSentence(itt.label)}) ` +
    `${timesIn100(plan.search.target)} (${plan.targetDescription}); weaker effects are missed more often.`
  );
}
