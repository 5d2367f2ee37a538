/**
 * Exact power by enumeration (no simulation, no approximation) for the tests of the searches, and
 * a fake `EvaluatePower` that adds binomial Monte Carlo noise to an exact power function.
 */
import seedrandom from 'seedrandom';
import { normalQuantile } from '../../../src/core/distributions/normal.js';
import type { EvaluatePower } from '../../../src/search/power-estimate.js';

function binomialPmf(n: number, p: number): number[] {
  const pmf = new Array<number>(n + 1).fill(0);
  // Recurrence from the mode would be more careful; logs keep it accurate for n in the hundreds.
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logChoose = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logChoose += Math.log(n - k + 1) - Math.log(k);
    pmf[k] = Math.exp(logChoose + k * logP + (n - k) * logQ);
  }
  return pmf;
}

function poissonPmf(mean: number, upTo: number): number[] {
  const pmf = new Array<number>(upTo + 1).fill(0);
  let logTerm = -mean;
  for (let k = 0; k <= upTo; k++) {
    if (k > 0) logTerm += Math.log(mean) - Math.log(k);
    pmf[k] = Math.exp(logTerm);
  }
  return pmf;
}

/**
 * Exact power of the two-sided pooled two-proportion z test with `n1` people in the first arm and
 * `n2` (default n1) in the second: the sum of P(X1 = a)·P(X2 = b) over the (a, b) it rejects (an
 * undefined statistic — pooled proportion 0 or 1 — does not reject).
 */
export function exactPowerTwoProportionZ(p1: number, p2: number, n1: number, alpha = 0.05, n2 = n1): number {
  const critical = normalQuantile(1 - alpha / 2);
  const first = binomialPmf(n1, p1);
  const second = binomialPmf(n2, p2);
  let power = 0;
  for (let a = 0; a <= n1; a++) {
    for (let b = 0; b <= n2; b++) {
      const pooled = (a + b) / (n1 + n2);
      if (pooled <= 0 || pooled >= 1) continue;
      const z = (a / n1 - b / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
      if (Math.abs(z) > critical) power += first[a] * second[b];
    }
  }
  return power;
}

/**
 * Exact power of the two-sided Wald test of log(rate ratio) with `perArm` people per arm, each
 * followed for `exposure`: the arm totals are Poisson(n·λ·t); the statistic is
 * ln(X1/X0)/√(1/X1 + 1/X0), undefined (not rejecting) when either total is 0.
 */
export function exactPowerPoissonWald(
  controlRate: number,
  rateRatio: number,
  exposure: number,
  perArm: number,
  alpha = 0.05,
): number {
  const critical = normalQuantile(1 - alpha / 2);
  const meanControl = perArm * controlRate * exposure;
  const meanTreated = meanControl * rateRatio;
  const upper = (mean: number) => Math.ceil(mean + 12 * Math.sqrt(mean) + 20);
  const control = poissonPmf(meanControl, upper(meanControl));
  const treated = poissonPmf(meanTreated, upper(meanTreated));
  let power = 0;
  for (let x0 = 1; x0 < control.length; x0++) {
    for (let x1 = 1; x1 < treated.length; x1++) {
      const z = Math.log(x1 / x0) / Math.sqrt(1 / x1 + 1 / x0);
      if (Math.abs(z) > critical) power += control[x0] * treated[x1];
    }
  }
  return power;
}

/**
 * A fake simulation: at `value`, trial i succeeds when its own uniform draw (from a stream seeded
 * by `seed` and the value, so asking again with more trials extends the same trials) is below
 * `power(value)`. Counts how many trials were asked for.
 */
export function noisyEvaluator(power: (value: number) => number, seed: number): EvaluatePower & { calls: number } {
  const uniforms = new Map<number, { draws: number[]; random: () => number }>();
  const cachedPower = new Map<number, number>();
  const evaluate = async (value: number, trials: number) => {
    evaluate.calls++;
    if (!uniforms.has(value)) uniforms.set(value, { draws: [], random: seedrandom.alea(`${seed}:${value}`) });
    const { draws, random } = uniforms.get(value)!;
    while (draws.length < trials) draws.push(random());
    if (!cachedPower.has(value)) cachedPower.set(value, power(value));
    const p = cachedPower.get(value)!;
    let successes = 0;
    for (let i = 0; i < trials; i++) if (draws[i] < p) successes++;
    return { power: successes / trials, successes, trials };
  };
  evaluate.calls = 0;
  return evaluate;
}
