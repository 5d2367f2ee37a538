/**
 * The per-step picture of a stepped-wedge rollout (`run --svg`): for each outcome, the mean
 * estimate at each exposure time (months since crossover) with the range where 95% of single
 * rollouts put it, against the true effect. Field meanings: docs/json-output.md (`results[].steps`).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutcomeDiagnosis } from '../../core/diagnosis/run-summary.js';
import { outcomesWithSteps, stepMonths } from '../format-steps.js';
import { renderVegaLiteSvg } from './render-vega-lite-svg.js';

/** One step of one outcome, as the chart plots it. */
interface StepPoint {
  readonly outcome: string;
  readonly step: string;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly truth: number;
  readonly power: number;
}

/**
 * The plotted points: per outcome with steps and per step, the mean estimate, the 95% range of
 * single trials' estimates, the truth and the step's power.
 *
 * @example milton-keynes-rollout → 8 points, the first
 *   { outcome: 'knife', step: '0–6', estimate: 0.88, lower: 0.57, upper: 1.36, truth: 0.888, power: 0.09 }
 */
export function stepPoints(results: readonly OutcomeDiagnosis[]): StepPoint[] {
  return outcomesWithSteps(results).flatMap((r) =>
    r.steps!.map((step) => ({
      outcome: r.outcome,
      step: stepMonths(step),
      estimate: step.meanEstimate,
      lower: step.estimateRange[0],
      upper: step.estimateRange[1],
      truth: step.estimand,
      power: step.power,
    })),
  );
}

/**
 * The vega-lite specification of the per-step picture (exported so tests can inspect it).
 *
 * @example buildStepsSpec(summary.results, 'milton-keynes-rollout · 2,000 trials') → one panel per
 *   outcome: a rule for each step's 95% range, a point at its mean estimate, a dashed line at the truth
 */
export function buildStepsSpec(results: readonly OutcomeDiagnosis[], subtitle: string): TopLevelSpec {
  const steps = outcomesWithSteps(results)[0]?.steps?.length ?? 0;
  const x = {
    field: 'step',
    type: 'ordinal',
    sort: null,
    title: 'Months since the cluster crossed over',
    axis: { labelAngle: 0 },
  };
  const y = {
    type: 'quantitative',
    scale: { type: 'log', nice: false, padding: 8 },
    axis: { title: 'Ratio, treated over control' },
  };
  const outcomes = outcomesWithSteps(results).map((r) => r.outcome);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `The effect by time since crossover (${steps} steps)`,
      subtitle: [
        subtitle,
        'dot: mean estimate over simulated rollouts · bar: where 95% of single rollouts put it · dashed: the true effect',
      ],
    },
    data: { values: stepPoints(results) },
    facet: { column: { field: 'outcome', type: 'nominal', title: null, sort: outcomes } },
    spec: {
      width: 220,
      height: 260,
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2, color: '#4c78a8' },
          encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
        },
        {
          mark: { type: 'point', filled: true, size: 60, color: '#4c78a8' },
          encoding: {
            x,
            y: { ...y, field: 'estimate' },
            tooltip: [
              { field: 'step', type: 'ordinal', title: 'months since crossover' },
              { field: 'estimate', type: 'quantitative', format: '.3f' },
              { field: 'lower', type: 'quantitative', format: '.3f' },
              { field: 'upper', type: 'quantitative', format: '.3f' },
              { field: 'power', type: 'quantitative', format: '.1%' },
            ],
          },
        },
        {
          mark: { type: 'rule', strokeDash: [4, 4], color: '#e45756' },
          encoding: { y: { ...y, field: 'truth', aggregate: 'mean' } },
        },
      ],
    },
    resolve: { scale: { y: 'shared' } },
  } as TopLevelSpec;
}

/**
 * Renders the per-step picture to SVG text.
 *
 * @example await renderStepsSvg(summary.results, 'subtitle') → "<svg …>…</svg>\n"
 */
export async function renderStepsSvg(results: readonly OutcomeDiagnosis[], subtitle: string): Promise<string> {
  return renderVegaLiteSvg(buildStepsSpec(results, subtitle));
}
