/**
 * The teaching view of replication success: a few simulated replications of one outcome, each
 * with its drawn true effect, its estimate and estimated standard error, and every criterion's
 * verdict — chosen so that the criteria disagree, which shows why "did it replicate?" has no one
 * answer (docs/replication-design.md).
 */
import { criterionKey } from '../core/analysis/replication/criterion-key.js';
import type { Design } from '../core/design.js';
import { prepareDesign } from '../core/prepare-design.js';
import { simulateTrial } from '../core/trial.js';
import { formatRatio } from './format-numbers.js';

/** One simulated replication and how each criterion judges it. */
export interface ReplicationExample {
  readonly trial: number;
  /** The replication's true intention-to-treat ratio, drawn from the design prior. */
  readonly truth: number;
  /** The estimated ratio, and the standard error of its log (null when the analysis failed). */
  readonly estimate: number | null;
  readonly standardError: number | null;
  /** Per criterion key: succeeded or not, and its statistic (a p-value; null when undefined). */
  readonly verdicts: Readonly<Record<string, { readonly succeeds: boolean; readonly statistic: number | null }>>;
}

/** The examples for one outcome, with the original they are judged against. */
export interface ReplicationExamples {
  readonly outcome: string;
  readonly original: { readonly estimate: number; readonly standardError: number };
  readonly criteria: readonly string[];
  readonly examples: readonly ReplicationExample[];
}

/**
 * Simulates up to `scan` trials of the design as written and keeps the first trial of each
 * distinct pattern of verdicts (which criteria succeed), up to `count` examples, so that the
 * examples show the criteria agreeing and disagreeing. Null when the outcome has no original.
 * Trial i is the same trial `run` simulates as its i-th, so the examples are reproducible.
 *
 * Example: milton-keynes-replication, knife → a trial that is significant but fails the golden
 * sceptical p-value (its estimate is smaller than the original's), one that fails both, …
 */
export function replicationExamples(
  design: Design,
  outcomeIndex: number,
  count = 6,
  scan = 400,
): ReplicationExamples | null {
  const prepared = prepareDesign(design);
  const judges = prepared.replication?.judges[outcomeIndex] ?? null;
  if (judges === null || design.replication === undefined) return null;
  const keys = design.replication.success.map(criterionKey);
  const replicated = prepared.replication!.outcomes.find((r) => r.outcome === outcomeIndex)!;
  const seen = new Set<string>();
  const examples: ReplicationExample[] = [];
  for (let trial = 0; trial < scan && examples.length < count; trial++) {
    const record = simulateTrial(prepared, trial, false);
    const result = record.results[outcomeIndex];
    const verdicts: Record<string, { succeeds: boolean; statistic: number | null }> = {};
    judges.forEach((judge, j) => {
      const statistic = result.failed ? Number.NaN : judge.statistic(result.logEstimate, result.standardError);
      verdicts[keys[j]] = {
        succeeds: !result.failed && judge.succeeds(result.logEstimate, result.standardError),
        statistic: Number.isFinite(statistic) ? statistic : null,
      };
    });
    const pattern = keys.map((key) => (verdicts[key].succeeds ? '1' : '0')).join('');
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    examples.push({
      trial,
      truth: Math.exp(record.logEstimands[outcomeIndex]),
      estimate: result.failed ? null : Math.exp(result.logEstimate),
      standardError: result.failed ? null : result.standardError,
      verdicts,
    });
  }
  return {
    outcome: design.outcomes[outcomeIndex].id,
    original: { estimate: Math.exp(replicated.original.logEstimate), standardError: replicated.original.standardError },
    criteria: keys,
    examples,
  };
}

/**
 * The examples as text: one line per replication (trial, true ratio, estimate, SE, z) and a ✓ or ✗
 * per criterion, then a sentence per example in which the criteria disagree naming which pass
 * and which fail.
 *
 * Example: `trial 3  truth 0.55  estimate 0.71  SE 0.21  z -1.63  ✗ significance  ✗ sceptical-golden …`
 */
export function formatReplicationExamples(data: ReplicationExamples): string[] {
  const out = [
    `Why the same replication can "succeed" and "fail": simulated replications of ${data.outcome}, judged against the original ${formatRatio(data.original.estimate)} (SE of log ${data.original.standardError.toFixed(3)}).`,
    '',
  ];
  const width = Math.max(...data.criteria.map((key) => key.length));
  for (const example of data.examples) {
    const estimate =
      example.estimate === null
        ? 'analysis failed'
        : `estimate ${formatRatio(example.estimate)}, SE of log ${example.standardError!.toFixed(3)}, z ${(Math.log(example.estimate) / example.standardError!).toFixed(2)}`;
    out.push(`trial ${example.trial}: true ratio ${formatRatio(example.truth)}; ${estimate}`);
    for (const key of data.criteria) {
      const verdict = example.verdicts[key];
      const statistic = verdict.statistic === null ? '' : `  (p ${verdict.statistic.toPrecision(3)})`;
      out.push(`    ${verdict.succeeds ? '✓' : '✗'} ${key.padEnd(width)}${statistic}`);
    }
    const passed = data.criteria.filter((key) => example.verdicts[key].succeeds);
    const failed = data.criteria.filter((key) => !example.verdicts[key].succeeds);
    if (passed.length > 0 && failed.length > 0) {
      out.push(`    → the same data replicate by ${passed.join(', ')} and fail by ${failed.join(', ')}.`);
    }
    out.push('');
  }
  out.push(
    'significance asks only whether the replication finds an effect; the sceptical p-value also asks that both studies be convincing (golden: a just-significant original needs a replication estimate at least as large); meta-analysis pools both; small-telescopes and the prediction interval ask whether the results are compatible, so a noisy replication passes them easily.',
  );
  return out;
}
