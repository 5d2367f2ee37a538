import type { Design, Outcome } from '../design.js';
import type { PreparedDesign } from '../prepare-design.js';
import type { Familywise, OriginalSummary, OutcomeDiagnosis, ReplicationSuccessEstimate } from './run-summary.js';
import type { OutcomeTally, RunTally } from './tally.js';
import { wilsonInterval } from './wilson-interval.js';

/** Analyses to suggest when a test is invalid, by outcome kind (permutation is valid at any size). */
const VALID_ALTERNATIVES: Record<Outcome['kind'], string> = {
  count: 'quasi-poisson or permutation (or cluster-summary under cluster randomisation)',
  binary: 'fisher-exact or permutation (or cluster-summary under cluster randomisation)',
  harm: 'permutation (or cluster-summary under cluster randomisation)',
};

/**
 * Turns a run's tallies into its diagnosands (DeclareDesign's diagnose_design): per outcome the
 * power with its Wilson interval and Monte Carlo SE, the real type I error from the paired null
 * run, bias and RMSE of the log-ratio estimate, coverage, type S and exaggeration among
 * significant results, the geometric mean estimate and the failures; and the family-wise results
 * over primary outcomes. The estimand reported is the prepared design's stated log estimand (the
 * inquiry), on the ratio scale.
 *
 * Example: 410 rejections in 1000 trials → power 0.41, powerCI [0.380, 0.441], mcse 0.0156.
 */
export function diagnose(
  prepared: PreparedDesign,
  tally: RunTally,
): { results: OutcomeDiagnosis[]; familywise: Familywise | null; warnings: string[] } {
  const { design } = prepared;
  const results = design.outcomes.map((outcome, k) => {
    const diagnosis = diagnoseOutcome(
      design,
      outcome,
      tally.outcomes[k],
      tally.nullRun?.outcomes[k] ?? null,
      prepared.statedLogEstimands[k],
    );
    return prepared.replication?.judges[k] ? withReplication(diagnosis, prepared, k, tally.outcomes[k]) : diagnosis;
  });
  const primaryCount = design.outcomes.filter((o) => o.primary).length;
  const familywise: Familywise | null =
    primaryCount === 0 || tally.trials === 0
      ? null
      : {
          anyPrimary: tally.anyPrimary / tally.trials,
          allPrimary: tally.allPrimary / tally.trials,
          errorUnderNull: tally.nullRun ? tally.nullRun.anyPrimary / tally.trials : null,
          multiplicity: design.analysis.multiplicity,
        };
  const warnings: string[] = [];
  if (familywise && familywise.errorUnderNull !== null && primaryCount > 1) {
    const excess = excessOverAlpha(tally.nullRun!.anyPrimary, tally.trials, design.analysis.alpha);
    if (excess) {
      warnings.push(
        `Across the ${primaryCount} primary outcomes, at least one is significant in ${percent(familywise.errorUnderNull)} of null trials ` +
          `(alpha ${design.analysis.alpha}, multiplicity ${design.analysis.multiplicity}): the family-wise error is not controlled.`,
      );
    }
  }
  return { results, familywise, warnings };
}

/**
 * An outcome's diagnosis with its original and the probability of replication success under each
 * criterion: successes over trials, with the Wilson 95% interval (failed analyses count as
 * failures to replicate, as they count as no finding in power).
 *
 * Example: 640 successes in 1000 trials → probability 0.64, ci [0.610, 0.669].
 */
function withReplication(
  diagnosis: OutcomeDiagnosis,
  prepared: PreparedDesign,
  k: number,
  tally: OutcomeTally,
): OutcomeDiagnosis {
  const replication = prepared.replication!;
  const replicated = replication.outcomes.find((r) => r.outcome === k)!;
  const { original, prior } = replicated;
  const successes = tally.replicationSuccesses ?? replication.keys.map(() => 0);
  const replicationSuccess: Record<string, ReplicationSuccessEstimate> = {};
  replication.keys.forEach((key, j) => {
    replicationSuccess[key] = {
      probability: ratio(successes[j], tally.trials),
      ci: wilsonInterval(successes[j], tally.trials),
    };
  });
  const summary: OriginalSummary = {
    estimate: Math.exp(original.logEstimate),
    standardError: original.standardError,
    z: original.logEstimate / original.standardError,
    assumedJustSignificant: replicated.assumedJustSignificant,
    prior: replication.plan.prior,
    heterogeneity: replication.plan.heterogeneity,
    priorMedian: Math.exp(prior.meanLogRatio),
    priorSdLog: Math.sqrt(prior.replicationVariance),
  };
  const warnings = replicated.assumedJustSignificant
    ? [
        ...diagnosis.warnings,
        `The original "${diagnosis.outcome}" is reported only as significant: it is taken as just significant (two-sided p = 0.05, ` +
          `standard error ${summary.standardError.toFixed(3)} of the log ratio), the least evidence the report allows.`,
      ]
    : diagnosis.warnings;
  return { ...diagnosis, warnings, original: summary, replicationSuccess };
}

function diagnoseOutcome(
  design: Design,
  outcome: Outcome,
  tally: OutcomeTally,
  nullTally: OutcomeTally | null,
  logEstimand: number,
): OutcomeDiagnosis {
  const alpha = design.analysis.alpha;
  const trials = tally.trials;
  const estimated = trials - tally.failures;
  const power = ratio(tally.rejections, trials);
  const typeIError = nullTally ? ratio(nullTally.rejections, nullTally.trials) : null;
  const meanError = ratio(tally.sumError.value(), estimated);
  const meanSquaredError = ratio(tally.sumSquaredError.value(), estimated);
  const errorVariance = Math.max(0, meanSquaredError - meanError * meanError);
  const coverage = ratio(tally.covered, estimated);
  const diagnosis: OutcomeDiagnosis = {
    outcome: outcome.id,
    label: outcome.label,
    kind: outcome.kind,
    analysis: outcome.analysis,
    primary: outcome.primary,
    within: outcome.within,
    estimand: Math.exp(logEstimand),
    power,
    powerCI: wilsonInterval(tally.rejections, trials),
    mcse: Math.sqrt((power * (1 - power)) / Math.max(1, trials)),
    adjustedPower: ratio(tally.adjustedRejections, trials),
    typeIError,
    typeIErrorCI: nullTally ? wilsonInterval(nullTally.rejections, nullTally.trials) : null,
    bias: meanError,
    biasMcse: Math.sqrt(errorVariance / Math.max(1, estimated)),
    rmse: Math.sqrt(meanSquaredError),
    coverage,
    coverageMcse: Math.sqrt((coverage * (1 - coverage)) / Math.max(1, estimated)),
    typeS: tally.significantWithTruth > 0 ? tally.wrongSign / tally.significantWithTruth : null,
    exaggeration: tally.significantWithTruth > 0 ? tally.sumExaggeration.value() / tally.significantWithTruth : null,
    meanEstimate: Math.exp(ratio(tally.sumLogEstimate.value(), estimated)),
    failures: tally.failures,
    nullFailures: nullTally ? nullTally.failures : null,
    typeIErrorAboveAlpha: nullTally ? excessOverAlpha(nullTally.rejections, nullTally.trials, alpha) : null,
    warnings: [],
  };
  return { ...diagnosis, warnings: outcomeWarnings(diagnosis, tally, nullTally, alpha) };
}

function outcomeWarnings(
  d: OutcomeDiagnosis,
  tally: OutcomeTally,
  nullTally: OutcomeTally | null,
  alpha: number,
): string[] {
  const warnings: string[] = [];
  if (d.typeIErrorAboveAlpha === true) {
    warnings.push(
      `${d.analysis} on "${d.outcome}" rejects ${percent(d.typeIError ?? 0)} of null trials at alpha ${alpha}: ` +
        ((d.typeIError ?? 0) > 2 * alpha
          ? `the test is not valid for these data (its real false-positive rate is far above alpha), so its power is not meaningful. `
          : `the test is anti-conservative here (its real false-positive rate is above alpha beyond Monte Carlo error), so its power is somewhat overstated. `) +
        `Consider ${VALID_ALTERNATIVES[d.kind]}.`,
    );
  }
  if (tally.failures > 0) {
    warnings.push(
      `${d.analysis} could not be computed for "${d.outcome}" in ${tally.failures} of ${tally.trials} trials (e.g. no events in an arm); ` +
        `those trials count as no finding in power.`,
    );
  }
  if (nullTally && nullTally.failures > 0 && tally.failures === 0) {
    warnings.push(`${d.analysis} could not be computed for "${d.outcome}" in ${nullTally.failures} null trials.`);
  }
  return warnings;
}

/** z of the two-sided 99% Wilson interval used to call a rejection rate above alpha. */
const ABOVE_ALPHA_Z = 2.5758293035489004;

/**
 * True when the rejection rate is above alpha beyond Monte Carlo error: its Wilson 99% interval
 * lies wholly above alpha. 99% rather than 95% because the rule is applied to every outcome of
 * every run, and a false alarm tells the user a valid test is not.
 *
 * Example: 126 of 2,000 null trials (6.3%) at alpha 0.05 → false (99% interval from 4.97%);
 * 3 of 10 → false; 440 of 2,000 (22%) → true.
 */
export function excessOverAlpha(rejections: number, trials: number, alpha: number): boolean {
  return trials > 0 && wilsonInterval(rejections, trials, ABOVE_ALPHA_Z)[0] > alpha;
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}
