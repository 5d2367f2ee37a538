/**
 * `sample-size` in a planning session: check the options against the scenario, search for the
 * smallest value of the parameter that reaches the target, run the design at the answer as
 * `run` would, add the commissioner's and the pilot's sections, and say it all in one answer.
 */
import { performance } from 'node:perf_hooks';
import { UserError } from '../errors/user-error.js';
import { formatCount, formatPercent } from '../report/format-numbers.js';
import type { PowerCurve } from '../report/power-curve.js';
import { searchableParameter } from './design-parameter.js';
import type { PlanningAnswer } from './planning-answer.js';
import { sampleSizeDocument } from './planning-document.js';
import { PlanningOptionError } from './planning-option-error.js';
import type { PlanningSession } from './planning-session.js';
import { planSampleSize, type SampleSizePlan } from './plan-sample-size.js';
import { extrasLines, sampleSizeLines, searchPointLine } from './plan-text.js';
import { sampleSizeVerdict } from './plan-verdict.js';
import { choosePowerTarget, type PowerTarget } from './power-target.js';

/** The options of `sample-size`, as parsed. */
export interface SampleSizeRequest {
  /** The parameter to size (one of `SEARCHABLE_PARAMETERS`). */
  readonly vary: string;
  /** Power (or assurance) to reach, in (0, 1). */
  readonly target: number;
  /** One outcome id, or all primary outcomes together when absent. */
  readonly outcome?: string;
  /** Size for the probability of replication success under this criterion (`--success`). */
  readonly success?: string;
  /** Largest value to try (default: the parameter's own bound). */
  readonly max?: number;
  /** Monte Carlo SE wanted for the power at the answer. */
  readonly precision: number;
}

/**
 * Answers `sample-size` in `session`. Option problems (a parameter the scenario cannot vary, an
 * unknown outcome, a --max below the parameter's least value) are `PlanningOptionError`s, found
 * before the view opens. The report run uses the scenario's own seed, so `run` with the same
 * `--set` prints the same table; without an answer it shows the scenario as written.
 *
 * Example: teaching-two-arm, target 0.8 → about 770 people randomised, with the run at that size.
 */
export async function answerSampleSize(session: PlanningSession, request: SampleSizeRequest): Promise<PlanningAnswer> {
  const base = session.base.design;
  const parameter = searchableParameter(base, request.vary);
  if (request.max !== undefined && request.max <= parameter.min) {
    throw new PlanningOptionError(`--max must be above ${parameter.min} for ${parameter.path} (got ${request.max})`);
  }
  const powerTarget = choosePowerTarget(base, request.outcome, request.success);
  const designAt = async (value: number) =>
    session.designAt(parameter.overrides(value), `${parameter.path} = ${value}`);
  const targetId = targetLabel(powerTarget);
  await session.openView({
    title: `${base.name} — ${parameter.label} for ${Math.round(request.target * 1000) / 10}% power (${targetId})`,
    parameter: parameter.path,
    target: request.target,
  });
  const began = performance.now();
  const plan = await planSampleSize(base, parameter, designAt, session.searchRange, {
    target: request.target,
    outcome: request.outcome,
    success: request.success,
    max: request.max,
    precision: request.precision,
    signal: session.signal,
    onPoint: (point, used) => {
      session.note(searchPointLine(`${parameter.path}=${point.value}`, point, used));
      session.addPoints([{ value: point.value, outcome: targetId, power: point.power, powerCI: point.powerCI }]);
    },
  });
  const searchSeconds = (performance.now() - began) / 1000;
  if (plan.chosenValue === null) throw new UserError('the search was interrupted before it simulated anything');
  // Without an answer there is no design to report on: show the scenario as written (the plateau
  // is in the planning lines), rather than a possibly huge design at the search's bound.
  const found = plan.search.status === 'found';
  const design = found ? await designAt(plan.chosenValue) : base;
  const summary = await session.reportRun(design, 'sample-size');
  const extras = await session.extras(design, summary, searchSeconds);
  const curveOutcome = targetLabel(plan.powerTarget);
  const curve: PowerCurve = {
    parameter: parameter.path,
    target: request.target,
    points: plan.search.points.map((p) => ({
      value: p.value,
      outcome: curveOutcome,
      power: p.power,
      powerCI: p.powerCI,
    })),
  };
  const planLines = sampleSizeLines(plan);
  const complete = !session.signal.aborted && summary.complete;
  return {
    document: sampleSizeDocument(summary, plan, extras),
    curve,
    lines: [
      ...withBlankAfter(sampleSizeVerdict(plan, design, summary, extras.commissioner)),
      ...planLines,
      ...extrasLines(design, extras),
    ],
    design,
    atAnswer: found,
    conclusion: `${complete ? '' : 'Interrupted, the results below are partial — '}${sampleSizeConclusion(plan, planLines[0])}`,
    complete,
    figure: {
      subtitle: `${base.name} · ${plan.search.trialsUsed} simulated trials`,
      parameterLabel: parameter.label,
      marker:
        plan.search.value === null
          ? undefined
          : { value: plan.search.value, label: `${plan.search.value} ${parameter.label}` },
    },
  };
}

/** What a target's curve points are labelled: an outcome id, 'all-primary', or 'knife:sceptical-golden'. */
function targetLabel(target: PowerTarget): string {
  if (target.kind === 'all-primary') return 'all-primary';
  return target.kind === 'replication' ? `${target.id}:${target.key}` : target.id;
}

/**
 * The dashboard's one-line answer: the target, what counts as success, and the value found with
 * its Monte Carlo interval; `otherwise` (the report's own first line) when nothing was found.
 *
 * Example: "80% power (reoffend significant) needs about 774 people randomised [744, 807]".
 */
function sampleSizeConclusion(plan: SampleSizePlan, otherwise: string): string {
  const { search, parameter } = plan;
  if (search.status !== 'found' || search.value === null) return otherwise;
  const value = (v: number) => (parameter.integer ? formatCount(v) : String(Number(v.toFixed(2))));
  const interval = search.valueCI ? ` [${value(search.valueCI[0])}, ${value(search.valueCI[1])}]` : '';
  return `${formatPercent(search.target, 0)} ${plan.measure} (${plan.targetDescription}) needs about ${value(search.value)} ${parameter.label}${interval}`;
}

/** A verdict line and a blank line after it, or nothing. */
export function withBlankAfter(line: string | null): string[] {
  return line === null ? [] : [line, ''];
}
