/**
 * One-at-a-time sensitivity (docs/sensitivity.md): each end of each uncertain input is the design
 * `run --set` gives there; the power at each end agrees with exact enumeration; the ranking is the
 * exact one and is stable across seeds where the swings differ beyond Monte Carlo error; and the
 * common random numbers make the difference between two settings less noisy than independent runs.
 */
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/core/design.js';
import { designWith, loadDesign, type LoadedDesign } from '../../src/scenario/load-design.js';
import { planSensitivity, sensitivityOverrides } from '../../src/search/plan-sensitivity.js';
import { choosePowerTarget, countSuccesses } from '../../src/search/power-target.js';
import { exactPowerTwoProportionZ } from './support/exact-power.js';
import { inProcessRange } from './support/in-process-range.js';

const at = (base: LoadedDesign) => (overrides: readonly string[]) => designWith(base, overrides).design;

describe('planSensitivity', () => {
  it('measures each end as run --set does, agrees with exact power, and ranks by the exact swing', async () => {
    const base = await loadDesign('teaching-two-arm', [
      'outcomes.reoffend.prevalence={ from: 0.4, to: 0.6, central: 0.5 }',
      'outcomes.reoffend.effect.riskRatio={ from: 0.7, to: 0.9, central: 0.8 }',
      'simulation.trials=1000',
    ]);
    const inputs = base.design.uncertainInputs!;
    const target = choosePowerTarget(base.design);
    const plan = await planSensitivity(inputs, at(base), inProcessRange, { trials: 1000, target });
    expect(plan.complete).toBe(true);
    // Exact two-proportion z power, 100 per arm (support/exact-power.ts enumerates both binomials).
    const exact = (prevalence: number, ratio: number) => exactPowerTwoProportionZ(prevalence * ratio, prevalence, 100);
    const expected = {
      'outcomes.reoffend.prevalence': [exact(0.4, 0.8), exact(0.6, 0.8)],
      'outcomes.reoffend.effect.riskRatio': [exact(0.5, 0.7), exact(0.5, 0.9)],
    } as Record<string, [number, number]>;
    const tolerance = (p: number) => 4 * Math.sqrt((p * (1 - p)) / 1000); // 4 binomial MC SEs of 1000 trials
    for (const bar of plan.bars) {
      const [low, high] = expected[bar.input.path];
      expect(Math.abs(bar.low.power - low)).toBeLessThan(tolerance(low));
      expect(Math.abs(bar.high.power - high)).toBeLessThan(tolerance(high));
    }
    // Exact swings: the effect (~0.50 − 0.06) far beyond the prevalence (~0.15): the effect ranks first.
    expect(plan.bars.map((bar) => bar.input.path)).toEqual([
      'outcomes.reoffend.effect.riskRatio',
      'outcomes.reoffend.prevalence',
    ]);
    // The uncertain effect is written as its central value except where it is the input moved.
    expect(sensitivityOverrides(inputs)).toEqual(['outcomes.reoffend.effect.riskRatio=0.8']);
    expect(plan.baseline.power).toBeCloseTo(
      countSuccesses(
        base.design,
        target,
        (await inProcessRange(at(base)(['outcomes.reoffend.effect.riskRatio=0.8']), 0, 1000)).tally,
      ) / 1000,
      12,
    );
  });

  it('ranks milton-keynes the same way with two seeds wherever two swings differ beyond Monte Carlo error', async () => {
    const rankings: Map<string, number>[] = [];
    const swings: Map<string, { swing: number; se: number }>[] = [];
    const trials = 300;
    for (const seed of [2023, 7]) {
      const base = await loadDesign('milton-keynes', [`simulation.seed=${seed}`]);
      const plan = await planSensitivity(base.design.uncertainInputs!, at(base), inProcessRange, {
        trials,
        target: choosePowerTarget(base.design),
      });
      rankings.push(new Map(plan.bars.map((bar, rank) => [bar.input.path, rank])));
      // SE of a swing as if its two ends were independent binomials: an upper bound, since the
      // common random numbers correlate the ends positively on this (person) engine.
      const se = (p: number) => (p * (1 - p)) / trials;
      swings.push(
        new Map(
          plan.bars.map((bar) => [
            bar.input.path,
            { swing: bar.swing, se: Math.sqrt(se(bar.low.power) + se(bar.high.power)) },
          ]),
        ),
      );
    }
    const paths = [...rankings[0].keys()];
    expect(paths.length).toBe(7);
    let compared = 0;
    for (const a of paths)
      for (const b of paths) {
        if (a >= b) continue;
        // Distinct beyond error in both runs: the swings' difference exceeds 4 SEs of a difference.
        const clear = swings.every((run) => {
          const [x, y] = [run.get(a)!, run.get(b)!];
          return Math.abs(x.swing - y.swing) > 4 * Math.hypot(x.se, y.se);
        });
        if (!clear) continue;
        compared += 1;
        const order = rankings.map((ranking) => Math.sign(ranking.get(a)! - ranking.get(b)!));
        expect(order[0], `${a} against ${b}`).toBe(order[1]);
      }
    // The test means something only if some pairs are clearly apart (knife's rate against the ICC, say).
    expect(compared).toBeGreaterThan(3);
  }, 300_000);

  it('common random numbers: the difference between two settings has a smaller Monte Carlo SE than with independent streams', async () => {
    // 80 replicate seeds; each gives power at prevalence 0.45 and 0.55 (200 trials each) on the same
    // seed (as sensitivity does) and, for comparison, the 0.55 end on an unrelated seed.
    const base = await loadDesign('teaching-two-arm', ['simulation.engine=person']);
    const target = choosePowerTarget(base.design);
    const power = async (prevalence: number, seed: number) => {
      const design: Design = designWith(base, [
        `outcomes.reoffend.prevalence=${prevalence}`,
        `simulation.seed=${seed}`,
      ]).design;
      return countSuccesses(design, target, (await inProcessRange(design, 0, 200)).tally) / 200;
    };
    const common: number[] = [];
    const independent: number[] = [];
    for (let seed = 1; seed <= 80; seed++) {
      const low = await power(0.45, seed);
      common.push(low - (await power(0.55, seed)));
      independent.push(low - (await power(0.55, seed + 100_000)));
    }
    const variance = (xs: readonly number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    };
    // Variance ratio against the F(79, 79) distribution at one-sided 0.1%:
    // Rscript -e 'print(qf(0.999, 79, 79), digits=10)' → 2.023097474
    expect(variance(independent) / variance(common)).toBeGreaterThan(2.023097474);
  }, 120_000);
});
