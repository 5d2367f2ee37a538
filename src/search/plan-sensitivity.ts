/**
 * One-at-a-time sensitivity, without the command line: move each uncertain input of a scenario to
 * the low and the high end of its plausible range, the others held at their central values, and
 * measure the target's power at each end with its Monte Carlo interval (docs/sensitivity.md).
 */
import type { Design, UncertainInput } from '../core/design.js';
import { wilsonInterval } from '../core/diagnosis/wilson-interval.js';
import type { RunRange } from './design-evaluator.js';
import { countSuccesses, type PowerTarget } from './power-target.js';

/** The target's power with every input at one setting. */
export interface SensitivityPoint {
  /** The input's value here (the central value for the baseline). */
  readonly value: number;
  readonly power: number;
  /** Wilson 95% interval of the power. */
  readonly powerCI: readonly [number, number];
  readonly successes: number;
  readonly trials: number;
}

/** One input moved across its range: a bar of the tornado chart. */
export interface SensitivityBar {
  readonly input: UncertainInput;
  readonly low: SensitivityPoint;
  readonly high: SensitivityPoint;
  /** |power at high − power at low|: what the ranking sorts by. */
  readonly swing: number;
}

/** The baseline and the bars, most influential first. */
export interface SensitivityPlan {
  readonly baseline: SensitivityPoint;
  readonly bars: readonly SensitivityBar[];
  /** False when interrupted before every end was simulated. */
  readonly complete: boolean;
}

/**
 * The `--set` overrides of one setting: every uncertain effect written as its central value (so no
 * bar draws effects per trial: one input moves at a time), and the moved input at `value`.
 * Inputs other than effects need nothing: the compiled design already holds their central values.
 *
 * Example: inputs [dispersion 0.8–3 (central 1.5), crime effect 0.4–0.9 (central 0.5)], moving
 * dispersion to 0.8 → ['outcomes.crime.effect.rateRatio=0.5', 'cohort.propensity.dispersion=0.8'].
 */
export function sensitivityOverrides(
  inputs: readonly UncertainInput[],
  moved?: { readonly input: UncertainInput; readonly value: number },
): string[] {
  const fixedEffects = inputs
    .filter((input) => input.effect && input !== moved?.input)
    .map((input) => `${input.path}=${input.central}`);
  return moved === undefined ? fixedEffects : [...fixedEffects, `${moved.input.path}=${moved.value}`];
}

/**
 * Simulates the baseline (every input central) and both ends of every input, each over trials
 * 0 … trials − 1 with the scenario's seed, and ranks the inputs by their swing in power.
 *
 * Common random numbers: every setting runs the same trial indices from the same seed, and trial i
 * of every setting draws its cohort, assignment and outcomes from the same stream
 * `trialStream(seed, i)`, so the ends of a bar, and the bars among themselves, differ by the input
 * moved rather than by fresh noise (docs/sensitivity.md explains why this couples them).
 *
 * Example: milton-keynes with its dispersion 0.5–5 and knife rate 0.2–0.8 ranks the knife rate
 * first for knife's power.
 */
export async function planSensitivity(
  inputs: readonly UncertainInput[],
  designAt: (overrides: readonly string[], label: string) => Design,
  runRange: RunRange,
  options: {
    readonly trials: number;
    readonly target: PowerTarget;
    readonly signal?: AbortSignal;
    readonly onPoint?: (label: string, point: SensitivityPoint) => void;
  },
): Promise<SensitivityPlan> {
  let complete = true;
  const measure = async (overrides: readonly string[], label: string, value: number): Promise<SensitivityPoint> => {
    const design = designAt(overrides, label);
    const run = await runRange(design, 0, options.trials);
    complete &&= run.complete;
    const successes = run.tally.trials > 0 ? countSuccesses(design, options.target, run.tally) : 0;
    const point = {
      value,
      power: run.tally.trials > 0 ? successes / run.tally.trials : 0,
      powerCI: wilsonInterval(successes, run.tally.trials),
      successes,
      trials: run.tally.trials,
    };
    options.onPoint?.(label, point);
    return point;
  };
  const baseline = await measure(sensitivityOverrides(inputs), 'every input at its central value', NaN);
  const bars: SensitivityBar[] = [];
  for (const input of inputs) {
    if (options.signal?.aborted) {
      complete = false;
      break;
    }
    const low = await measure(
      sensitivityOverrides(inputs, { input, value: input.low }),
      `${input.path} = ${input.low}`,
      input.low,
    );
    const high = await measure(
      sensitivityOverrides(inputs, { input, value: input.high }),
      `${input.path} = ${input.high}`,
      input.high,
    );
    bars.push({ input, low, high, swing: Math.abs(high.power - low.power) });
  }
  return { baseline, bars: rankBars(bars), complete };
}

/** Bars by decreasing swing; ties keep the scenario's order. */
export function rankBars<Bar extends { readonly swing: number }>(bars: readonly Bar[]): Bar[] {
  return bars
    .map((bar, index) => ({ bar, index }))
    .sort((a, b) => b.bar.swing - a.bar.swing || a.index - b.index)
    .map(({ bar }) => bar);
}
