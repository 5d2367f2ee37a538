/**
 * The replication-success part of a run's report, shared by the table and the Markdown formats: per
 * outcome with an original, the original as read, the design prior, and the probability of
 * success under each criterion with its Monte Carlo interval (docs/replication-design.md).
 */
import type { OutcomeDiagnosis, RunSummary } from '../core/diagnosis/run-summary.js';
import { formatPercentWithInterval, formatRatio } from './format-numbers.js';

/** The outcomes of a run that carry an original, in design order. */
export function replicatedResults(summary: RunSummary): OutcomeDiagnosis[] {
  return summary.results.filter((r) => r.replicationSuccess !== undefined);
}

/** What a criterion asks, in a few words, for the legend. */
const CRITERION_MEANING: Readonly<Record<string, string>> = {
  significance: 'the replication alone significant, one-sided in the original’s direction',
  'two-trials': 'original and replication both significant, one-sided, same direction',
  'sceptical-golden': 'sceptical p-value, golden recalibration (Held 2020)',
  'sceptical-nominal': 'sceptical p-value, nominal (stricter than two trials)',
  'sceptical-controlled': 'sceptical p-value, controlled (overall type I error α²)',
  'meta-analysis': 'pooled estimate of original and replication significant',
  'prediction-interval': 'replication inside the original’s 95% prediction interval',
  'small-telescopes': 'replication does not rule out the effect the original had 33% power for',
};

/** "0.602 (SE of log 0.259, z −1.96; reported only as significant)". */
export function describeOriginal(r: OutcomeDiagnosis): string {
  const o = r.original!;
  const reported = o.assumedJustSignificant ? '; reported only as significant, taken as p = 0.05' : '';
  return `original ${formatRatio(o.estimate)} (SE of log ${o.standardError.toFixed(3)}, z ${o.z.toFixed(2)}${reported})`;
}

/** "predictive prior: median 0.602, SD of log 0.259, τ 0.1". */
export function describePrior(r: OutcomeDiagnosis): string {
  const o = r.original!;
  const tau = o.heterogeneity > 0 ? `, τ ${o.heterogeneity}` : '';
  return `${o.prior} prior: median ${formatRatio(o.priorMedian)}, SD of log ${o.priorSdLog.toFixed(3)}${tau}`;
}

/** One [criterion, probability with interval, meaning] row per criterion of one outcome. */
export function replicationSuccessRows(r: OutcomeDiagnosis): [string, string, string][] {
  return Object.entries(r.replicationSuccess ?? {}).map(([key, estimate]) => [
    key,
    formatPercentWithInterval(estimate.probability, estimate.ci),
    CRITERION_MEANING[key] ?? '',
  ]);
}

/**
 * The replication section of the plain-text report: for each outcome with an original, a line
 * naming the original and prior, then the criteria aligned with their probabilities of success.
 * Empty when no outcome has an original.
 *
 * Example: `Replication success — knife: original 0.602 (…) · conditional prior: median 0.602, …`
 * then `  significance         52.1% [50.7, 53.5]` and a closing legend line.
 */
export function replicationSuccessText(summary: RunSummary): string[] {
  const out: string[] = [];
  for (const r of replicatedResults(summary)) {
    out.push(`Replication success — ${r.outcome}: ${describeOriginal(r)} · ${describePrior(r)}`);
    const rows = replicationSuccessRows(r);
    const keyWidth = Math.max(...rows.map(([key]) => key.length));
    const valueWidth = Math.max(...rows.map(([, value]) => value.length));
    for (const [key, value] of rows) out.push(`  ${key.padEnd(keyWidth)}  ${value.padStart(valueWidth)}`);
  }
  if (out.length > 0) {
    out.push(
      'P(success): share of simulated replications, each with its true effect drawn from the design prior, that succeed under the criterion [95% Monte Carlo interval]; the criteria are defined in docs/replication-design.md.',
    );
  }
  return out;
}
