/**
 * The JSON documents of the planning commands (docs/json-output.md: sample-size, mde, curve): the run document of the design at
 * the answer, plus the contract fields each command adds (`target`, `parameter`, `value`,
 * `valueCI`, `curve` for sample-size; `target`, `mde` for mde; `curve` for curve) and further
 * fields that explain them.
 */
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { roundTo } from '../report/round-to.js';
import type { CommissionerOutputs } from './commissioner-outputs.js';
import type { MinimumDetectableEffectPlan } from './plan-minimum-detectable-effect.js';
import type { PilotPlan } from './pilot-plan.js';
import type { SampleSizePlan } from './plan-sample-size.js';

/** Sections shared by the sample-size and mde documents. */
export interface PlanExtras {
  readonly commissioner: CommissionerOutputs | null;
  readonly pilot: PilotPlan | null;
  /** Seconds the search took (the report run not included). */
  readonly searchSeconds: number;
}

/** A planning document: a run summary with the planning fields added. */
export type PlanningDocument = RunSummary & Record<string, unknown>;

/**
 * The sample-size document. `curve` holds every value the search simulated, with its power (or
 * assurance) for the target; `value` is null when the target is impossible or beyond --max (then
 * `plateau` says where power levelled off).
 *
 * Example: `{ …run at 330 people…, "target": 0.8, "parameter": "design.size.total", "value": 330,
 * "valueCI": [312, 349], "curve": [{ "value": 165, "power": 0.52, "powerCI": [0.45, 0.59] }, …] }`.
 */
export function sampleSizeDocument(summary: RunSummary, plan: SampleSizePlan, extras: PlanExtras): PlanningDocument {
  const { search } = plan;
  const outcome = plan.powerTarget.kind === 'all-primary' ? 'all-primary' : plan.powerTarget.id;
  return {
    ...summary,
    target: search.target,
    parameter: plan.parameter.path,
    value: search.value,
    valueCI: search.valueCI,
    curve: search.points.map((point) => ({
      value: point.value,
      outcome,
      power: point.power,
      powerCI: point.powerCI,
      trials: point.trials,
    })),
    status: search.status,
    measure: plan.measure,
    success: plan.targetDescription,
    fittedPower:
      search.power === null ? null : { power: search.power, powerCI: search.powerCI, mcse: search.powerMcse },
    plateau: search.plateau,
    analyticStart: plan.analyticStart,
    start: plan.start,
    search: {
      trialsUsed: search.trialsUsed,
      seconds: roundTo(extras.searchSeconds, 3),
      complete: search.complete,
      fit: search.fit,
      warnings: search.warnings,
    },
    commissioner: extras.commissioner,
    pilot: extras.pilot,
    warnings: [...search.warnings, ...summary.warnings],
  };
}

/**
 * The mde document: `mde` is the minimum detectable ratio (for engaged treated people, applied to
 * every group), `mdeCI` its Monte Carlo interval, `curve` the ratios tried.
 *
 * Example: `{ …run at the MDE…, "target": 0.8, "mde": 0.62, "mdeCI": [0.64, 0.60], … }`.
 */
export function mdeDocument(
  summary: RunSummary,
  plan: MinimumDetectableEffectPlan,
  extras: PlanExtras,
): PlanningDocument {
  const { search } = plan;
  const outcome = plan.powerTarget.kind === 'all-primary' ? 'all-primary' : plan.powerTarget.id;
  return {
    ...summary,
    target: search.target,
    mde: plan.mde,
    mdeCI: plan.mdeCI,
    curve: plan.curve.map((point) => ({
      value: point.ratio,
      outcome,
      power: point.power,
      powerCI: point.powerCI,
      trials: point.trials,
    })),
    status: search.status,
    success: plan.targetDescription,
    variedOutcomes: plan.variedOutcomes,
    plateau: search.plateau,
    search: {
      trialsUsed: search.trialsUsed,
      seconds: roundTo(extras.searchSeconds, 3),
      complete: search.complete,
      warnings: search.warnings,
    },
    commissioner: extras.commissioner,
    pilot: extras.pilot,
    warnings: [...search.warnings, ...summary.warnings],
  };
}
