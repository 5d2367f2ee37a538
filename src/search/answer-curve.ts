/**
 * `curve` in a planning session: check the outcomes and the parameter against the scenario,
 * simulate the design at each value with the scenario's seed and trials, and hand back the curve,
 * the JSON document (the first value's run document plus every value's results) and the
 * dashboard's closing line.
 */
import { performance } from 'node:perf_hooks';
import { armSizes } from '../core/design.js';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { UserError } from '../errors/user-error.js';
import type { PowerCurve, PowerCurvePoint } from '../report/power-curve.js';
import { summariseRun } from '../report/summarise-run.js';
import type { CurvePlotLabels } from '../report/svg/render-curve-svg.js';
import { describeParameter } from './design-parameter.js';
import type { ValueRange } from './parse-value-range.js';
import { ALL_PRIMARY, curvePoints, planCurve, seriesOutcome, type CurveRun } from './plan-curve.js';
import { PlanningOptionError } from './planning-option-error.js';
import type { PlanningSession } from './planning-session.js';

/** The options of `curve`, as parsed. */
export interface CurveRequest {
  /** The parameter and the values to simulate. */
  readonly vary: ValueRange;
  /** Only these outcomes (and `all-primary`, if listed); every one when empty. */
  readonly outcomeIds: readonly string[];
  /** A target power to draw as a line, if any. */
  readonly target?: number;
}

/** A finished (or interrupted) curve, ready to print in any format. */
export interface CurveAnswer {
  /** The first value's run document plus `parameter`, `curve`, `runs` and `measure`. */
  readonly document: RunSummary & Record<string, unknown>;
  readonly curve: PowerCurve;
  /** The report's first line: scenario, measure, parameter and trials per value. */
  readonly title: string;
  /** The dashboard's closing line; when interrupted, the line saying so, which the table report also ends with. */
  readonly conclusion: string;
  /** False when interrupted before every value was simulated. */
  readonly complete: boolean;
  /** Titles for drawing `curve` (--svg). */
  readonly figure: CurvePlotLabels;
}

/**
 * Answers `curve` in `session`. An unknown outcome or a parameter the scenario cannot vary is a
 * `PlanningOptionError`, found before the view opens.
 *
 * Example: teaching-two-arm over design.size.total = 200, 400, 800 with 2000 trials → reoffend
 * power about 31%, 52%, 81%.
 */
export async function answerCurve(session: PlanningSession, request: CurveRequest): Promise<CurveAnswer> {
  const design = session.base.design;
  const { path, values } = request.vary;
  const parameter = describeParameter(design, path);
  const outcomeIds = request.outcomeIds;
  const unknown = outcomeIds.filter((id) => id !== ALL_PRIMARY && !design.outcomes.some((o) => o.id === id));
  if (unknown.length > 0)
    throw new PlanningOptionError(
      `--outcome: no outcome ${unknown.join(', ')}`,
      `the scenario's outcomes are ${design.outcomes.map((o) => o.id).join(', ')}`,
    );
  const assurance = design.outcomes.some((outcome) => outcome.effectDistribution !== null);
  const replication = design.replication !== undefined;
  const measureWords = replication
    ? 'probability of replication success per criterion (power elsewhere)'
    : assurance
      ? 'power (assurance where effects are uncertain)'
      : 'power';
  const title = `${design.name} — ${measureWords} by ${path}, ${design.simulation.trials} trials per value`;
  const shown = (point: PowerCurvePoint) =>
    outcomeIds.length === 0 || outcomeIds.includes(point.outcome) || outcomeIds.includes(seriesOutcome(point.outcome));
  await session.openView({ title, parameter: path, target: request.target });
  const designAt = async (value: number) => session.designAt(parameter.overrides(value), `${path} = ${value}`);
  const began = performance.now();
  const plan = await planCurve(values, designAt, session.searchRange, {
    trials: design.simulation.trials,
    outcomeIds: outcomeIds.length > 0 ? [...outcomeIds, ALL_PRIMARY] : [],
    signal: session.signal,
    parameter: path,
    target: request.target,
    onValue: (run) => {
      session.addPoints(curvePoints(run).filter(shown));
      const sizes = armSizes(run.design.plan.size);
      session.note(
        `curve: ${path}=${run.value} (${sizes.treated} treated, ${sizes.control} control): ${run.tally.trials} trials`,
      );
    },
  });
  const seconds = (performance.now() - began) / 1000;
  const curve = outcomeIds.length > 0 ? { ...plan.curve, points: plan.curve.points.filter(shown) } : plan.curve;
  if (plan.runs.length === 0) throw new UserError('interrupted before any value was simulated');
  const summaryOf = (run: CurveRun, facts: { complete: boolean; seconds: number }) =>
    summariseRun(run.design, run.tally, {
      command: 'curve',
      sha256: session.base.sha256,
      fileSha256: session.base.fileSha256,
      threads: session.threads,
      ...facts,
    });
  const document = {
    ...summaryOf(plan.runs[0], { complete: plan.complete, seconds }),
    parameter: path,
    curve: curve.points,
    runs: plan.runs.map((run) => {
      const each = summaryOf(run, { complete: run.complete, seconds: 0 });
      return {
        value: run.value,
        design: each.design,
        results: each.results,
        familywise: each.familywise,
        ...(each.sequential ? { sequential: each.sequential } : {}),
      };
    }),
    measure: replication
      ? 'probability of replication success under each criterion for outcomes with an original (series outcome:criterion), power elsewhere'
      : assurance
        ? 'assurance where an effect is drawn from a distribution, power elsewhere'
        : 'power',
  };
  return {
    document,
    curve,
    title,
    conclusion: plan.complete
      ? curveConclusion(curve, parameter.label)
      : 'Interrupted: only the values simulated so far are shown.',
    complete: plan.complete,
    figure: {
      subtitle: `${design.name} · ${design.simulation.trials} trials per value · seed ${design.simulation.seed}`,
      parameterLabel: parameter.label,
    },
  };
}

/**
 * The dashboard's closing line: for each series (all primary outcomes together when the curve has
 * them), the smallest simulated value whose power reaches the target, or the best power seen.
 *
 * Example: target 0.8, reoffend 52% at 400 and 81% at 800 → "80% power (design.size.total,
 * people randomised): reoffend from 800 of the values simulated."
 */
function curveConclusion(curve: PowerCurve, label: string): string {
  const values = new Set(curve.points.map((p) => p.value)).size;
  if (curve.target === undefined)
    return `Simulated ${values} values of ${curve.parameter} (${label}); --target draws a target line.`;
  const target = curve.target;
  const series = [...new Set(curve.points.map((p) => p.outcome))];
  const parts = (series.includes(ALL_PRIMARY) ? [ALL_PRIMARY] : series).map((outcome) => {
    const points = curve.points.filter((p) => p.outcome === outcome);
    const reached = points.filter((p) => p.power >= target).map((p) => p.value);
    const name = outcome === ALL_PRIMARY ? 'all primary outcomes' : outcome;
    if (reached.length > 0) return `${name} from ${Math.min(...reached)} of the values simulated`;
    const best = points.reduce((a, b) => (b.power > a.power ? b : a));
    return `${name} not reached (at best ${(best.power * 100).toFixed(1)}%, at ${best.value})`;
  });
  return `${Math.round(target * 1000) / 10}% power (${curve.parameter}, ${label}): ${parts.join('; ')}.`;
}
