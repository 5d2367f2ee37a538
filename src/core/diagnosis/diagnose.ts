import { planClusters } from '../analysis/planned-cluster-layout.js';
import type { Design, Outcome } from '../design.js';
import { diagnoseSteps } from './diagnose-steps.js';
import type { PreparedDesign } from '../prepare-design.js';
import type { Familywise, OriginalSummary, OutcomeDiagnosis, ReplicationSuccessEstimate } from './run-summary.js';
import type { OutcomeTally, RunTally } from './tally.js';
import { coverageBand, excessOverAlpha, judgeRate, rejectionBand } from './tolerance-band.js';
import { wilsonInterval } from './wilson-interval.js';
import { describeCoverageShortfall, describeTooFewClustersOf, hasTooFewClusters } from './validity-causes.js';

export { excessOverAlpha } from './tolerance-band.js';

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
 * significant results, the geometric mean estimate, the arithmetic mean ratio among significant
 * results of the right sign (the plain reading of exaggeration) and the failures; and the
 * family-wise results over primary outcomes. The estimand reported is the prepared design's stated
 * log estimand (the inquiry), on the ratio scale.
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
      prepared.drawsEffects,
    );
    const replicated = prepared.replication?.judges[k]
      ? withReplication(diagnosis, prepared, k, tally.outcomes[k])
      : diagnosis;
    const steps = tally.steps;
    if (steps === undefined || !design.plan.rollout) return replicated;
    const logTruth = prepared.statedLogEstimands[k];
    const periodMonths = design.plan.rollout.periodMonths;
    return { ...replicated, steps: diagnoseSteps(steps.effect[k], steps.nullRun?.[k] ?? null, logTruth, periodMonths) };
  });
  const primaryCount = design.outcomes.filter((o) => o.primary).length;
  const familywise: Familywise | null =
    primaryCount === 0 || tally.trials === 0
      ? null
      : {
          anyPrimary: tally.anyPrimary / tally.trials,
          allPrimary: tally.allPrimary / tally.trials,
          errorUnderNull: tally.nullRun ? tally.nullRun.anyPrimary / tally.trials : null,
          errorUnderNullTolerance: tally.nullRun
            ? judgeRate(tally.nullRun.anyPrimary, tally.trials, rejectionBand(design.analysis.alpha))
            : null,
          errorUnderNullAboveAlpha: tally.nullRun
            ? excessOverAlpha(tally.nullRun.anyPrimary, tally.trials, design.analysis.alpha)
            : null,
          multiplicity: design.analysis.multiplicity,
        };
  const warnings: string[] = [];
  const tooFew = describeTooFewClustersOf(design);
  if (tooFew !== null) warnings.push(tooFew);
  if (familywise && familywise.errorUnderNullTolerance === 'above' && primaryCount > 1) {
    const alpha = design.analysis.alpha;
    warnings.push(
      `Across the ${primaryCount} primary outcomes, at least one is significant in ${percent(familywise.errorUnderNull!)} of null trials ` +
        `(alpha ${alpha}, multiplicity ${design.analysis.multiplicity}), above the tolerance band ${band(rejectionBand(alpha))} ` +
        `beyond Monte Carlo error: the family-wise error is not controlled.`,
    );
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
  drawsEffects: boolean,
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
  const rightSign = tally.significantWithTruth - tally.wrongSign;
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
    typeIErrorBand: rejectionBand(alpha),
    typeIErrorTolerance: nullTally ? judgeRate(nullTally.rejections, nullTally.trials, rejectionBand(alpha)) : null,
    coverageCI: wilsonInterval(tally.covered, estimated),
    coverageBand: coverageBand(alpha),
    coverageTolerance: estimated > 0 ? judgeRate(tally.covered, estimated, coverageBand(alpha)) : null,
    plannedDegreesOfFreedom:
      outcome.analysis === 'cluster-robust' ? (planClusters(design)?.plannedDegreesOfFreedom ?? null) : null,
    warnings: [],
    meanSignificantRatio: rightSign > 0 ? tally.sumSignificantRatio.value() / rightSign : null,
  };
  return { ...diagnosis, warnings: outcomeWarnings(design, outcome, diagnosis, tally, nullTally, drawsEffects) };
}

function outcomeWarnings(
  design: Design,
  outcome: Outcome,
  d: OutcomeDiagnosis,
  tally: OutcomeTally,
  nullTally: OutcomeTally | null,
  drawsEffects: boolean,
): string[] {
  const alpha = design.analysis.alpha;
  const warnings: string[] = [];
  const tooFew = hasTooFewClusters(design, outcome);
  if (tooFew) {
    warnings.push(
      `cluster-robust on "${d.outcome}": too few caseworkers (or sites) for its intervals and p-values to be trusted ` +
        `(see the caseworker warning); its power is counted but should not be relied on, and its coverage and type I error are not judged.`,
    );
  }
  if (tooFew) {
    // The verdict above replaces the judgement of an interval that cannot be trusted.
  } else if (d.typeIErrorTolerance === 'above') {
    warnings.push(
      `${d.analysis} on "${d.outcome}" rejects ${percent(d.typeIError ?? 0)} of null trials at alpha ${alpha}, above the ` +
        `tolerance band ${band(d.typeIErrorBand)} beyond Monte Carlo error: the test is not valid for these data ` +
        `(its real false-positive rate is too high), so its power is not meaningful. Consider ${VALID_ALTERNATIVES[d.kind]}.`,
    );
  } else if (d.typeIErrorTolerance === 'below') {
    warnings.push(
      `${d.analysis} on "${d.outcome}" rejects only ${percent(d.typeIError ?? 0)} of null trials at alpha ${alpha}, below the ` +
        `tolerance band ${band(d.typeIErrorBand)} beyond Monte Carlo error: the test is conservative here, so its power is understated.`,
    );
  }
  if (d.coverageTolerance !== null && d.coverageTolerance !== 'within' && !tooFew) {
    const level = `${formatLevel(1 - alpha)} intervals`;
    const measured = `${d.analysis} on "${d.outcome}": ${percent(d.coverage)} of its ${level} hold the true effect`;
    warnings.push(
      d.coverageTolerance === 'below'
        ? `${measured}, below the tolerance band ${band(d.coverageBand)} beyond Monte Carlo error: its intervals are too narrow ` +
            `and its p-values too small, so power is overstated. ${describeCoverageShortfall(design, outcome, drawsEffects)}`
        : `${measured}, above the tolerance band ${band(d.coverageBand)} beyond Monte Carlo error: its intervals are too wide ` +
            `(conservative), so power is understated.`,
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

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

function band([lower, upper]: readonly [number, number]): string {
  return `[${percent(lower)}, ${percent(upper)}]`;
}

// 0.95 → "95%", 0.9 → "90%", 0.995 → "99.5%".
function formatLevel(level: number): string {
  return `${Number((100 * level).toFixed(1))}%`;
}
