/**
 * The plain-language verdict of a run, for a commissioner who reads one sentence: how big the
 * trial is (and what it costs, where the scenario says), and how often it would detect the true
 * effect on its primary outcomes.
 */
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';
import { describeChange } from './describe-change.js';
import { formatCount, formatMoney } from './format-numbers.js';
import type { TrialCost } from './trial-cost.js';

/**
 * A share of trials as "N times in 100", the way people weigh odds: whole numbers, with the
 * extremes said in words rather than as 0 or 100.
 *
 * Example: `timesIn100(0.586)` → `"59 times in 100"`; `timesIn100(0.004)` → `"less than once in 100"`.
 */
export function timesIn100(share: number): string {
  const times = Math.round(share * 100);
  if (times <= 0) return 'less than once in 100';
  if (times >= 100) return share >= 1 ? '100 times in 100' : 'more than 99 times in 100';
  return times === 1 ? 'once in 100' : `${times} times in 100`;
}

/** An outcome's label as it reads inside a sentence: a leading capital lowered unless it starts an acronym. */
export function labelInSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? `${label[0].toLowerCase()}${label.slice(1)}` : label;
}

/** "45 treated and 120 control (165 people; 3 caseworkers, delivery £…)". */
export function describeTrialSize(
  design: { readonly treated: number; readonly control: number; readonly total: number },
  cost: TrialCost | null,
): string {
  const costs = cost
    ? `; ${formatCount(cost.caseworkers)} caseworker${cost.caseworkers === 1 ? '' : 's'} at a caseload of ${cost.caseload}, delivery about ${formatMoney(cost.deliveryCost)}`
    : '';
  return `${formatCount(design.treated)} treated and ${formatCount(design.control)} control (${formatCount(design.total)} people${costs})`;
}

/** The outcomes a verdict speaks of: the primary ones, or the first outcome when none is primary. */
function verdictOutcomes(summary: RunSummary): readonly OutcomeDiagnosis[] {
  const primary = summary.results.filter((r) => r.primary);
  return primary.length > 0 ? primary : summary.results.slice(0, 1);
}

/**
 * The verdict: "A trial of T treated and C control (N people; K caseworkers …, delivery about £X)
 * would detect a true R% reduction in LABEL P times in 100", for each primary outcome (up to three,
 * then how many more), by the power the planning target uses — after the multiplicity correction
 * when there are several primary outcomes — and how often all of them are detected together.
 * Effects are intention-to-treat ratios (`estimand`), written as percentage changes.
 *
 * Example: milton-keynes as run, crime 0.597 and knife 0.633 with adjusted power 0.93 and 0.55,
 * all primary 0.57 → "A trial of 45 treated and 120 control (165 people) would detect a true 40%
 * reduction in crime as a suspect 93 times in 100 and a true 37% reduction in knife offending as a
 * suspect 55 times in 100 (intention to treat, after the holm correction across the 2 primary
 * outcomes); both together 57 times in 100. `trialsim sample-size` finds the size that reaches 80%."
 * (The pointer to `sample-size` follows a `run` whose weakest primary outcome is below 80%.)
 */
export function runVerdict(summary: RunSummary, cost: TrialCost | null = null): string {
  const outcomes = verdictOutcomes(summary);
  const fw = summary.familywise;
  const corrected = outcomes.length > 1 && fw !== null && fw.multiplicity !== 'none';
  const shown = outcomes.slice(0, 3).map((r) => {
    const power = corrected ? r.adjustedPower : r.power;
    const effect =
      r.estimand === 1
        ? `an effect on ${labelInSentence(r.label)} (there is none: every detection is a false positive)`
        : `a true ${describeChange(r.estimand).replace(/^an? /, '')} in ${labelInSentence(r.label)}`;
    return `${effect} ${timesIn100(power)}`;
  });
  const more = outcomes.length > 3 ? ` (and ${outcomes.length - 3} more primary outcomes)` : '';
  const list = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
  const how = corrected
    ? ` (intention to treat, after the ${fw.multiplicity} correction across the ${outcomes.length} primary outcomes)`
    : ' (intention to treat)';
  const together =
    outcomes.length > 1 && fw !== null
      ? `; ${outcomes.length === 2 ? 'both' : 'all of them'} together ${timesIn100(fw.allPrimary)}`
      : '';
  const scope = summary.complete ? '' : ` (from the ${formatCount(summary.trials)} trials completed)`;
  const weakest = Math.min(...outcomes.map((r) => (corrected ? r.adjustedPower : r.power)));
  const next =
    summary.command === 'run' || summary.command === 'power'
      ? weakest < 0.8
        ? ' `trialsim sample-size` finds the size that reaches 80%.'
        : ''
      : '';
  return `A trial of ${describeTrialSize(summary.design, cost)} would detect ${list}${more}${how}${together}${scope}.${next}`;
}
