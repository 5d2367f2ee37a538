/**
 * The original trial as data: its reported result (a ratio with an interval, a standard error or
 * a p-value) turned into the two numbers every replication criterion and design prior reads — the
 * log-ratio estimate θ_o and its standard error σ_o. See docs/replication-design.md.
 */
import { normalQuantile } from '../distributions/normal.js';

/** The original's estimate on the log-ratio scale, with its standard error. */
export interface OriginalEstimate {
  /** θ_o: the log of the reported ratio (negative for a reduction). */
  readonly logEstimate: number;
  /** σ_o: the standard error of θ_o (> 0). */
  readonly standardError: number;
}

/**
 * A reported result, as a scenario states it. `estimate` is a ratio (rate, risk or severity
 * ratio; > 0). Exactly one of `ci` (a 95% interval of the ratio), `se` (the standard error of the
 * log ratio) or `p` (a two-sided p-value, or the word 'significant' when the report gives no more)
 * says how precise it was.
 */
export type ReportedResult =
  | { readonly estimate: number; readonly ci: readonly [number, number] }
  | { readonly estimate: number; readonly se: number }
  | { readonly estimate: number; readonly p: number | 'significant' };

/** One thing wrong with a reported result: the field (relative to the result), the bad value and the fix. */
export interface OriginalProblem {
  /** 'estimate', 'ci', 'se' or 'p'. */
  readonly field: string;
  readonly value: unknown;
  readonly message: string;
  readonly hint: string;
}

/** A reported result read as (θ_o, σ_o), or the problems that stop it being read. */
export type OriginalReading =
  | {
      readonly ok: true;
      readonly original: OriginalEstimate;
      /** True when the report said only "significant" and σ_o was set so that p equals α exactly. */
      readonly assumedJustSignificant: boolean;
    }
  | { readonly ok: false; readonly problems: readonly OriginalProblem[] };

// Half-width of a 95% interval in standard errors: Φ⁻¹(0.975).
const Z_95 = normalQuantile(0.975);

/**
 * Reads a reported result as the log-ratio estimate and its standard error, or lists every
 * problem with it (the scenario layer turns them into exit-2 errors with the full path).
 *
 * Formula in words: θ_o = log(estimate). From a 95% interval [lo, hi]:
 * σ_o = (log hi − log lo) / (2·Φ⁻¹(0.975)). From `se`: σ_o = se. From a two-sided p-value:
 * z = Φ⁻¹(1 − p/2) and σ_o = |θ_o| / z. From 'significant': the result is taken as *just*
 * significant at the original's two-sided α (p = α), the least evidence consistent with the
 * report, so σ_o = |θ_o| / Φ⁻¹(1 − α/2) and `assumedJustSignificant` is true for the output to say so.
 * Reference: Altman & Bland, "How to obtain the P value from a confidence interval", BMJ 343
 * (2011) d2304, for the interval and p-value conversions.
 *
 * Problems: estimate not a number > 0; an interval that is not two numbers 0 < lo < hi, or
 * that does not contain the estimate; se not > 0; p outside (0, 1) (0 and 1 included: neither
 * gives a standard error); an estimate of exactly 1 with a p-value (no direction, no SE).
 *
 * @param reported the result as the report gives it
 * @param alpha the original's two-sided significance level, used only for 'significant' (default 0.05)
 * @example
 * readOriginalResult({ estimate: 0.602, ci: [0.38, 0.95] })
 * // → θ_o = log 0.602 ≈ −0.507498, σ_o = log(0.95/0.38)/3.919928 ≈ 0.233752
 * readOriginalResult({ estimate: 0.602, p: 'significant' })
 * // → σ_o = 0.507498/1.959964 ≈ 0.258932, assumedJustSignificant true
 */
export function readOriginalResult(reported: ReportedResult, alpha = 0.05): OriginalReading {
  const problems: OriginalProblem[] = [];
  const { estimate } = reported;
  const estimateOk = typeof estimate === 'number' && Number.isFinite(estimate) && estimate > 0;
  if (!estimateOk) {
    problems.push({
      field: 'estimate',
      value: estimate,
      message: 'must be a ratio > 0 (a rate, risk or severity ratio; below 1 is a reduction)',
      hint: 'give the reported ratio itself, e.g. 0.602 for a 39.8% reduction, not the percentage',
    });
  }
  const logEstimate = estimateOk ? Math.log(estimate) : Number.NaN;
  let standardError = Number.NaN;
  let assumedJustSignificant = false;
  if ('ci' in reported) {
    standardError = standardErrorFromInterval(reported.ci, estimateOk ? estimate : Number.NaN, problems);
  } else if ('se' in reported) {
    const { se } = reported;
    if (typeof se === 'number' && Number.isFinite(se) && se > 0) standardError = se;
    else {
      problems.push({
        field: 'se',
        value: se,
        message: 'must be a standard error of the log ratio > 0',
        hint: 'give the standard error of log(estimate); from a 95% interval use ci: [lower, upper] instead',
      });
    }
  } else {
    const { p } = reported;
    const pValue = p === 'significant' ? alpha : p;
    assumedJustSignificant = p === 'significant';
    if (!(typeof pValue === 'number' && pValue > 0 && pValue < 1)) {
      problems.push({
        field: 'p',
        value: p,
        message: "must be a two-sided p-value strictly between 0 and 1, or 'significant'",
        hint: "a reported 'p < 0.001' can be given as p: 0.001 (conservative); 0 and 1 give no standard error",
      });
    } else if (estimateOk && logEstimate === 0) {
      problems.push({
        field: 'estimate',
        value: estimate,
        message: 'an estimate of exactly 1 has no direction, so a p-value cannot give its standard error',
        hint: 'give the interval (ci) or standard error (se) instead',
      });
    } else if (estimateOk) {
      standardError = Math.abs(logEstimate) / normalQuantile(1 - pValue / 2);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, original: { logEstimate, standardError }, assumedJustSignificant };
}

// σ_o from a 95% interval of the ratio, or NaN after recording why not.
function standardErrorFromInterval(
  ci: readonly [number, number],
  estimate: number,
  problems: OriginalProblem[],
): number {
  const wellFormed =
    Array.isArray(ci) &&
    ci.length === 2 &&
    ci.every((bound) => typeof bound === 'number' && Number.isFinite(bound)) &&
    ci[0] > 0 &&
    ci[0] < ci[1];
  if (!wellFormed) {
    problems.push({
      field: 'ci',
      value: ci,
      message: 'must be a 95% interval of the ratio, [lower, upper] with 0 < lower < upper',
      hint: 'write the interval of the ratio itself, e.g. ci: [0.38, 0.95]',
    });
    return Number.NaN;
  }
  const [lower, upper] = ci;
  if (Number.isFinite(estimate) && !(lower <= estimate && estimate <= upper)) {
    problems.push({
      field: 'ci',
      value: ci,
      message: `does not contain the estimate ${estimate}`,
      hint: 'check the interval belongs to this estimate (and is of the ratio, not of a percentage reduction)',
    });
    return Number.NaN;
  }
  return (Math.log(upper) - Math.log(lower)) / (2 * Z_95);
}
