import { regularizedIncompleteBeta } from '../core/distributions/incomplete-beta.js';
import { normalQuantile } from '../core/distributions/normal.js';
import { studentTQuantile } from '../core/distributions/student-t.js';
import { chiSquareQuantile } from './chi-square-quantile.js';
import type { Estimate } from './estimate.js';
import type { ExtractSeverities } from '../scenario/extract.js';

/** The harm severity's lognormal fit and its tail check. */
export interface SeverityFit {
  readonly events: number;
  /** Median severity e^μ with its 95% interval. */
  readonly median: Estimate;
  /** Spread e^σ (geometric SD; σ = sdLog) with its 95% interval. */
  readonly spread: Estimate;
  readonly tail: TailCheck;
}

/** Whether the largest severities are larger than the fitted lognormal allows. */
export interface TailCheck {
  /** False when there are too few events to check (fewer than 100). */
  readonly checked: boolean;
  /** The fitted lognormal's 99th percentile, e^(μ + 2.326σ). */
  readonly fittedQuantile99: number;
  /** The severities' own 99th percentile (type 7, as R's default quantile). */
  readonly observedQuantile99: number;
  /** Events above the fitted 99th percentile, and the 1% of the events expected there. */
  readonly above: number;
  readonly expectedAbove: number;
  /** P(Binomial(n, 0.01) ≥ above): small when the tail is heavier than the lognormal's. */
  readonly pValue: number;
  /** pValue < 0.01. */
  readonly heavier: boolean;
}

/** Fewest events for a tail check (1 expected beyond the 99th percentile). */
const TAIL_CHECK_EVENTS = 100;
/** Level of the tail check. */
export const TAIL_CHECK_LEVEL = 0.01;

/**
 * Fits a lognormal to event severities and checks its upper tail.
 *
 * Formula in words: with the logs l_i of the n severities, mean m and SD s (divisor n − 1), the
 * median is e^m with interval e^(m ± t(0.975, n−1)·s/√n), and the spread e^s with interval
 * exp(s·√((n−1)/χ²(0.975, n−1))) to exp(s·√((n−1)/χ²(0.025, n−1))) — both exact when the logs are
 * normal. Tail check: count the severities above the fitted 99th percentile e^(m + 2.326·s); were
 * the severities lognormal about 1% of them would be, so p = P(Binomial(n, 0.01) ≥ count), and
 * p < 0.01 says the tail is heavier than this lognormal carries (estimating m and s makes the count
 * a little more variable than binomial, so the check errs towards raising the flag).
 * Reference: N. L. Johnson, S. Kotz & N. Balakrishnan, Continuous Univariate Distributions vol. 1
 * (2nd ed., 1994), ch. 14 (lognormal inference); R. J. Hyndman & Y. Fan, Am. Stat. 50 (1996)
 * 361–365 (type 7 quantiles).
 *
 * @example severities e^0, e^1, e^2 → median e^1 = 2.718, spread e^1 = 2.718 (s = 1), tail not checked
 */
export function fitSeverity(severities: ExtractSeverities): SeverityFit {
  const logs = Float64Array.from(severities.values, Math.log);
  const n = logs.length;
  let sum = 0;
  for (const value of logs) sum += value;
  const mean = sum / n;
  let squares = 0;
  for (const value of logs) squares += (value - mean) * (value - mean);
  const sd = Math.sqrt(squares / (n - 1));
  const halfWidth = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  const median = { value: Math.exp(mean), interval: [Math.exp(mean - halfWidth), Math.exp(mean + halfWidth)] as const };
  const spread = {
    value: Math.exp(sd),
    interval: [
      Math.exp(sd * Math.sqrt((n - 1) / chiSquareQuantile(0.975, n - 1))),
      Math.exp(sd * Math.sqrt((n - 1) / chiSquareQuantile(0.025, n - 1))),
    ] as const,
  };
  return { events: n, median, spread, tail: checkTail(logs, mean, sd) };
}

function checkTail(logs: Float64Array, mean: number, sd: number): TailCheck {
  const n = logs.length;
  const fittedLog = mean + normalQuantile(0.99) * sd;
  let above = 0;
  for (const value of logs) if (value > fittedLog) above++;
  const sorted = Float64Array.from(logs).sort();
  const position = 0.99 * (n - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, n - 1);
  const observedLog = sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  const checked = n >= TAIL_CHECK_EVENTS;
  const pValue = checked && above > 0 ? regularizedIncompleteBeta(0.01, above, n - above + 1) : 1;
  return {
    checked,
    fittedQuantile99: Math.exp(fittedLog),
    observedQuantile99: Math.exp(observedLog),
    above,
    expectedAbove: 0.01 * n,
    pValue,
    heavier: checked && pValue < TAIL_CHECK_LEVEL,
  };
}
