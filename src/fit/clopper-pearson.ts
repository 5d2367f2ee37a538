import { regularizedIncompleteBeta } from '../core/distributions/incomplete-beta.js';
import type { Estimate } from './estimate.js';
import { findRoot } from '../core/numerics/find-root.js';

/**
 * A share x/n with its exact (Clopper–Pearson) 95% interval: the ends are the p at which seeing
 * at least x (lower end) or at most x (upper end) successes has probability 2.5%.
 *
 * Formula in words: lower = the 0.025 quantile of Beta(x, n − x + 1) (0 when x = 0), upper = the
 * 0.975 quantile of Beta(x + 1, n − x) (1 when x = n), each found as the root of the regularized
 * incomplete beta function minus the level.
 * Reference: C. J. Clopper & E. S. Pearson, Biometrika 26 (1934) 404–413.
 *
 * @example shareEstimate(7, 20) // { value: 0.35, interval: [0.1539…, 0.5922…] } (R: binom.test(7, 20)$conf.int)
 */
export function shareEstimate(successes: number, trials: number): Estimate {
  const value = trials > 0 ? successes / trials : Number.NaN;
  const lower = successes === 0 ? 0 : betaQuantile(0.025, successes, trials - successes + 1);
  const upper = successes === trials ? 1 : betaQuantile(0.975, successes + 1, trials - successes);
  return { value, interval: [lower, upper] };
}

function betaQuantile(p: number, a: number, b: number): number {
  return findRoot((x) => regularizedIncompleteBeta(x, a, b) - p, 0, 1, 1e-14);
}
