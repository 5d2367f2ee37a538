/**
 * The human-readable planning sections printed above the run table of `sample-size` and `mde`:
 * the answer in a sentence, the curve the search simulated, the commissioner's figures and what
 * the pilot tells. Pure text; the commands add the run table below.
 */
import { formatCount, formatPercent, formatPercentWithInterval, formatRatio } from '../report/format-numbers.js';
import type { Design } from '../core/design.js';
import type { CommissionerOutputs } from './commissioner-outputs.js';
import type { MinimumDetectableEffectPlan } from './plan-minimum-detectable-effect.js';
import type { PilotPlan } from './pilot-plan.js';
import type { SampleSizePlan } from './plan-sample-size.js';
import type { PlanExtras } from './planning-document.js';
import type { SearchPoint } from './search-crossing.js';

const money = (pounds: number) => `£${formatCount(pounds)}`;

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
        `${head}: more than ${value(search.plateau!.value)} ${parameter.label} (the --max); ${measure} there is ` +
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
 * Example: "Caseworkers: 14 (caseload 22) · delivery £763,636 (£2,545 per person treated)".
 */
export function commissionerLines(outputs: CommissionerOutputs, caseload: number): string[] {
  const out = [
    'For commissioners (intention to treat, at the control rates of the simulated cohort):',
    `  Caseworkers: ${formatCount(outputs.caseworkers)} (caseload ${caseload}) · delivery ${money(outputs.deliveryCost)} (${money(outputs.costPerPersonTreated)} per person treated)`,
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
 * Example: "crime: pilot 0.46 (SE of log 0.29). If the true ratio were 0.87, the pilot had 8%
 * power and a significant result exaggerates 4.1×; deflated planning ratio 0.60."
 */
export function pilotLines(pilot: PilotPlan): string[] {
  const out = [`What the pilot (${pilot.treated} treated, ${pilot.control} control) tells:`];
  for (const insight of pilot.insights) {
    const planning = insight.ifPlanningTrue;
    out.push(
      `  ${insight.outcome}: pilot ${formatRatio(insight.pilotEstimate)} (SE of log ${insight.standardError.toFixed(2)}). ` +
        `If the true ratio were the scenario's ${formatRatio(planning.planningRatio)}, a trial of the pilot's size had ${formatPercent(planning.power, 0)} power ` +
        `and its significant results would exaggerate the effect ${planning.exaggeration.toFixed(1)}× (wrong sign ${formatPercent(planning.typeS)}). ` +
        (insight.deflatedRatio === 1
          ? 'Deflated planning ratio: 1 — at this size significant estimates would be this large on average even with no effect.'
          : `Deflated planning ratio: ${formatRatio(insight.deflatedRatio)} (the pilot's log ratio overstates it ${insight.deflationFactor.toFixed(1)}×).`),
    );
  }
  out.push(`  Method: ${pilot.method}`);
  return out;
}

/** The commissioner and pilot sections, each after a blank line, when the plan has them. */
export function extrasLines(design: Design, extras: PlanExtras): string[] {
  const out: string[] = [];
  if (extras.commissioner) out.push('', ...commissionerLines(extras.commissioner, design.costs!.caseload));
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
