/**
 * `mde`, without the command line: the weakest effect (the ratio closest to 1) whose power (after
 * the scenario's multiplicity correction) reaches the target at the scenario's size.
 */
import type { Design } from '../core/design.js';
import { designEvaluator, type RunRange } from './design-evaluator.js';
import { choosePowerTarget, countSuccesses, describePowerTarget, type PowerTarget } from './power-target.js';
import { searchCrossing, type CrossingSearchResult, type SearchPoint } from './search-crossing.js';
import { searchSeed, withSeed } from './search-seed.js';
import { effectOutcomeIds, statedRatio, withUniformEffect } from './with-uniform-effect.js';

/** What `planMinimumDetectableEffect` aims for. */
export interface MinimumDetectableEffectOptions {
  readonly target: number;
  readonly outcome?: string;
  readonly precision?: number;
  readonly initialTrials?: number;
  readonly maxTrials?: number;
  readonly signal?: AbortSignal;
  /** Called after each evaluation with the ratio tried. */
  readonly onPoint?: (ratio: number, point: SearchPoint, trialsUsed: number) => void;
}

/** The minimum detectable ratio, its interval and the ratios simulated. */
export interface MinimumDetectableEffectPlan {
  /** The search on the effect size |ln ratio| (its `value`s are effect sizes, not ratios). */
  readonly search: CrossingSearchResult;
  readonly powerTarget: PowerTarget;
  readonly targetDescription: string;
  /** Outcomes whose ratio was varied (a derived binary's count instead of the binary). */
  readonly variedOutcomes: readonly string[];
  /** -1 when searching reductions (ratios below 1), +1 for increases. */
  readonly direction: -1 | 1;
  /** The minimum detectable ratio, its interval (weakest to strongest), or null when not found. */
  readonly mde: number | null;
  readonly mdeCI: readonly [number, number] | null;
  /** Power at each ratio tried, weakest effect first. */
  readonly curve: readonly {
    readonly ratio: number;
    readonly power: number;
    readonly powerCI: readonly [number, number];
    readonly trials: number;
  }[];
}

/** Smallest and largest effect sizes |ln ratio| searched: ratios 0.995–0.05 (or 1.005–20). */
const SMALLEST_EFFECT = 0.005;
const LARGEST_EFFECT = Math.log(20);

/**
 * Searches the effect size δ = |ln ratio| (power is close to probit-linear in δ for Wald tests),
 * applying the ratio uniformly to every group of the target's outcomes (`withUniformEffect`), in
 * the direction of the scenario's stated effect (reductions when it states none).
 *
 * Example: teaching-two-arm (100 per arm, control 50%), target 0.8 → riskRatio about 0.62 (the
 * exact two-proportion z power is 80% at 0.616).
 */
export async function planMinimumDetectableEffect(
  design: Design,
  runRange: RunRange,
  options: MinimumDetectableEffectOptions,
): Promise<MinimumDetectableEffectPlan> {
  const powerTarget = choosePowerTarget(design, options.outcome);
  const targetIds = powerTarget.kind === 'all-primary' ? powerTarget.ids : [powerTarget.id];
  const variedOutcomes = effectOutcomeIds(design, targetIds);
  const stated = Math.log(statedRatio(design, variedOutcomes[0]));
  const direction: -1 | 1 = stated > 0 ? 1 : -1;
  const ratioOf = (effect: number) => Math.exp(direction * effect);
  const evaluator = designEvaluator(
    async (effect) =>
      withSeed(withUniformEffect(design, variedOutcomes, ratioOf(effect)), searchSeed(design.simulation.seed, effect)),
    (d, tally) => countSuccesses(d, powerTarget, tally),
    runRange,
  );
  const search = await searchCrossing(evaluator, {
    target: options.target,
    min: SMALLEST_EFFECT,
    max: LARGEST_EFFECT,
    start: Math.min(LARGEST_EFFECT, Math.max(0.05, Math.abs(stated))),
    precision: options.precision,
    initialTrials: options.initialTrials,
    maxTrials: options.maxTrials,
    scale: 'linear',
    integer: false,
    resolution: 1e-4,
    signal: options.signal,
    onPoint: options.onPoint ? (point, used) => options.onPoint!(ratioOf(point.value), point, used) : undefined,
  });
  const found = search.value !== null;
  return {
    search,
    powerTarget,
    targetDescription: describePowerTarget(design, powerTarget),
    variedOutcomes,
    direction,
    mde: found ? round4(ratioOf(search.value!)) : null,
    mdeCI: found && search.valueCI ? [round4(ratioOf(search.valueCI[0])), round4(ratioOf(search.valueCI[1]))] : null,
    curve: search.points.map((point) => ({
      ratio: round4(ratioOf(point.value)),
      power: point.power,
      powerCI: point.powerCI,
      trials: point.trials,
    })),
  };
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
