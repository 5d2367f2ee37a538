/**
 * One simulated trial — the one spine for both forms — as DeclareDesign's MIDA chain: inquiry (the
 * true effect of this trial), model (the eligible cohort), data strategy (randomise, then measure
 * outcomes), answer strategy (analyse each outcome). The form (people or cells) is the prepared
 * design's, an argument rather than a second code path. A trial is a pure function of (design,
 * seed, trial index): its random streams are derived from those alone, so results never depend on
 * threads, chunks or shards.
 */
import { analyse } from './analysis/analyse.js';
import type { AnalysisResult } from './analysis/analysis-result.js';
import { estimateExposureTimeEffects, type StepResult } from './analysis/exposure-time-effects.js';
import { monitorLooks } from './analysis/group-sequential/monitor-looks.js';
import { drawTrialRatios } from './inquiry/draw-trial-ratios.js';
import { computeLogEstimands } from './inquiry/inquiry.js';
import { drawReplicationRatios } from './inquiry/replication-truth.js';
import type { PreparedDesign } from './prepare-design.js';
import type { AleaStream } from './rng/alea-stream.js';
import { subStream, trialStream } from './rng/trial-stream.js';
import type { TrialRecord } from './trial-record.js';

/** Sub-stream purposes: separate, reproducible random streams within one trial. */
const PERMUTATION_STREAM = 1;
const NULL_PERMUTATION_STREAM = 2;
// Stream 3 holds the effects drawn under assurance (inquiry/draw-trial-ratios.ts), stream 6 a
// replication's effects drawn from its design priors (inquiry/replication-truth.ts).
/** Who has complete follow-up at each interim look (measurement/look-cut.ts), in the effect and the null run. */
const LOOK_STREAM = 4;
const NULL_LOOK_STREAM = 5;

/**
 * What a trial's effect run and its paired null run share: the cohort and the assignment, drawn
 * first from the trial's stream, and the stream just after them. The null run runs on the same
 * stream, so it would draw these very values again; given the effect run's (`simulateTrial`'s
 * `shared`), it takes them and resumes the stream where they left it — the same numbers, without
 * drawing the cohort twice (for a selected cohort, the dearer half of a person-form trial).
 * Filled by the run that finds it empty or holding another trial; emptied by the run that uses it.
 *
 * @example simulateBlock passes one `emptyTrialStart()` to both runs of every trial
 */
export interface TrialStart {
  trialIndex: number;
  cohort: unknown;
  assignment: unknown;
  /** The trial's stream just after the assignment; null once used. */
  rng: AleaStream | null;
}

/** A `TrialStart` holding no trial yet. */
export function emptyTrialStart(): TrialStart {
  return { trialIndex: -1, cohort: null, assignment: null, rng: null };
}

/**
 * Simulates trial `trialIndex` with the scenario's effects, or with none (`nullRun`, on the same
 * random stream so the two runs share cohort and assignment), and analyses every outcome.
 *
 * Formula in words: the trial's stream is `trialStream(seed, trialIndex)`; the effects are the
 * stated ratios (or, under assurance, a draw from sub-stream 3) and the log estimands they imply;
 * the form draws the cohort, the assignment and every outcome from the trial's stream; each
 * outcome's analysis reads what the form measured, permutation tests redrawing from their own
 * sub-stream; a rollout also records each outcome's effect at every exposure time
 * (`estimateExposureTimeEffects`, docs/sequential-and-stepped-wedge.md "Per-step results").
 * Reference: Blair, Cooper, Coppock & Humphreys (2019), APSR 113:838 (MIDA).
 *
 * With `shared`, the cohort and assignment of this trial already drawn by its other run are
 * reused (see `TrialStart`); otherwise they are drawn and left there for the other run.
 *
 * @example simulateTrial(prepareDesign(REF), 0, true).logEstimands → [0, 0]
 */
export function simulateTrial(
  prepared: PreparedDesign,
  trialIndex: number,
  nullRun: boolean,
  shared: TrialStart | null = null,
): TrialRecord {
  const { design, form } = prepared;
  const seed = design.simulation.seed;

  // Inquiry: the effects of this trial, and the estimands they imply.
  let ratios = nullRun ? prepared.nullRatios : prepared.statedRatios;
  let logEstimands = nullRun ? prepared.nullLogEstimands : prepared.statedLogEstimands;
  if (!nullRun && prepared.drawsEffects) {
    ratios = drawTrialRatios(design, prepared.statedRatios, trialIndex);
    // A replication's outcomes with an original take their effect from the design prior instead.
    if (prepared.replication !== null) {
      ratios = drawReplicationRatios(prepared.inquiry, prepared.replication.outcomes, ratios, seed, trialIndex).ratios;
    }
    logEstimands = computeLogEstimands(prepared.inquiry, ratios);
  }

  // Model, assignment, measurement: in the form's own representation.
  let rng: AleaStream;
  let cohort: unknown;
  let assignment: unknown;
  if (shared !== null && shared.rng !== null && shared.trialIndex === trialIndex) {
    ({ cohort, assignment, rng } = shared as TrialStart & { rng: AleaStream });
    shared.rng = null;
  } else {
    rng = trialStream(seed, trialIndex);
    cohort = form.drawCohort(rng);
    assignment = form.assign(cohort, rng);
    if (shared !== null) Object.assign(shared, { trialIndex, cohort, assignment, rng: rng.copy() });
  }
  const measured = form.measure(cohort, assignment, ratios, rng, !nullRun);

  // Answer strategy. Seeding a stream costs about as much as drawing a cell, so only permutation tests get one.
  const analysisRng = prepared.permutes
    ? subStream(seed, trialIndex, nullRun ? NULL_PERMUTATION_STREAM : PERMUTATION_STREAM)
    : null;
  // A rollout's per-step results read the same cluster-periods as its analysis (one per exposure time).
  const exposureTimes = design.plan.rollout?.steps ?? 0;
  const steps: StepResult[][] | null = exposureTimes > 0 ? [] : null;
  const results: AnalysisResult[] = new Array<AnalysisResult>(design.outcomes.length);
  for (let k = 0; k < results.length; k++) {
    const input = form.analysisInput(measured, k);
    results[k] = analyse(design.outcomes[k].analysis, input, design.analysis, analysisRng);
    if (steps !== null)
      steps.push(estimateExposureTimeEffects(input.clusterPeriods ?? null, design.analysis, exposureTimes));
  }
  const perStep = steps === null ? {} : { steps };
  // Interim looks (a group-sequential design): the monitored outcome analysed at each look.
  const interimPlan = prepared.interim;
  if (interimPlan === null) return { results, logEstimands, ...perStep };
  const k = interimPlan.outcome;
  const interim = monitorLooks(
    interimPlan,
    design.outcomes[k].analysis,
    design.analysis,
    form.analysisInput(measured, k),
    results[k],
    subStream(seed, trialIndex, nullRun ? NULL_LOOK_STREAM : LOOK_STREAM),
    analysisRng,
  );
  return { results, logEstimands, interim, ...perStep };
}
