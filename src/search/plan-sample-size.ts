/**
 * `sample-size`, without the command line: the smallest value of a design parameter at which the
 * target's power (or assurance) reaches the goal, by the stochastic crossing search over real
 * simulations, starting from the analytic formulas.
 */
import { armSizes, type Design } from '../core/design.js';
import { analyticTotal } from './analytic-start.js';
import { designEvaluator, type RunRange } from './design-evaluator.js';
import { normalQuantile } from '../core/distributions/normal.js';
import { describeCohort } from '../core/inquiry/describe-cohort.js';
import { prepareDesign } from '../core/prepare-design.js';
import type { DesignParameter } from './design-parameter.js';
import type { EvaluatePower } from './power-estimate.js';
import {
  choosePowerTarget,
  countSuccesses,
  describePowerTarget,
  targetMeasure,
  type PowerTarget,
} from './power-target.js';
import { searchCrossing, type CrossingSearchResult, type SearchPoint } from './search-crossing.js';
import { searchSeed, withSeed } from './search-seed.js';

/** What `planSampleSize` aims for (the parameter and its bounds come separately). */
export interface SampleSizeOptions {
  /** Power (or assurance) to reach, in (0, 1). */
  readonly target: number;
  /** One outcome id, or all primary outcomes together when absent. */
  readonly outcome?: string;
  /** A replication success criterion to size for instead of significance (`--success`). */
  readonly success?: string;
  /** Largest value to try (default: the parameter's own bound). */
  readonly max?: number;
  /** Monte Carlo SE wanted for the power at the answer (default 0.01). */
  readonly precision?: number;
  /** Trials per point of the first, coarse grid (default 200). */
  readonly initialTrials?: number;
  readonly maxTrials?: number;
  readonly signal?: AbortSignal;
  readonly onPoint?: (point: SearchPoint, trialsUsed: number) => void;
}

/** The search result with what it was about: target, measure, parameter, analytic start. */
export interface SampleSizePlan {
  readonly search: CrossingSearchResult;
  readonly powerTarget: PowerTarget;
  /** 'assurance' when the target's effect is drawn from a distribution. */
  readonly measure: 'power' | 'assurance';
  /** Plain words for what counts as success, e.g. "crime and knife all significant (holm correction)". */
  readonly targetDescription: string;
  readonly parameter: DesignParameter;
  /** The analytic first guess of the parameter (never the answer), or null. */
  readonly analyticStart: number | null;
  /** Where the search's grid was centred, and why. */
  readonly start: {
    readonly value: number;
    readonly from: 'simulated scenario' | 'analytic formula' | 'scenario value' | 'bounds';
  };
  /**
   * The value to report the design at: the answer, or the plateau / the largest value tried. The
   * search's own simulations used a seed per value; the report re-runs this value with the
   * scenario's seed, so that `run --set …` reproduces it.
   */
  readonly chosenValue: number | null;
}

/**
 * Runs the search. `designAt(value)` builds the design with the parameter at `value` (through the
 * scenario loader); `runRange` simulates trials of a design (the runner, or the engine in tests).
 *
 * Example: teaching-two-arm, target 0.8, `design.size.total` → about 770 people, interval about
 * ±20 (the exact two-proportion z power first reaches 80% at 771).
 */
export async function planSampleSize(
  baseDesign: Design,
  parameter: DesignParameter,
  designAt: (value: number) => Promise<Design>,
  runRange: RunRange,
  options: SampleSizeOptions,
): Promise<SampleSizePlan> {
  const powerTarget = choosePowerTarget(baseDesign, options.outcome, options.success);
  const baseSeed = baseDesign.simulation.seed;
  const independentDesignAt = async (value: number) => withSeed(await designAt(value), searchSeed(baseSeed, value));
  const evaluator = designEvaluator(
    independentDesignAt,
    (design, tally) => countSuccesses(design, powerTarget, tally),
    runRange,
  );
  const analyticStart = startFromFormula(baseDesign, parameter, powerTarget, options.target);
  const max = Math.min(options.max ?? parameter.max, parameter.max);
  const initialTrials = options.initialTrials ?? 200;
  const clamp = (value: number) => Math.min(max, Math.max(parameter.min, value));
  const probe = await probeCurrent(
    evaluator,
    parameter,
    clamp,
    initialTrials,
    options.target,
    baseDesign.analysis.alpha,
  );
  const start = probe?.start ?? analyticStart ?? parameter.current ?? undefined;
  const startFrom = probe
    ? 'simulated scenario'
    : analyticStart !== null
      ? 'analytic formula'
      : parameter.current !== null
        ? 'scenario value'
        : 'bounds';
  const search = await searchCrossing(evaluator, {
    target: options.target,
    min: parameter.min,
    max,
    start: start === undefined ? undefined : clamp(start),
    alsoTry: probe ? [probe.value] : [],
    precision: options.precision,
    initialTrials,
    maxTrials: options.maxTrials,
    scale: parameter.scale,
    integer: parameter.integer,
    resolution: parameter.resolution,
    signal: options.signal,
    onPoint: options.onPoint,
  });
  const chosenValue = search.value ?? search.plateau?.value ?? search.points[search.points.length - 1]?.value ?? null;
  return {
    search,
    powerTarget,
    measure: targetMeasure(baseDesign, powerTarget),
    targetDescription: describePowerTarget(baseDesign, powerTarget),
    parameter,
    analyticStart,
    start: {
      value: start === undefined ? Math.sqrt(Math.max(parameter.min, 1e-9) * max) : clamp(start),
      from: startFrom,
    },
    chosenValue,
  };
}

// Simulates the scenario's own value first and extrapolates from it, taking power as
// Φ(c·√value − z_{1−α/2}) (exact in the normal approximation of a Wald test): the analytic formula
// cannot see selection or clustering, the simulated point can. Null when the parameter is not a
// size-like one or the probe's power is too near 0 or 1 to extrapolate from.
async function probeCurrent(
  evaluate: EvaluatePower,
  parameter: DesignParameter,
  clamp: (value: number) => number,
  trials: number,
  target: number,
  alpha: number,
): Promise<{ value: number; start: number } | null> {
  if (parameter.current === null || parameter.scale !== 'sqrt') return null;
  const value = parameter.integer ? Math.round(clamp(parameter.current)) : clamp(parameter.current);
  const { power } = await evaluate(value, trials);
  if (power < 0.02 || power > 0.98) return null;
  const critical = normalQuantile(1 - alpha / 2);
  const slope = (normalQuantile(power) + critical) / Math.sqrt(value);
  if (!(slope > 0)) return null;
  const start = ((normalQuantile(target) + critical) / slope) ** 2;
  return { value, start: Math.min(value * 25, Math.max(value / 25, start)) };
}

// The analytic total turned into the parameter's own unit (people treated, caseworkers, years);
// null for parameters the formulas say nothing about (sites, follow-up, caseload).
function startFromFormula(
  design: Design,
  parameter: DesignParameter,
  target: PowerTarget,
  power: number,
): number | null {
  const cohort = describeCohort(prepareDesign(design).inquiry);
  const cohortRate = (outcomeId: string, groupId: string) =>
    cohort.find((group) => group.group === groupId)?.outcomes.find((outcome) => outcome.outcome === outcomeId)
      ?.controlFollowUp;
  const total = analyticTotal(design, target, power, cohortRate);
  if (total === null || parameter.current === null) return null;
  const currentTotal = armSizes(design.plan.size).total;
  if (!(currentTotal > 0)) return null;
  switch (parameter.path) {
    case 'design.size.total':
      return total;
    case 'design.size.treated':
    case 'design.size.control':
    case 'design.caseworkers.count':
    case 'recruitment.years':
      // These scale the total in proportion (or nearly: a fixed other arm), so scale the current value.
      return parameter.current * (total / currentTotal);
    default:
      return null;
  }
}
