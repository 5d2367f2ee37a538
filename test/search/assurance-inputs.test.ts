/**
 * Assurance over every uncertain input (`--assurance`, docs/scenario-language.md "Uncertain
 * values"): each trial draws its inputs on its own sub-stream, so assurance is the average of power
 * over the inputs' distribution (a quadrature check against exact power), the same for any split
 * of the trials, and `sample-size --assurance` sizes for it.
 */
import { describe, expect, it } from 'vitest';
import { mergeRunTally } from '../../src/core/diagnosis/tally.js';
import { drawsInputs } from '../../src/core/model/draw-trial-inputs.js';
import { designWith, loadDesign } from '../../src/scenario/load-design.js';
import { describeParameter } from '../../src/search/design-parameter.js';
import { planSampleSize } from '../../src/search/plan-sample-size.js';
import { choosePowerTarget, countSuccesses, targetMeasure } from '../../src/search/power-target.js';
import { exactPowerTwoProportionZ } from './support/exact-power.js';
import { inProcessRange } from './support/in-process-range.js';

// Control prevalence uniform on [0.3, 0.6], risk ratio 0.8 (teaching-two-arm), two arms of `perArm`.
const PREVALENCE = 'outcomes.reoffend.prevalence={ from: 0.3, to: 0.6 }';

/** Exact assurance by the midpoint rule over the prevalence: the mean of exact power at `nodes` points. */
function exactAssurance(perArm: number, nodes: number): number {
  let sum = 0;
  for (let i = 0; i < nodes; i++) {
    const prevalence = 0.3 + (0.3 * (i + 0.5)) / nodes;
    sum += exactPowerTwoProportionZ(0.8 * prevalence, prevalence, perArm);
  }
  return sum / nodes;
}

describe('assurance over uncertain inputs', () => {
  it('equals the average of exact power over a grid of the input, within Monte Carlo error', async () => {
    const { design } = await loadDesign('teaching-two-arm', [PREVALENCE, 'simulation.assurance=true']);
    expect(drawsInputs(design)).toBe(true);
    const target = choosePowerTarget(design);
    expect(targetMeasure(design, target)).toBe('assurance');
    const trials = 4000;
    const { tally } = await inProcessRange(design, 0, trials);
    const assurance = countSuccesses(design, target, tally) / trials;
    // Midpoint rule with 200 nodes; doubling to 400 moves it by < 1e-5 (checked below), far inside
    // the 4-SE Monte Carlo tolerance of 4000 trials (about ±0.028).
    const exact = exactAssurance(100, 200);
    expect(Math.abs(exact - exactAssurance(100, 400))).toBeLessThan(1e-5);
    expect(Math.abs(assurance - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / trials));
    // And it is not the power at the central value (0.45), which is far from the average here.
    const atCentre = exactPowerTwoProportionZ(0.36, 0.45, 100);
    expect(Math.abs(atCentre - exact)).toBeGreaterThan(0.01);
  });

  it('gives the same tally for any split of the trials (each trial draws its inputs from its own stream)', async () => {
    const { design } = await loadDesign('teaching-two-arm', [PREVALENCE, 'simulation.assurance=true']);
    const whole = (await inProcessRange(design, 0, 300)).tally;
    const first = (await inProcessRange(design, 0, 120)).tally;
    mergeRunTally(first, (await inProcessRange(design, 120, 300)).tally);
    const target = choosePowerTarget(design);
    expect(first.trials).toBe(300);
    expect(countSuccesses(design, target, first)).toBe(countSuccesses(design, target, whole));
    // Without --assurance the input stays at its central value: a different (plain power) tally.
    const plain = (await loadDesign('teaching-two-arm', [PREVALENCE])).design;
    const central = (await inProcessRange(plain, 0, 300)).tally;
    expect(countSuccesses(plain, target, central)).not.toBe(countSuccesses(design, target, whole));
  });

  it('sample-size --assurance finds the size whose exact assurance reaches the target', async () => {
    const base = await loadDesign('teaching-two-arm', [PREVALENCE, 'simulation.assurance=true']);
    const parameter = describeParameter(base.design, 'design.size.total');
    const plan = await planSampleSize(
      base.design,
      parameter,
      async (value) => designWith(base, parameter.overrides(value)).design,
      inProcessRange,
      { target: 0.6, precision: 0.01 },
    );
    expect(plan.measure).toBe('assurance');
    expect(plan.search.status).toBe('found');
    const [lower, upper] = plan.search.valueCI!;
    // The exact assurance crosses 0.6 inside the search's interval (sizes are totals, two equal arms);
    // 0.02 of slack covers the search's own Monte Carlo error at precision 0.01 (2 SEs).
    expect(exactAssurance(Math.floor(lower / 2), 60)).toBeLessThan(0.6 + 0.02);
    expect(exactAssurance(Math.ceil(upper / 2), 60)).toBeGreaterThan(0.6 - 0.02);
  }, 240_000);
});
