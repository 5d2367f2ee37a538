/**
 * The human-readable planning sections printed above the run table of `sample-size` and `mde`:
 * the answer in a sentence, the curve the search simulated, the commissioner's figures and what
 * the pilot tells. Pure text; the commands add the run table below.
 */
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatPercentWithInterval,
  formatRatio,
} from '../report/format-numbers.js';
import type { TrialCost } from '../report/trial-cost.js';
import { armSizes, type Design } from '../core/design.js';
import type { CommissionerOutputs } from './commissioner-outputs.js';
import type { MinimumDetectableEffectPlan } from './plan-minimum-detectable-effect.js';
import type { PilotPlan } from './pilot-plan.js';
import type { SampleSizePlan } from './plan-sample-size.js';
import type { PlanExtras } from './planning-document.js';
import type { SearchPoint } from './search-crossing.js';

const money = formatMoney;

function formatValue(value: number, integer: boolean): string {
  return integer ? formatCount(value) : String(Number(value.toFixed(2)));
}

/**
 * The sample-size section.
 *
 * Example: "Sample size for 80% power (crime and knife all significant (holm correction)):
 * 330 people randomised (95% interval 312–349)."
 */
export function sampleSizeLines(plan: SampleSizePlan): string[] {
  const { search, parameter } = plan;
  const measure = plan.measure;
  const value = (v: number) => formatValue(v, parameter.integer);
  const head = `Sample size for ${formatPercent(search.target, 0)} ${measure} (${plan.targetDescription})`;
  const out: string[] = [];
  switch (search.status) {
    case 'found':
      out.push(
        `${head}: ${value(search.value!)} ${parameter.label}` +
          (search.valueCI
            ? ` (95% Monte Carlo interval ${value(search.valueCI[0])}–${value(search.valueCI[1])})`
            : '') +
          '.',
      );
      if (search.power !== null && search.powerCI) {
        out.push(
          `  Fitted ${measure} there: ${formatPercentWithInterval(search.power, search.powerCI)} (Monte Carlo SE ${(search.powerMcse! * 100).toFixed(1)} points).`,
        );
      }
      break;
    case 'impossible':
      out.push(
        `${head}: not reachable by changing ${parameter.path}. ${capitalise(measure)} levels off at about ` +
          `${formatPercentWithInterval(search.plateau!.power, search.plateau!.powerCI)} (at ${value(search.plateau!.value)}).`,
      );
      break;
    case 'above-max':
      out.push(
        `${head}: more than ${value(search.plateau!.value)} ${parameter.label} (the largest value searched; --max raises it); ${measure} there is ` +
          `${formatPercentWithInterval(search.plateau!.power, search.plateau!.powerCI)} and still rising.`,
      );
      break;
    case 'unresolved':
      out.push(`${head}: the search stopped before it bracketed the target.`);
      break;
  }
  const formula =
    plan.analyticStart === null
      ? ''
      : `; the normal-approximation formula says ${value(plan.analyticStart)}, which ignores selection and clustering`;
  if (plan.start.from === 'simulated scenario') {
    out.push(
      `  The search started near ${value(Math.round(plan.start.value))}, extrapolated from a simulation at the scenario's own value${formula}.`,
    );
  } else if (plan.start.from === 'analytic formula') {
    out.push(
      `  The search started from the normal-approximation formula's ${value(plan.analyticStart!)} (a starting point only).`,
    );
  }
  out.push(`  ${formatCount(search.trialsUsed)} simulated trials at ${search.points.length} values:`);
  out.push(...curveLines(search.points, (v) => value(v), measure));
  return out;
}

/**
 * The mde section.
 *
 * Example: "Minimum detectable effect for 80% power (reoffend significant): risk ratio 0.62 for
 * engaged treated people (95% Monte Carlo interval 0.60–0.64)."
 */
export function mdeLines(plan: MinimumDetectableEffectPlan, ratioName: string): string[] {
  const { search } = plan;
  const head = `Minimum detectable effect for ${formatPercent(search.target, 0)} power (${plan.targetDescription})`;
  const out: string[] = [];
  if (plan.mde !== null) {
    const [a, b] = plan.mdeCI ?? [plan.mde, plan.mde];
    out.push(
      `${head}: ${ratioName} ${formatRatio(plan.mde)} for engaged treated people, the same in every group ` +
        `(95% Monte Carlo interval ${formatRatio(Math.min(a, b))}–${formatRatio(Math.max(a, b))}).`,
    );
    out.push(
      `  Varied: ${plan.variedOutcomes.join(', ')}. Weaker effects (closer to 1) fall short of the target at this size.`,
    );
  } else if (search.status === 'impossible' || search.status === 'above-max') {
    out.push(
      `${head}: no ratio down to ${formatRatio(Math.exp(plan.direction * Math.log(20)))} reaches it; power levels off at ${formatPercent(search.plateau!.power)}.`,
    );
  } else {
    out.push(`${head}: the search stopped before it bracketed the target.`);
  }
  out.push(`  ${formatCount(search.trialsUsed)} simulated trials at ${plan.curve.length} ratios:`);
  const asPoints: SearchPoint[] = plan.curve.map((p) => ({
    value: p.ratio,
    power: p.power,
    powerCI: p.powerCI,
    successes: 0,
    trials: p.trials,
  }));
  out.push(
    ...curveLines(
      [...asPoints].sort((x, y) => Math.abs(Math.log(x.value)) - Math.abs(Math.log(y.value))),
      (v) => formatRatio(v),
      'power',
    ),
  );
  return out;
}

/** One line per simulated point: value, power with its interval, trials, and a bar. */
function curveLines(points: readonly SearchPoint[], value: (v: number) => string, measure: string): string[] {
  const width = Math.max(...points.map((p) => value(p.value).length), 5);
  return points.map((point) => {
    const bar = '█'.repeat(Math.round(point.power * 20)).padEnd(20, '·');
    return `    ${value(point.value).padStart(width)}  ${bar}  ${measure} ${formatPercentWithInterval(point.power, point.powerCI)}  (${formatCount(point.trials)} trials)`;
  });
}

/**
 * The commissioner section.
 *
 * Money is rounded to four significant figures (`formatMoney`), and the delivery cost is shown
 * with the sum it comes from, so a reader can check it against the scenario's costs.
 *
 * Example: "Caseworkers: 14 (caseload 22) · delivery £780,000 = 14 caseworkers × £45,000 for 12
 * months + 300 treated × £500 (£2,545 per person supported at roll-out)".
 */
export function commissionerLines(outputs: CommissionerOutputs, costs: CommissionerCosts): string[] {
  const months = Math.round(costs.supportMonths * 10) / 10;
  const out = [
    'For commissioners (intention to treat, at the control rates of the simulated cohort):',
    `  Caseworkers: ${formatCount(outputs.caseworkers)} (caseload ${costs.caseload}) · delivery ${money(outputs.deliveryCost)} = ` +
      `${formatCount(outputs.caseworkers)} caseworker${outputs.caseworkers === 1 ? '' : 's'} × ${money(costs.caseworkerAnnualCost)} a year for ${months} month${months === 1 ? '' : 's'}` +
      (costs.perPersonCost > 0 ? ` + ${formatCount(costs.treated)} treated × ${money(costs.perPersonCost)}` : '') +
      ` (${money(outputs.costPerPersonTreated)} per person supported at roll-out)`,
    `  Scale: ${outputs.areaYears.toFixed(1)} area-years of eligible people; ` +
      outputs.scaleOptions
        .map((option) => `${option.areas} area${option.areas === 1 ? '' : 's'} × ${formatYears(option.years)}`)
        .join(', '),
  ];
  for (const outcome of outputs.outcomes) {
    const unit = outcome.kind === 'harm' ? 'harm units' : 'offences';
    out.push(
      `  ${outcome.label}: ${outcome.avertedPer100PersonYears.toFixed(1)} ${unit} prevented per 100 people supported for a year ` +
        `(${outcome.avertedPerAreaYear.toFixed(1)} per area per year at full roll-out)` +
        (outcome.costPerAverted === null
          ? '; none prevented'
          : `; ${money(outcome.costPerAverted)} per ${outcome.kind === 'harm' ? 'unit' : 'offence'} prevented`),
    );
  }
  return out;
}

/**
 * The pilot section.
 *
 * Example: "crime: pilot 0.46 (SE of log 0.29). If the true ratio were the scenario's 0.87, a
 * trial of the pilot's size had 8% power and its significant results would overstate the log ratio
 * 4.1× on average (…); deflated planning ratio 0.60 (…)". When the deflated ratio is 1 the line
 * says that the pilot cannot tell the effect's size — not that the effect is zero. A closing line
 * says why `explain`, which simulates the analysis itself, can give another type S and
 * exaggeration for the same pilot.
 */
export function pilotLines(pilot: PilotPlan): string[] {
  const out = [`What the pilot (${pilot.treated} treated, ${pilot.control} control) tells:`];
  for (const insight of pilot.insights) {
    const planning = insight.ifPlanningTrue;
    out.push(
      `  ${insight.outcome}: pilot ${formatRatio(insight.pilotEstimate)} (SE of log ${insight.standardError.toFixed(2)}). ` +
        `If the true ratio were the scenario's ${formatRatio(planning.planningRatio)}, a trial of the pilot's size had ${formatPercent(planning.power, 0)} power ` +
        `and its significant results would overstate the log ratio ${planning.exaggeration.toFixed(1)}× on average (Gelman & Carlin's exaggeration, on the log-ratio scale; wrong sign ${formatPercent(planning.typeS)}). ` +
        (insight.deflatedRatio === 1
          ? `No deflated planning ratio: at this size even with no effect significant estimates would be as far from 1 as the pilot's ${formatRatio(insight.pilotEstimate)} on average, so the pilot cannot tell the effect's size. ` +
            `That does not make the effect zero: plan with the scenario's ${formatRatio(planning.planningRatio)} or other evidence, not the pilot's estimate.`
          : `Deflated planning ratio: ${formatRatio(insight.deflatedRatio)} (the pilot's log ratio overstates it ${insight.deflationFactor.toFixed(1)}×).`),
    );
  }
  out.push(
    `  Why \`trialsim explain\` can differ: these type S and exaggeration figures are Gelman & Carlin's closed form, which treats the log estimate as normal with the simulated standard error; \`explain\` simulates the analysis itself at the pilot's size, and with a pilot's small counts the estimate is far from normal, so its figures (from its own trials) can differ.`,
  );
  out.push(`  Method: ${pilot.method}`);
  return out;
}

/** The scenario's unit costs and the trial's treated arm and support period, as the commissioner lines quote them. */
export interface CommissionerCosts {
  readonly caseload: number;
  readonly caseworkerAnnualCost: number;
  readonly perPersonCost: number;
  readonly treated: number;
  readonly supportMonths: number;
}

/** The unit costs of `design` (which must have a `costs` block) at its own size. */
export function commissionerCosts(design: Design): CommissionerCosts {
  const costs = design.costs!;
  return {
    caseload: costs.caseload,
    caseworkerAnnualCost: costs.caseworkerAnnualCost,
    perPersonCost: costs.perPersonCost,
    treated: armSizes(design.plan.size).treated,
    supportMonths: design.plan.followUpMonths,
  };
}

/**
 * What a report about `design` says of its costs (`TrialCost`): the caseworkers, the delivery
 * cost and the commissioner lines; null without a `costs` block or outputs.
 */
export function trialCost(design: Design, outputs: CommissionerOutputs | null): TrialCost | null {
  if (!design.costs || !outputs) return null;
  return {
    caseworkers: outputs.caseworkers,
    caseload: design.costs.caseload,
    deliveryCost: outputs.deliveryCost,
    lines: commissionerLines(outputs, commissionerCosts(design)),
  };
}

/** The commissioner and pilot sections, each after a blank line, when the plan has them. */
export function extrasLines(design: Design, extras: PlanExtras): string[] {
  const out: string[] = [];
  if (extras.commissioner) out.push('', ...commissionerLines(extras.commissioner, commissionerCosts(design)));
  if (extras.pilot) out.push('', ...pilotLines(extras.pilot));
  return out;
}

/**
 * The progress line of one simulated search point, for stderr when there is no dashboard.
 *
 * Example: ("design.size.total=455", 61.0% [54.1, 67.5] over 200 trials, 400) →
 * "search: design.size.total=455 → 61.0% [54.1, 67.5] over 200 trials (400 in all)".
 */
export function searchPointLine(label: string, point: SearchPoint, trialsUsed: number): string {
  const percent = (share: number) => (share * 100).toFixed(1);
  return `search: ${label} → ${percent(point.power)}% [${percent(point.powerCI[0])}, ${percent(point.powerCI[1])}] over ${point.trials} trials (${trialsUsed} in all)`;
}

/** Years of recruitment in words: months below a year. Example: 0.75 → "9 months"; 2.5 → "2.5 years". */
function formatYears(years: number): string {
  if (years < 1) return `${Math.max(1, Math.round(years * 12))} month${Math.round(years * 12) === 1 ? '' : 's'}`;
  return `${years.toFixed(1)} years`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
