import type { AnalysisResult } from './analysis-result.js';

/**
 * A successful analysis result on the log-ratio scale: the estimate, its standard error, the
 * interval estimate ± criticalValue·standardError, and the test's p-value (which may come from a
 * different statistic than the interval, e.g. the pooled z test beside a Katz interval).
 *
 * @example logRatioResult(-0.5, 0.2, 1.96, 0.0124) → interval [-0.892, -0.108]
 */
export function logRatioResult(
  logEstimate: number,
  standardError: number,
  criticalValue: number,
  pValue: number,
): AnalysisResult {
  const halfWidth = criticalValue * standardError;
  return {
    failed: false,
    failure: '',
    logEstimate,
    standardError,
    lower: logEstimate - halfWidth,
    upper: logEstimate + halfWidth,
    pValue,
  };
}
