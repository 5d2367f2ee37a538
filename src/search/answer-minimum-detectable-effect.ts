/**
 * `mde` in a planning session: search for the weakest effect, the same in every group, whose power
 * reaches the target at the scenario's size, run the design at that effect as `run` would, add
 * the commissioner's and the pilot's sections, and say it all in one answer.
 */
import { performance } from 'node:perf_hooks';
import type { Design } from '../core/design.js';
import { formatRatio } from '../report/format-numbers.js';
import type { PowerCurve } from '../report/power-curve.js';
import type { PlanningAnswer } from './planning-answer.js';
import { mdeDocument } from './planning-document.js';
import type { PlanningSession } from './planning-session.js';
import { planMinimumDetectableEffect } from './plan-minimum-detectable-effect.js';
import { extrasLines, mdeLines, searchPointLine } from './plan-text.js';
import { withBlankAfter } from './answer-sample-size.js';
import { mdeVerdict } from './plan-verdict.js';
import { choosePowerTarget } from './power-target.js';
import { withUniformEffect } from './with-uniform-effect.js';

/** The options of `mde`, as parsed. */
export interface MinimumDetectableEffectRequest {
  /** Power to reach, in (0, 1). */
  readonly target: number;
  /** One outcome id, or all primary outcomes together when absent. */
  readonly outcome?: string;
  /** Monte Carlo SE wanted for the power at the answer. */
  readonly precision: number;
}

/**
 * Answers `mde` in `session`: an unknown outcome is a `PlanningOptionError`, found before the view
 * opens; the report run is the scenario with the minimum detectable ratio in every group of the
 * varied outcomes (the scenario as written when none was found), with the scenario's own seed.
 *
 * Example: teaching-two-arm (100 per arm), target 0.8 → a risk ratio of about 0.62.
 */
export async function answerMinimumDetectableEffect(
  session: PlanningSession,
  request: MinimumDetectableEffectRequest,
): Promise<PlanningAnswer> {
  const design = session.base.design;
  choosePowerTarget(design, request.outcome);
  const targetId = request.outcome ?? 'all-primary';
  await session.openView({
    title: `${design.name} — the weakest effect with ${Math.round(request.target * 1000) / 10}% power (${targetId})`,
    parameter: 'ratio',
    target: request.target,
  });
  const began = performance.now();
  const plan = await planMinimumDetectableEffect(design, session.searchRange, {
    target: request.target,
    outcome: request.outcome,
    precision: request.precision,
    signal: session.signal,
    onPoint: (ratio, point, used) => {
      session.note(searchPointLine(`ratio ${ratio.toFixed(4)}`, point, used));
      session.addPoints([{ value: ratio, outcome: targetId, power: point.power, powerCI: point.powerCI }]);
    },
  });
  const searchSeconds = (performance.now() - began) / 1000;
  const atAnswer = plan.mde === null ? design : withUniformEffect(design, plan.variedOutcomes, plan.mde);
  const summary = await session.reportRun(atAnswer, 'mde');
  const extras = await session.extras(atAnswer, summary, searchSeconds);
  const outcome = plan.powerTarget.kind === 'all-primary' ? 'all-primary' : plan.powerTarget.id;
  const curve: PowerCurve = {
    parameter: 'ratio',
    target: request.target,
    points: plan.curve.map((p) => ({ value: p.ratio, outcome, power: p.power, powerCI: p.powerCI })),
  };
  const name = ratioName(design, plan.variedOutcomes[0]);
  const planLines = mdeLines(plan, name);
  const lines = [
    ...withBlankAfter(mdeVerdict(plan, atAnswer, summary, extras.commissioner, name)),
    ...planLines,
    ...extrasLines(atAnswer, extras),
  ];
  const complete = !session.signal.aborted && summary.complete;
  const answer =
    plan.mde === null
      ? planLines[0]
      : `${Math.round(request.target * 1000) / 10}% power (${plan.targetDescription}) from a ${name} of about ${formatRatio(plan.mde)}${plan.mdeCI ? ` [${formatRatio(Math.min(...plan.mdeCI))}, ${formatRatio(Math.max(...plan.mdeCI))}]` : ''}`;
  return {
    document: mdeDocument(summary, plan, extras),
    curve,
    lines,
    design: atAnswer,
    atAnswer: plan.mde !== null,
    conclusion: `${complete ? '' : 'Interrupted, the results below are partial — '}${answer}`,
    complete,
    figure: { subtitle: `${design.name} · ${plan.search.trialsUsed} simulated trials`, parameterLabel: name },
  };
}

/** What the varied ratio is called for an outcome's kind. */
function ratioName(design: Design, outcomeId: string): string {
  const kind = design.outcomes.find((outcome) => outcome.id === outcomeId)?.kind;
  return kind === 'binary' ? 'risk ratio' : kind === 'harm' ? 'severity ratio' : 'rate ratio';
}
