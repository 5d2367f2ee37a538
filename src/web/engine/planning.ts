/**
 * The planning the page offers, with the command line's planners driven by the page's runner:
 * the power curve over the number of people (`planCurve`, as `trialsim curve`), the sample size
 * for a target power (`planSampleSize`, as `trialsim sample-size`), and the commissioner's
 * figures (`commissionerPlanForRun`). Designs at other values go through the scenario text and `--set`
 * overrides, as the command line's do.
 */
import { armSizes, type Design } from '../../core/design.js';
import type { RunSummary } from '../../core/diagnosis/run-summary.js';
import type { CommissionerOutputs } from '../../search/commissioner-outputs.js';
import { commissionerPlanForRun } from '../../search/commissioner-plan.js';
import type { RunRange } from '../../search/design-evaluator.js';
import { describeParameter, type DesignParameter } from '../../search/design-parameter.js';
import { planCurve, type CurvePlan } from '../../search/plan-curve.js';
import { planSampleSize, type SampleSizePlan } from '../../search/plan-sample-size.js';
import { commissionerCosts, commissionerLines, sampleSizeLines } from '../../search/plan-text.js';
import type { SearchPoint } from '../../search/search-crossing.js';
import { ScenarioError } from '../../scenario/scenario-error.js';
import { designFromText } from './design-from-text.js';
import type { PageRunner } from './page-runner.js';

/** The scenario as the page holds it: text, file name and `--set` overrides. */
export interface ScenarioSource {
  readonly text: string;
  readonly file: string;
  readonly sets: readonly string[];
}

/** The parameter the page varies: people randomised (`design.size.total`, keeping the allocation ratio). */
export function peopleParameter(design: Design): DesignParameter {
  return describeParameter(design, 'design.size.total');
}

/** The design of `source` with `extra` overrides; a ScenarioError when they make it invalid. */
export function designWith(source: ScenarioSource, extra: readonly string[]): Design {
  const compiled = designFromText(source.text, source.file, [...source.sets, ...extra]);
  if (!compiled.ok) throw new ScenarioError(compiled.problems);
  return compiled.design;
}

/** A `RunRange` on the page's runner: trials [from, to) without the null run. */
export function pageRunRange(runner: PageRunner, signal?: AbortSignal): RunRange {
  return async (design, fromTrial, toTrial) => {
    const result = await runner.run(design, {
      trials: toTrial,
      trialRange: [fromTrial, toTrial],
      withNull: false,
      signal,
    });
    return { tally: result.tally, complete: result.complete };
  };
}

/**
 * People randomised at which to draw the power curve: seven values from a quarter to four times
 * the scenario's total, evenly spaced on a log scale and rounded to whole people (at least 4).
 *
 * Example: curveValues(200) → [50, 79, 126, 200, 317, 504, 800].
 */
export function curveValues(total: number): number[] {
  const values = [-2, -4 / 3, -2 / 3, 0, 2 / 3, 4 / 3, 2].map((step) => Math.max(4, Math.round(total * 2 ** step)));
  return [...new Set(values)];
}

/**
 * The power curve of outcome `outcomeId` over people randomised, `trials` trials per value with
 * the scenario's seed (each point is what `trialsim run` gives at that size).
 */
export function powerCurveInPage(
  source: ScenarioSource,
  runner: PageRunner,
  options: { outcomeId: string; trials: number; target: number; signal?: AbortSignal; onValue?: () => void },
): Promise<CurvePlan> {
  const base = designWith(source, []);
  const parameter = peopleParameter(base);
  return planCurve(
    curveValues(armSizes(base.plan.size).total),
    async (value) => designWith(source, parameter.overrides(value)),
    pageRunRange(runner, options.signal),
    {
      trials: options.trials,
      outcomeIds: [options.outcomeId],
      signal: options.signal,
      parameter: parameter.path,
      target: options.target,
      onValue: options.onValue,
    },
  );
}

/** The sample-size search's result, in numbers and in the command line's words. */
export interface PageSampleSize {
  readonly plan: SampleSizePlan;
  /** `trialsim sample-size`'s planning lines. */
  readonly lines: readonly string[];
  /** The design at the answer (null when none was found). */
  readonly design: Design | null;
}

/**
 * The smallest number of people randomised at which the target's power reaches `target` (all
 * primary outcomes together after the multiplicity correction, or one outcome), by the command
 * line's search.
 */
export async function sampleSizeInPage(
  source: ScenarioSource,
  runner: PageRunner,
  options: {
    target: number;
    outcome?: string;
    signal?: AbortSignal;
    onPoint?: (point: SearchPoint, trialsUsed: number) => void;
  },
): Promise<PageSampleSize> {
  const base = designWith(source, []);
  const parameter = peopleParameter(base);
  const designAt = async (value: number) => designWith(source, parameter.overrides(value));
  const plan = await planSampleSize(base, parameter, designAt, pageRunRange(runner, options.signal), {
    target: options.target,
    outcome: options.outcome,
    signal: options.signal,
    onPoint: options.onPoint,
  });
  const found = plan.search.status === 'found' && plan.chosenValue !== null;
  return {
    plan,
    lines: sampleSizeLines(plan),
    design: found ? await designAt(plan.chosenValue!) : null,
  };
}

/**
 * The commissioner's figures for a design and its run (caseworkers, cost, offences and harm
 * prevented), or null when the scenario has no `costs`; with the command line's lines.
 * Control rates are the simulated cohort's (after selection), as `sample-size` takes them.
 */
export function commissionerFigures(
  design: Design,
  summary: RunSummary,
): { outputs: CommissionerOutputs; lines: string[] } | null {
  const outputs = commissionerPlanForRun(design, summary);
  if (!outputs || !design.costs) return null;
  return { outputs, lines: commissionerLines(outputs, commissionerCosts(design)) };
}

export type { CommissionerOutputs, CurvePlan, SampleSizePlan, SearchPoint };
