import type { Design, UncertainInput } from '../design.js';
import { drawLognormal } from '../distributions/lognormal.js';
import type { Rng } from '../rng/rng.js';
import { subStream } from '../rng/trial-stream.js';

// The sub-stream trial i's uncertain inputs are drawn from under assurance (3 holds the effects,
// 4 and 5 interim looks, 6 a replication's effects; see trial.ts).
const INPUT_DRAW_STREAM = 7;

/**
 * True when each trial of `design` draws its own inputs: assurance was asked for
 * (`simulation.drawInputs`) and some uncertain input other than an effect has targets to set.
 */
export function drawsInputs(design: Design): boolean {
  return (
    design.simulation.drawInputs === true &&
    (design.uncertainInputs ?? []).some((input) => !input.effect && (input.targets?.length ?? 0) > 0)
  );
}

/**
 * The design of trial `trialIndex` under assurance over every input: each uncertain input other
 * than an effect (effects are drawn in the inquiry, inquiry/draw-trial-ratios.ts) drawn from its
 * distribution on the trial's own sub-stream, in the scenario's order, and written at its targets.
 *
 * Formula in words: a uniform input is from + (to − from)·U; a lognormal one is median·e^(sdLog·Z);
 * a whole-number input is rounded. Because the draws have their own stream, trial i draws the same
 * inputs whatever else the trial does, and its main stream is untouched (the same cohort draws as
 * at the central values, given the inputs).
 * Reference: O'Hagan, Stevens & Campbell (2005), Pharm. Stat. 4:187 (assurance).
 *
 * @example a dispersion { from: 0.8, to: 3 } gives each trial its own α in [0.8, 3]
 */
export function drawTrialInputs(design: Design, trialIndex: number): Design {
  const rng = subStream(design.simulation.seed, trialIndex, INPUT_DRAW_STREAM);
  let drawn: unknown = design;
  for (const input of design.uncertainInputs ?? []) {
    if (input.effect || input.targets === undefined) continue;
    const value = drawInputValue(input, rng);
    for (const target of input.targets) drawn = withValueAt(drawn, target, 0, value);
  }
  return drawn as Design;
}

/** One draw of an input from its distribution (rounded for whole-number inputs). */
export function drawInputValue(input: UncertainInput, rng: Rng): number {
  const { distribution } = input;
  const value =
    distribution.kind === 'uniform'
      ? distribution.from + (distribution.to - distribution.from) * rng.next()
      : drawLognormal(rng, distribution.median, distribution.sdLog);
  return input.integer ? Math.round(value) : value;
}

// A copy of `node` with the number at `path` (from position `at`) replaced; only the objects on
// the path are copied, the rest is shared (the Design is frozen, so sharing is safe).
function withValueAt(node: unknown, path: readonly (string | number)[], at: number, value: number): unknown {
  if (at === path.length) return value;
  const key = path[at];
  if (Array.isArray(node)) {
    const copy = [...(node as unknown[])];
    copy[key as number] = withValueAt(copy[key as number], path, at + 1, value);
    return copy;
  }
  const record = node as Record<string, unknown>;
  return { ...record, [key]: withValueAt(record[key as string], path, at + 1, value) };
}
