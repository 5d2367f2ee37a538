/**
 * The standard error of a log ratio recovered from the 95% confidence interval a paper reports for
 * the ratio, the figure a reader of a trial report usually has in hand.
 */

/** z_{0.975}, the normal quantile of a two-sided 95% interval (R: `qnorm(0.975)` = 1.959964). */
export const Z_95 = 1.959964;

/**
 * The standard error of ln(ratio) implied by a 95% interval [low, high] of the ratio, assuming the
 * interval was computed on the log scale (as Wald intervals for rate, risk and odds ratios are):
 * the interval is ln(ratio) ± 1.959964·SE, so SE = (ln high − ln low) / (2 × 1.959964).
 * Reference: Altman & Bland (2011), "How to obtain the confidence interval from a P value",
 * BMJ 343:d2090 (the same identity read backwards).
 *
 * Example: `logRatioStandardError(0.36, 1.0)` → 0.260630 (R: `log(1/0.36)/(2*1.959964)`).
 */
export function logRatioStandardError(low: number, high: number): number {
  return (Math.log(high) - Math.log(low)) / (2 * Z_95);
}
