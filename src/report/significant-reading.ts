/**
 * The plain reading of exaggeration: what a significant trial would report, on the ratio's own
 * scale, beside the truth — the winner's curse in a commissioner's words.
 */
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';
import { describeChange } from './describe-change.js';
import { formatPercent, formatRatio } from './format-numbers.js';

/**
 * One sentence for an outcome: the mean ratio reported by significant trials that find the true
 * direction (`meanSignificantRatio`, an arithmetic mean of ratio estimates) as a percentage change,
 * the true intention-to-treat ratio (`estimand`) likewise, and the share of significant trials
 * that point the wrong way when there are any (type S). Null when no significant trial found the
 * true direction or there is no effect.
 *
 * Example: knife with estimand 0.633, meanSignificantRatio 0.52 and type S 0 →
 * `"a significant trial reports on average a 48% reduction when the truth is a 37% reduction (ratios 0.52 and 0.633)"`.
 */
export function significantReading(result: OutcomeDiagnosis): string | null {
  if (result.meanSignificantRatio === null || result.estimand === 1) return null;
  const reported = result.meanSignificantRatio;
  const wrongWay =
    result.typeS !== null && result.typeS > 0
      ? `; ${formatPercent(result.typeS)} of significant trials report ${result.estimand < 1 ? 'an increase' : 'a reduction'} instead`
      : '';
  return (
    `a significant trial reports on average ${describeChange(reported)} when the truth is ` +
    `${describeChange(result.estimand)} (ratios ${formatRatio(reported)} and ${formatRatio(result.estimand)})${wrongWay}`
  );
}

/**
 * The plain readings as a short list under a heading, for the primary outcomes (or the first
 * outcome when none is primary); empty when no outcome has one.
 *
 * Example: milton-keynes → ["What a significant result would report (intention to treat):",
 * "  crime: a significant trial reports on average a 61% reduction when the truth is …", …].
 */
export function significantReadingLines(summary: RunSummary): string[] {
  const primary = summary.results.filter((r) => r.primary);
  const shown = primary.length > 0 ? primary : summary.results.slice(0, 1);
  const lines = shown.flatMap((r) => {
    const reading = significantReading(r);
    return reading === null ? [] : [`  ${r.outcome}: ${reading}.`];
  });
  return lines.length === 0 ? [] : ['What a significant result would report (intention to treat):', ...lines];
}
