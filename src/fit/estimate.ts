/** A fitted value with its 95% confidence interval and how that interval was found. */
export interface Estimate {
  readonly value: number;
  readonly interval: readonly [number, number];
}

/** z₀.₉₇₅, the normal quantile of a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * A positive value and its 95% Wald interval on the log scale: value·exp(±1.96·SE(log value)).
 *
 * @example logScaleEstimate(2, 0.1) // { value: 2, interval: [1.644…, 2.433…] }
 */
export function logScaleEstimate(value: number, logStandardError: number): Estimate {
  const half = Z_95 * logStandardError;
  return { value, interval: [value * Math.exp(-half), value * Math.exp(half)] };
}
